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
 * Created on the first reject, never overwriting an earlier one. Not thread-safe.
 */
final class Quarantine implements AutoCloseable {
  private static final Pattern NUMBERED = Pattern.compile("(\\d+)-.*\\.rejects\\.jsonl");

  private final Path dir;
  private final String baseName;
  private Path path;
  private OutputStream out;

  Quarantine(Path dir, String baseName) {
    this.dir = dir;
    this.baseName = baseName;
  }

  /** Appends one reject; {@code file} is the input's absolute path. */
  void write(RejectedLine r, String file) {
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
    try {
      if (out == null) {
        open();
      }
      out.write(Json.MAPPER.writeValueAsBytes(o));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the quarantine file " + path, e);
    }
  }

  /** Returns the quarantine file, or null when nothing was rejected. */
  Path path() {
    return path;
  }

  private void open() throws IOException {
    dev.oktair.cases.CasePaths.directory(dir);
    int n = nextNumber();
    for (;; n++) {
      Path candidate = dir.resolve(String.format(Locale.ROOT, "%04d-%s.rejects.jsonl", n, baseName));
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

  private int nextNumber() throws IOException {
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
