package dev.oktair.evidence;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The evidence files one read goes through, numbered in the order read, for reading back an event
 * already handed on ({@link DeferredDedup}), and for telling at the end whether a file read back
 * from was changed after it was read: its stat then is not the one it had when read (any write
 * moves the change time; see {@link VerifiedStats}). Not thread-safe.
 */
final class ReadFiles implements DeferredDedup.Written, AutoCloseable {
  private final List<EvidenceFile> sealed = new ArrayList<>();
  private final List<Path> paths = new ArrayList<>();
  /** Each file's stat when its read ended; null where the file system has none. */
  private final List<String> stats = new ArrayList<>();
  private final Map<Integer, FileChannel> open = new HashMap<>();

  /** Notes the file about to be read, sealed as {@code file}; returns its number. */
  int start(EvidenceFile file, Path path) {
    sealed.add(file);
    paths.add(path);
    stats.add(null);
    return paths.size() - 1;
  }

  /** Notes the stat file {@code number} had when its read ended. */
  void read(int number, String stat) {
    stats.set(number, stat);
  }

  @Override
  public byte[] read(int file, long offset, int length) throws IOException {
    FileChannel channel = open.get(file);
    if (channel == null) {
      channel = FileChannel.open(paths.get(file));
      open.put(file, channel);
    }
    return readAt(channel, offset, length, paths.get(file));
  }

  /**
   * Returns the files read back from whose stat is no longer the one they had when their read
   * ended (or is unknown), so that what was decided by reading them back may not hold.
   */
  List<Path> changedSinceRead() {
    List<Path> changed = new ArrayList<>();
    for (int file : open.keySet()) {
      String now;
      try {
        now = VerifiedStats.stat(sealed.get(file), paths.get(file));
      } catch (IOException e) {
        now = null;
      }
      if (now == null || !Objects.equals(now, stats.get(file))) {
        changed.add(paths.get(file));
      }
    }
    return changed;
  }

  /** Returns the {@code length} bytes at {@code offset} of {@code channel}, the file at {@code path}. */
  static byte[] readAt(FileChannel channel, long offset, int length, Path path) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length);
    while (buf.hasRemaining()) {
      if (channel.read(buf, offset + buf.position()) < 0) {
        throw new EOFException("an event of " + path + " is not there to read back");
      }
    }
    return buf.array();
  }

  @Override
  public void close() throws IOException {
    for (FileChannel channel : open.values()) {
      channel.close();
    }
    open.clear();
  }
}
