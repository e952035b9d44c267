package dev.oktair.collect;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import dev.oktair.events.Times;
import dev.oktair.evidence.EvidenceWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Merges the slices' part files into one evidence file: every event once (the first of each
 * uuid), ordered by {@code published} then uuid, each line byte-exact. Only the sort keys are
 * held in memory; the events are read back from the part files one at a time, so the result is
 * the same however the collection was interrupted and resumed.
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
      index(job.part(s.index()), s.index(), s.bytes(), entries);
    }
    entries.sort(ORDER);
    Set<String> seen = new HashSet<>();
    long written = 0;
    FileChannel[] parts = new FileChannel[slices.size()];
    try {
      for (Entry e : entries) {
        if (!e.uuid().isEmpty() && !seen.add(e.uuid())) {
          continue;
        }
        FileChannel ch = parts[e.slice()];
        if (ch == null) {
          ch = parts[e.slice()] = FileChannel.open(job.part(e.slice()));
        }
        writer.write(LogEvent.parse(read(ch, e.offset(), e.length())));
        written++;
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot read the collected pages in " + job.dir(), ex);
    } finally {
      for (FileChannel ch : parts) {
        closeQuietly(ch);
      }
    }
    return written;
  }

  /** Adds an entry per line of the first {@code length} bytes of {@code part}. */
  private static void index(Path part, int slice, long length, List<Entry> out) {
    if (length == 0) {
      return;
    }
    try (InputStream in = Files.newInputStream(part)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
      byte[] chunk = new byte[1 << 16];
      long offset = 0;
      long lineStart = 0;
      int n;
      while (offset < length && (n = in.read(chunk, 0, (int) Math.min(chunk.length, length - offset))) > 0) {
        int from = 0;
        for (int i = 0; i < n; i++) {
          if (chunk[i] == '\n') {
            line.write(chunk, from, i - from);
            out.add(key(line.toByteArray(), slice, lineStart));
            line.reset();
            lineStart = offset + i + 1;
            from = i + 1;
          }
        }
        line.write(chunk, from, n - from);
        offset += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + part, e);
    }
  }

  /** Reads only the top-level {@code published} and {@code uuid} of one raw event. */
  private static Entry key(byte[] raw, int slice, long offset) {
    String published = null;
    String uuid = null;
    try (JsonParser p = Json.MAPPER.createParser(raw)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.PROPERTY_NAME && (published == null || uuid == null)) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.VALUE_STRING && name.equals("published")) {
          published = p.getString();
        } else if (value == JsonToken.VALUE_STRING && name.equals("uuid")) {
          uuid = p.getString();
        } else {
          p.skipChildren();
        }
      }
    }
    Instant at = Times.parsePublished(published);
    return new Entry(at == null ? Instant.MIN : at, uuid == null ? "" : uuid, slice, offset, raw.length);
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
