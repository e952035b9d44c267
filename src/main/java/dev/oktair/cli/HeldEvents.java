package dev.oktair.cli;

import dev.oktair.events.LogEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The matched events of a read held for time order. An event that lies, as it is, in a sealed
 * evidence file ({@link #from}) is held by its place only: its file, offset and length; it is
 * printed at the end by positional reads of the file ({@link FileRanges}), so its bytes never pass through fresh
 * memory (on real-shaped data, copying 170 MB of matches a GB into new slabs cost more than
 * reading them back from the page cache). A file whose stat is not the one it had when its events
 * were held is not read from; it and any file that changes while it is printed from are reported
 * ({@link #changed}). Any other event's exact bytes are packed one after another into large slabs.
 * Times are kept in plain arrays. No object is kept per event, so the garbage collector neither
 * walks nor copies them. Not thread-safe.
 */
final class HeldEvents {
  /** Slab size: well above the size at which the collector stops copying an array. */
  private static final int SLAB = 4 << 20;

  private final List<byte[]> slabs = new ArrayList<>();
  private final Appender appender = new Appender();
  /** The evidence files events are held from, the stat each had when its first event was held. */
  private final List<Path> files = new ArrayList<>();
  private final List<String> stats = new ArrayList<>();
  private final Set<Path> changed = new LinkedHashSet<>();
  /** The file the events added now lie in, as numbered in {@link #files}; -1 when they are to be copied. */
  private int current = -1;
  /** Per event: its file's number, or -1 - its slab's for an event copied. */
  private int[] slabOf = new int[1024];
  private long[] offsets = new long[1024];
  private int[] lengths = new int[1024];
  /** Published time as epoch seconds and nanoseconds; nanos -1 when the event has none. */
  private long[] seconds = new long[1024];
  private int[] nanos = new int[1024];
  private int size;

  /** Receives held events' bytes in order. */
  interface Sink {
    /** Takes one event's bytes {@code buf[off, off + len)}; returns false to stop. */
    boolean take(byte[] buf, int off, int len);
  }

  /** Returns how many events are held. */
  int size() {
    return size;
  }

  /**
   * Notes the evidence file the events added next lie in, each at its {@link LogEvent#offset}, as
   * it is; null when they are to be copied.
   */
  void from(Path file) {
    current = -1;
    if (file != null) {
      String stat = stat(file);
      if (stat != null) {
        files.add(file);
        stats.add(stat);
        current = files.size() - 1;
      }
    }
  }

  /** Holds {@code event} with its published time: by its place in the current file, else a copy of its bytes. */
  void add(LogEvent event) {
    int len = event.rawLength();
    if (size == offsets.length) {
      grow();
    }
    Instant t = event.published();
    seconds[size] = t == null ? 0 : t.getEpochSecond();
    nanos[size] = t == null ? -1 : t.getNano();
    lengths[size] = len;
    if (current >= 0 && event.offset() >= 0) {
      slabOf[size] = current;
      offsets[size] = event.offset();
      size++;
      return;
    }
    copy(event, len);
  }

  /** Holds a copy of {@code event}'s {@code len} bytes. */
  private void copy(LogEvent event, int len) {
    if (appender.slab == null || appender.used + len > appender.slab.length) {
      appender.slab = new byte[Math.max(SLAB, len)];
      appender.used = 0;
      slabs.add(appender.slab);
    }
    slabOf[size] = -slabs.size(); // -1 - the slab's index
    offsets[size] = appender.used;
    try {
      event.writeRaw(appender);
    } catch (IOException e) {
      throw new IllegalStateException(e); // the appender never throws
    }
    size++;
  }

  /**
   * Hands the held events to {@code sink} by published time, those without one last; equal times
   * keep the order they were added in (a stable sort). Stops when the sink returns false.
   */
  void inTimeOrder(Sink sink) {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      boolean noA = nanos[a] < 0;
      boolean noB = nanos[b] < 0;
      if (noA || noB) {
        return Boolean.compare(noA, noB);
      }
      int c = Long.compare(seconds[a], seconds[b]);
      return c != 0 ? c : Integer.compare(nanos[a], nanos[b]);
    });
    for (int f = 0; f < files.size(); f++) {
      if (!stats.get(f).equals(stat(files.get(f)))) {
        changed.add(files.get(f));
      }
    }
    try (FileRanges ranges = new FileRanges(files)) {
      for (Integer i : order) {
        int len = lengths[i];
        boolean more;
        if (slabOf[i] < 0) {
          more = sink.take(slabs.get(-1 - slabOf[i]), (int) offsets[i], len);
        } else if (changed.contains(files.get(slabOf[i]))) {
          more = true; // not read from: what it holds now is not what was checked
        } else {
          int at = read(ranges, slabOf[i], offsets[i], len);
          more = at < 0 || sink.take(ranges.buffer(), at, len);
        }
        if (!more) {
          break;
        }
      }
    } catch (IOException e) {
      // closing a read-only channel: nothing was lost
    } finally {
      for (int f = 0; f < files.size(); f++) {
        if (!stats.get(f).equals(stat(files.get(f)))) {
          changed.add(files.get(f));
        }
      }
    }
  }

  /**
   * Returns the evidence files held events lie in whose stat is no longer the one they had when
   * their events were held (or is unknown): their events, unprinted or printed, may not be those
   * checked. Complete once {@link #inTimeOrder} has returned.
   */
  Set<Path> changed() {
    return changed;
  }

  /**
   * Fetches the {@code len} bytes at {@code offset} of file number {@code file}; returns where they
   * start in the ranges' buffer, or -1 (the file noted as changed) when they cannot be read as they were.
   */
  private int read(FileRanges ranges, int file, long offset, int len) {
    try {
      return ranges.fetch(file, offset, len);
    } catch (IOException e) {
      changed.add(files.get(file)); // gone, cut short or unreadable since its events were held
      return -1;
    }
  }

  /** Returns the stat of {@code file} that any change to it moves, or null when it cannot be had. */
  private static String stat(Path file) {
    try {
      Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino,dev");
      return a.get("size") + "\t" + a.get("lastModifiedTime") + "\t" + a.get("ctime") + "\t" + a.get("ino") + "\t"
          + a.get("dev");
    } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
      return null; // no stat that tells a change: its events are copied
    }
  }

  private void grow() {
    int n = size * 2;
    slabOf = Arrays.copyOf(slabOf, n);
    offsets = Arrays.copyOf(offsets, n);
    lengths = Arrays.copyOf(lengths, n);
    seconds = Arrays.copyOf(seconds, n);
    nanos = Arrays.copyOf(nanos, n);
  }

  /** Copies what an event writes into the current slab, which {@link #add} made room in. */
  private static final class Appender extends OutputStream {
    byte[] slab;
    int used;

    @Override
    public void write(int b) {
      slab[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      System.arraycopy(b, off, slab, used, len);
      used += len;
    }
  }
}
