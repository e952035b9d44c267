package dev.oktair.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes report files readable by their owner only (0600, directories 0700 where the file system
 * has POSIX permissions): a report names the victim, the attacker's infrastructure and the
 * tenant's gaps. A file appears whole or not at all (temp file, then rename).
 */
final class OwnerOnlyFiles {
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnlyFiles() {}

  /** Creates the directory (owner-only) if it is missing, and makes a directory okta-ir owns owner-only. */
  static void directory(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, attributes("rwx------"));
      }
      if (POSIX) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  /** Body that writes a file's content. */
  interface Body {
    void write(Writer out) throws IOException;
  }

  /** Writes {@code file} through {@code body}, owner-only, replacing any earlier version. */
  static void write(Path file, Body body) {
    Path dir = file.toAbsolutePath().getParent();
    Path temp = null;
    try {
      temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attributes("rw-------"));
      try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        body.write(w);
      }
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      if (POSIX) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the move succeeded or the write failed; a stray temp file is harmless and owner-only
        }
      }
    }
  }

  private static FileAttribute<?>[] attributes(String perms) {
    return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms))}
        : new FileAttribute<?>[0];
  }
}
