package dev.oktair.collect;

import dev.oktair.events.LogEvent;
import dev.oktair.evidence.EvidenceWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Merges the slices' part files into one evidence file: every event once (the first of each
 * uuid), ordered by {@code published} then uuid, each line byte-exact. Only the sort keys (from
 * the slices' sort indexes) and a few batches of events are held in memory: events are read back
 * from the part files and parsed on worker threads while the writer hashes the batches before
 * them, in order. The result is the same however the collection was interrupted and resumed.
 */
final class Merger {
  private Merger() {}

  /** Where one event is, and how it sorts. */
  private record Entry(Instant published, String uuid, int slice, long offset, int length) {}

  private static final int BATCH = 500;
  private static final int PARSERS = Math.max(1, Runtime.getRuntime().availableProcessors());

  private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::published)
      .thenComparing(Entry::uuid)
      .thenComparingInt(Entry::slice)
      .thenComparingLong(Entry::offset);

  /** Writes the merged events of {@code slices} to {@code writer}; returns how many it wrote. */
  static long merge(Job job, List<Job.SliceState> slices, EvidenceWriter writer) {
    List<Entry> entries = new ArrayList<>();
    for (Job.SliceState s : slices) {
      index(job, s, entries);
    }
    entries.sort(ORDER);
    List<Entry> kept = firstOfEachUuid(entries);
    FileChannel[] parts = new FileChannel[slices.size()];
    ExecutorService parsers = Executors.newFixedThreadPool(PARSERS, r -> {
      Thread t = new Thread(r, "okta-ir-merge");
      t.setDaemon(true);
      return t;
    });
    try {
      for (Job.SliceState s : slices) {
        parts[s.index()] = FileChannel.open(job.part(s.index()));
      }
      // Events are parsed a batch at a time on other threads while the writer hashes and writes
      // the batches before them, in order.
      Deque<Future<List<LogEvent>>> ahead = new ArrayDeque<>();
      for (int from = 0; from < kept.size(); from += BATCH) {
        List<Entry> batch = kept.subList(from, Math.min(kept.size(), from + BATCH));
        ahead.add(parsers.submit(() -> parse(batch, parts)));
        if (ahead.size() > 2 * PARSERS) {
          writeAll(ahead.poll(), writer);
        }
      }
      while (!ahead.isEmpty()) {
        writeAll(ahead.poll(), writer);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot read the collected pages in " + job.dir(), ex);
    } finally {
      parsers.shutdownNow();
      for (FileChannel ch : parts) {
        closeQuietly(ch);
      }
    }
    return kept.size();
  }

  private static List<Entry> firstOfEachUuid(List<Entry> sorted) {
    Set<String> seen = new HashSet<>(sorted.size() * 2);
    List<Entry> kept = new ArrayList<>(sorted.size());
    for (Entry e : sorted) {
      if (e.uuid().isEmpty() || seen.add(e.uuid())) {
        kept.add(e);
      }
    }
    return kept;
  }

  private static List<LogEvent> parse(List<Entry> batch, FileChannel[] parts) throws IOException {
    List<LogEvent> events = new ArrayList<>(batch.size());
    for (Entry e : batch) {
      events.add(LogEvent.parse(read(parts[e.slice()], e.offset(), e.length())));
    }
    return events;
  }

  private static void writeAll(Future<List<LogEvent>> batch, EvidenceWriter writer) throws IOException {
    try {
      for (LogEvent e : batch.get()) {
        writer.write(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CollectException("interrupted while sealing; run the same command again to finish", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Adds an entry per line of the first {@code length} bytes of the slice's sort index. */
  private static void index(Job job, Job.SliceState slice, List<Entry> out) {
    if (slice.indexBytes() == 0) {
      return;
    }
    byte[] bytes;
    try (FileChannel ch = FileChannel.open(job.sortIndex(slice.index()))) {
      bytes = read(ch, 0, Math.toIntExact(slice.indexBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + job.sortIndex(slice.index()), e);
    }
    long offset = 0;
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      String[] f = line.split("\t", 3);
      Instant at = Instant.MIN;
      if (!f[0].equals("-")) {
        int dot = f[0].indexOf('.');
        at = Instant.ofEpochSecond(Long.parseLong(f[0].substring(0, dot)), Long.parseLong(f[0].substring(dot + 1)));
      }
      int length = Integer.parseInt(f[2]);
      out.add(new Entry(at, f[1], slice.index(), offset, length));
      offset += length + 1L;
    }
  }

  private static byte[] read(FileChannel ch, long offset, int length) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length);
    while (buf.hasRemaining()) {
      if (ch.read(buf, offset + buf.position()) < 0) {
        throw new IOException("a part file is shorter than its checkpoint");
      }
    }
    return buf.array();
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // read-only; nothing to lose
      }
    }
  }
}
