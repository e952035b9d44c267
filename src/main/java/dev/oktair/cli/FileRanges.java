package dev.oktair.cli;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads byte ranges of a few files through one buffer, by positional reads. While the ranges asked
 * for move forward through a file, as the matches of a time-ordered evidence file do, each read
 * fetches ahead, twice as far each time up to {@link #MAX}, so a few reads serve many ranges; a
 * range far from the last one is read alone, so ranges in no order cost one read each, not a
 * window each. Memory stays this buffer's whatever the files' sizes, where a map of a file shows
 * up as the file's size in the process's resident memory. Not thread-safe.
 */
final class FileRanges implements Closeable {
  private static final int FIRST = 64 << 10;
  private static final int MAX = 4 << 20;

  private final List<Path> files;
  private final FileChannel[] channels;
  private byte[] buf = new byte[FIRST];
  /** The file, start and length of what {@link #buf} holds. */
  private int file = -1;
  private long start;
  private int filled;
  /** How far the last read fetched: where the next forward read may start, and what it doubles. */
  private int reach;

  FileRanges(List<Path> files) {
    this.files = files;
    this.channels = new FileChannel[files.size()];
  }

  /** The buffer the last {@link #fetch} filled. */
  byte[] buffer() {
    return buf;
  }

  /**
   * Makes {@link #buffer()} hold {@code len} bytes of file number {@code f} from {@code offset},
   * and returns where they start in it. Throws when the file no longer holds them.
   */
  int fetch(int f, long offset, int len) throws IOException {
    if (f == file && offset >= start && offset + len <= start + filled) {
      return (int) (offset - start);
    }
    boolean forward = f == file && offset >= start && offset < start + filled + reach;
    reach = forward ? Math.min(MAX, Math.max(FIRST, 2 * reach)) : len;
    int want = Math.max(len, reach);
    if (buf.length < want) {
      buf = new byte[want];
    }
    file = -1; // nothing held until the read below completes
    int n = read(channel(f), offset, want);
    if (n < len) {
      throw new EOFException("cut short: " + files.get(f));
    }
    file = f;
    start = offset;
    filled = n;
    return 0;
  }

  /** Reads up to {@code want} bytes from {@code offset} into the buffer; fewer only at the file's end. */
  private int read(FileChannel channel, long offset, int want) throws IOException {
    ByteBuffer into = ByteBuffer.wrap(buf, 0, want);
    while (into.hasRemaining()) {
      if (channel.read(into, offset + into.position()) < 0) {
        break;
      }
    }
    return into.position();
  }

  private FileChannel channel(int f) throws IOException {
    if (channels[f] == null) {
      channels[f] = FileChannel.open(files.get(f));
    }
    return channels[f];
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (FileChannel c : channels) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (IOException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
