package dev.oktair.cases;

import dev.oktair.errors.OktaIrException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that a reader, or a crash, sees the old bytes or the new ones and never a
 * mix: a temporary file in the same directory, forced to disk, then renamed over the target.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /**
   * Writes {@code bytes} to {@code target} atomically, owner-only.
   *
   * @throws OktaIrException of kind IO, naming the file, when it cannot be written
   */
  public static void write(Path target, byte[] bytes) {
    Path temp = null;
    try {
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".tmp",
          CasePaths.fileAttributes());
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      deleteQuietly(temp);
      throw OktaIrException.io("cannot write", target, e);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // the write already failed; a stray temp file is harmless
      }
    }
  }
}
