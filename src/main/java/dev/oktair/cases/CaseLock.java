package dev.oktair.cases;

import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import dev.oktair.events.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The OS lock a writing command holds on its case for its whole run, with the holder written in
 * the lock file. The lock is on a byte far past the content, so the holder stays readable on
 * systems whose locks are mandatory. The file is never deleted: deleting would let a third
 * process lock a new file while the second still waits on the old one.
 */
final class CaseLock implements AutoCloseable {
  private static final long REGION = Long.MAX_VALUE - 1;
  /**
   * How long to keep trying before reporting the case busy: long enough to outlast a reading
   * command appending its run to case.json (milliseconds), far too short to wait for a writer.
   */
  private static final int TRIES = 10;
  private static final long PAUSE_MILLIS = 50;

  private final FileChannel channel;
  private final FileLock lock;

  private CaseLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock at {@code file} for {@code writer}, at once or not at all.
   *
   * @throws OktaIrException of kind BUSY naming the holder when another writer has it, IO when the
   *     lock file cannot be written
   */
  static CaseLock acquire(Path file, Path caseDir, Writer writer) {
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE), CasePaths.fileAttributes());
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        throw busy(file, caseDir);
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(Json.MAPPER.writeValueAsBytes(writer)), 0);
      channel.force(true);
      return new CaseLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw OktaIrException.io("cannot lock the case", file, e);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    for (int i = 0; i < TRIES; i++) {
      try {
        FileLock lock = channel.tryLock(REGION, 1, false);
        if (lock != null) {
          return lock;
        }
      } catch (OverlappingFileLockException sameProcess) {
        // another thread of this process holds it: as busy as another process
      }
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OktaIrException(Kind.INTERRUPTED, "interrupted while taking the case lock", e);
      }
    }
    return null;
  }

  private static OktaIrException busy(Path file, Path caseDir) {
    String holder;
    try {
      Writer w = Json.MAPPER.readValue(Files.readAllBytes(file), Writer.class);
      holder = w.describe();
    } catch (IOException | RuntimeException unreadable) {
      holder = "holder not yet recorded";
    }
    return new OktaIrException(Kind.BUSY, "the case " + caseDir + " is being written by another okta-ir process ("
        + holder + "); wait for it to finish, or stop it, then run this again");
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // already failing with a clearer error
      }
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel below releases it too
    }
    closeQuietly(channel);
  }
}
