package dev.oktair.collect;

import dev.oktair.evidence.EvidenceWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges the slices' part files into one evidence file: every event once (the first of each
 * uuid), ordered by {@code published} then uuid, each line byte-exact. Only the sort keys (from
 * the slices' sort indexes) are held in memory: each event's bytes are read back from its part
 * file as it is written. The result is the same however the collection was interrupted and
 * resumed.
 */
final class Merger {
  private Merger() {}

  /** Where one event is, and how it sorts. */
  private record Entry(Instant published, String uuid, int slice, long offset, int length) {}

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
    try {
      for (Job.SliceState s : slices) {
        parts[s.index()] = FileChannel.open(job.part(s.index()));
      }
      // The events were parsed when their page came: only their bytes are read back, and the
      // sort index already gives each one's published time.
      for (Entry e : kept) {
        writer.write(read(parts[e.slice()], e.offset(), e.length()), e.published() == Instant.MIN ? null : e.published());
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot read the collected pages in " + job.dir(), ex);
    } finally {
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
