package dev.oktair.sim;

import dev.oktair.events.LogEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A System Log file a seeded history is served from: events are read back by position when a page
 * needs them, so the simulator holds an index of the file, never its bytes. The file must not
 * change while it is served; a file that shrank is reported, not read past. Thread-safe
 * (positional reads).
 */
final class LogFile {
  private final Path path;
  private final FileChannel channel;
  private final long size;

  private LogFile(Path path, FileChannel channel, long size) {
    this.path = path;
    this.channel = channel;
    this.size = size;
  }

  /** Opens {@code path} for reading. */
  static LogFile open(Path path) throws IOException {
    FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
    return new LogFile(path, ch, ch.size());
  }

  /** Returns the event whose bytes are {@code length} bytes at {@code offset}. */
  LogEvent read(long offset, int length) {
    ByteBuffer buf = ByteBuffer.allocate(length);
    try {
      if (offset + length > channel.size()) {
        throw new IOException("it is shorter than when it was read (" + size + " bytes): it changed while served");
      }
      while (buf.hasRemaining()) {
        if (channel.read(buf, offset + buf.position()) < 0) {
          throw new IOException("it ended at " + (offset + buf.position()) + " bytes");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the System Log file " + path + ": " + e.getMessage(), e);
    }
    return LogEvent.parse(buf.array());
  }

  /** Closes the file. */
  void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing was written: a failed close loses nothing
    }
  }
}
