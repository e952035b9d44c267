package dev.oktair.evidence;

import dev.oktair.events.LogEvent;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence files one import writes, numbered in order, for reading back an event already
 * written ({@link DeferredDedup}): the file being written is flushed first, and events kept but
 * not yet handed to its writer (the rest of a run) are read where they wait; an open file stays
 * readable when it is moved into the evidence at its seal. Not thread-safe.
 */
final class WrittenFiles implements DeferredDedup.Written, AutoCloseable {
  private final List<Path> paths = new ArrayList<>();
  private final Map<Integer, FileChannel> open = new HashMap<>();
  private EvidenceWriter current;
  /** Events kept for the file being written but not yet handed to its writer (a run is written whole). */
  private final List<LogEvent> pending = new ArrayList<>();
  private long pendingFrom;

  /** Notes the file {@code writer} is starting; returns its number. */
  int start(EvidenceWriter writer) {
    current = writer;
    paths.add(writer.stagedPath());
    return paths.size() - 1;
  }

  /** Notes that file {@code number} was sealed as {@code path}, or discarded (null): it is no longer written. */
  void done(int number, Path path) throws IOException {
    current = null;
    paths.set(number, path);
    if (path == null) {
      FileChannel channel = open.remove(number);
      if (channel != null) {
        channel.close();
      }
    }
  }

  /** Notes an event kept to be written at {@code offset} of the file being written, once its run is. */
  void pending(LogEvent event, long offset) {
    if (pending.isEmpty()) {
      pendingFrom = offset;
    }
    pending.add(event);
  }

  /** Notes that the events kept so far were handed to the writer. */
  void written() {
    pending.clear();
  }

  @Override
  public byte[] read(int file, long offset, int length) throws IOException {
    if (file == paths.size() - 1 && current != null) {
      if (!pending.isEmpty() && offset >= pendingFrom) {
        return pendingAt(offset);
      }
      current.flush();
    }
    FileChannel channel = open.get(file);
    if (channel == null) {
      Path path = paths.get(file);
      if (path == null) {
        throw new IOException("the import's evidence file " + file + " was discarded");
      }
      channel = FileChannel.open(path);
      open.put(file, channel);
    }
    return ReadFiles.readAt(channel, offset, length, paths.get(file));
  }

  private byte[] pendingAt(long offset) throws IOException {
    long at = pendingFrom;
    for (LogEvent e : pending) {
      if (at == offset) {
        return e.raw();
      }
      at += e.rawLength() + 1L;
    }
    throw new IOException("no event kept at " + offset + " of the file being written");
  }

  @Override
  public void close() throws IOException {
    for (FileChannel channel : open.values()) {
      channel.close();
    }
    open.clear();
  }
}
