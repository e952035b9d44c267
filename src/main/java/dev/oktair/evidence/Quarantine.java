package dev.oktair.evidence;

import dev.oktair.events.Json;
import dev.oktair.events.RejectedLine;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rejects of one input file, {@code quarantine/NNNN-<name>.rejects.jsonl}: one JSON object a
 * line with the file, line, reason, size, SHA-256 and the rejected bytes ({@code raw} text when
 * valid UTF-8 up to 1 MiB, else {@code rawBase64} of the first 64 KiB and {@code truncated}).
 * Created on the first reject, never overwriting an earlier one. For events collected through
 * the API, {@code file} is the page's URL and {@code line} the event's place in the page. Obtained
 * from {@link EvidenceStore#quarantine}. Not thread-safe.
 */
public final class Quarantine implements AutoCloseable {
  private static final Pattern NUMBERED = Pattern.compile("(\\d+)-.*\\.rejects\\.jsonl");

  private final Path dir;
  private final String baseName;
  private Path path;
  private OutputStream out;

  Quarantine(Path dir, String baseName) {
    this.dir = dir;
    this.baseName = baseName;
  }

  /** Appends one reject; {@code file} is the input's absolute path (or the page's URL). */
  public void write(RejectedLine r, String file) {
    try {
      if (out == null) {
        open();
      }
      out.write(line(r, file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the quarantine file " + path, e);
    }
  }

  /** Returns one reject as a line of a quarantine file, its newline included. */
  public static byte[] line(RejectedLine r, String file) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("file", file);
    o.put("line", r.line());
    o.put("reason", r.message());
    o.put("bytes", r.bytes());
    o.put("sha256", r.sha256());
    if (r.text() != null) {
      o.put("raw", r.text());
    } else {
      o.put("rawBase64", Base64.getEncoder().encodeToString(r.prefix()));
      o.put("truncated", r.truncated());
    }
    byte[] json = Json.MAPPER.writeValueAsBytes(o);
    byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    return line;
  }

  /** Returns the quarantine file, or null when nothing was rejected. */
  public Path path() {
    return path;
  }

  private void open() throws IOException {
    dev.oktair.cases.CasePaths.directory(dir);
    int n = nextNumber(dir);
    for (;; n++) {
      Path candidate = nameOf(dir, n, baseName);
      try {
        // Owner-only: quarantined lines are raw input, as sensitive as the evidence itself.
        out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(Files.newByteChannel(candidate,
            java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            dev.oktair.cases.CasePaths.ownerOnlyFile())), 1 << 16);
        path = candidate;
        return;
      } catch (java.nio.file.FileAlreadyExistsException taken) {
        // another file took the number: try the next one
      }
    }
  }

  private static Path nameOf(Path dir, int n, String baseName) {
    return dir.resolve(String.format(Locale.ROOT, "%04d-%s.rejects.jsonl", n, baseName));
  }

  /** Returns a quarantine file name in {@code dir} no file has yet (the caller creates it). */
  static Path unused(Path dir, String baseName) {
    try {
      for (int n = nextNumber(dir); ; n++) {
        Path candidate = nameOf(dir, n, baseName);
        if (!Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          return candidate;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the quarantine " + dir, e);
    }
  }

  private static int nextNumber(Path dir) throws IOException {
    int max = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Matcher m = NUMBERED.matcher(p.getFileName().toString());
        if (m.matches() && m.group(1).length() < 9) {
          max = Math.max(max, Integer.parseInt(m.group(1)));
        }
      }
    }
    return max + 1;
  }

  /** Closes and removes the quarantine file, for an input that turned out to be imported before. */
  void discard() {
    close();
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove the quarantine file " + path, e);
      }
      path = null;
    }
  }

  /** Closes the file; its rejects stay. */
  @Override
  public void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the quarantine file " + path, e);
      }
    }
  }
}
