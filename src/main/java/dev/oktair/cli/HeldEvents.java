package dev.oktair.cli;

import dev.oktair.events.LogEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The matched events of a read held for time order: their exact bytes packed one after another
 * into large slabs, and their times in plain arrays. No object is kept per event, so the garbage
 * collector neither walks nor copies them (a slab is large enough for the JVM to place it straight
 * among long-lived objects), and memory is the bytes themselves plus 20 bytes an event. Not
 * thread-safe.
 */
final class HeldEvents {
  /** Slab size: well above the size at which the collector stops copying an array. */
  private static final int SLAB = 4 << 20;

  private final List<byte[]> slabs = new ArrayList<>();
  private final Appender appender = new Appender();
  private int[] slabOf = new int[1024];
  private int[] offsets = new int[1024];
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

  /** Holds a copy of {@code event}'s bytes with its published time. */
  void add(LogEvent event) {
    int len = event.rawLength();
    if (appender.slab == null || appender.used + len > appender.slab.length) {
      appender.slab = new byte[Math.max(SLAB, len)];
      appender.used = 0;
      slabs.add(appender.slab);
    }
    if (size == offsets.length) {
      grow();
    }
    slabOf[size] = slabs.size() - 1;
    offsets[size] = appender.used;
    lengths[size] = len;
    Instant t = event.published();
    seconds[size] = t == null ? 0 : t.getEpochSecond();
    nanos[size] = t == null ? -1 : t.getNano();
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
    for (Integer i : order) {
      if (!sink.take(slabs.get(slabOf[i]), offsets[i], lengths[i])) {
        return;
      }
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
