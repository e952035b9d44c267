package dev.oktair.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What each evidence file's size, inode and times were when its bytes were last hashed and found
 * to be the ones its manifest seals ({@code .evidence-verified} in the case directory), so that a
 * read need not hash an unchanged file again: the contract of the case database's freshness check.
 * Any write to a file moves its change time, which a user cannot set back ({@code touch -d} sets
 * only the modification time), so a file whose stat is the one recorded holds the verified bytes.
 *
 * <p>Only a settled stat is recorded: one whose change time lies more than {@link #SETTLED} before
 * the hash began by the system clock (file times are the system's, not the case's clock), so a
 * write within the same tick of a coarse file-system clock as the recorded one cannot go unseen.
 * Without a change time (not a POSIX file system) nothing is recorded and every read hashes. The
 * record is a cache: a missing, garbled or unwritable one only costs a hash. Not thread-safe.
 */
final class VerifiedStats {
  static final String FILE = ".evidence-verified";
  private static final long SETTLED = TimeUnit.SECONDS.toNanos(2);

  private final Path file;
  private final Map<String, String> lines;
  private final Clock system;
  private boolean changed;

  private VerifiedStats(Path file, Map<String, String> lines, Clock system) {
    this.file = file;
    this.lines = lines;
    this.system = system;
  }

  /**
   * Returns the record of the case at {@code caseDir}, empty when there is none or it cannot be
   * read; {@code system} is the clock file times are compared with (the system's, but for tests).
   */
  static VerifiedStats of(Path caseDir, Clock system) {
    Path file = caseDir.resolve(FILE);
    Map<String, String> lines = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          lines.put(line.substring(0, tab), line);
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      lines.clear(); // none yet, or not ours to read: every file is hashed, as before
    }
    return new VerifiedStats(file, lines, system);
  }

  /**
   * Returns the stat of {@code path} as this record writes it, or null where the file system has
   * no change time.
   *
   * @throws NoSuchFileException when the file is missing
   */
  static String stat(EvidenceFile sealed, Path path) throws IOException {
    Map<String, Object> a;
    try {
      a = Files.readAttributes(path, "unix:size,lastModifiedTime,ctime,ino,dev");
    } catch (UnsupportedOperationException | IllegalArgumentException notPosix) {
      return null;
    }
    return sealed.name() + '\t' + sealed.sha256() + '\t' + a.get("size") + '\t' + nanos(a.get("lastModifiedTime"))
        + '\t' + nanos(a.get("ctime")) + '\t' + a.get("ino") + '\t' + a.get("dev");
  }

  /** Returns true when {@code stat} is the one recorded when the file was last found intact. */
  boolean vouchesFor(String stat) {
    return stat != null && stat.equals(lines.get(name(stat)));
  }

  /** Returns the system clock's time, in the nanoseconds of file times, at which a hash begins. */
  long hashBegins() {
    return TimeUnit.MILLISECONDS.toNanos(system.millis());
  }

  /** Records that the file with {@code stat} hashed to its sealed bytes, a hash begun at {@code began}. */
  void verified(String stat, long began) {
    if (stat == null || stat.equals(lines.get(name(stat)))) {
      return;
    }
    String[] f = stat.split("\t");
    long mtime = Long.parseLong(f[3]);
    long ctime = Long.parseLong(f[4]);
    if (ctime < began - SETTLED && mtime < began - SETTLED) {
      lines.put(f[0], stat);
      changed = true;
    }
  }

  /**
   * Records the stat of a file this process has just sealed from bytes it hashed itself (an
   * import: the input's hash, or the staged file's read back), so that the first read after an
   * import need not hash it again. Not held to {@link #SETTLED}: nothing was read after the fact
   * here, the hash is of the bytes written. What is given up is narrow: a write by another process
   * after the seal's move and read-only mark, yet within the same tick of the file-system clock
   * (milliseconds), would go unseen by a read; {@code verify} always hashes.
   */
  void sealed(String stat) {
    if (stat != null && !stat.equals(lines.get(name(stat)))) {
      lines.put(name(stat), stat);
      changed = true;
    }
  }

  /** Writes the record when it changed, replacing the old one whole; a failure only loses the cache. */
  void save(List<EvidenceFile> sealed) {
    if (!changed) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (EvidenceFile f : sealed) {
      String line = lines.get(f.name());
      if (line != null) {
        text.append(line).append('\n');
      }
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile(file.getParent(), FILE + "-", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException cannot) {
      try {
        if (tmp != null) {
          Files.deleteIfExists(tmp);
        }
      } catch (IOException ignored) {
        // a stray temporary file is harmless
      }
    }
  }

  private static String name(String stat) {
    return stat.substring(0, stat.indexOf('\t'));
  }

  private static long nanos(Object time) {
    return ((FileTime) time).to(TimeUnit.NANOSECONDS);
  }
}
