package dev.oktair.cli;

import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Warns, once, when the heap is too small for the case: G1 with a nearly full heap can spend
 * minutes collecting before it gives up with an out-of-memory error, and a responder watching a
 * silent terminal cannot tell that from slow progress. It only warns: the command goes on (it may
 * still finish), and stopping it is the responder's call. Not thread-safe; one per process.
 */
final class HeapWatch {
  /** How much of the window's wall time the collector must take. */
  static final double GC_SHARE = 0.5;
  /** How full the heap must stay after collecting. */
  static final double FULL = 0.85;
  static final long WINDOW_MILLIS = 10_000;

  /** The window's readings, oldest first from {@link #start}: when, total pause time, heap in use after collecting. */
  private final long[] at = new long[SLOTS];
  private final long[] gc = new long[SLOTS];
  private int first;
  private int size;
  private boolean warned;

  private static final int SLOTS = 64;

  /**
   * Takes a reading ({@code atMillis} on any monotonic clock, the collectors' total pause time so
   * far, the long-lived heap in use after the last collection, the heap's limit); returns true the
   * first time the readings of a whole window show the heap too small (warn then).
   */
  boolean feed(long atMillis, long gcMillis, long usedAfterGc, long max) {
    if (size == SLOTS) {
      drop();
    }
    int i = (first + size++) % SLOTS;
    at[i] = atMillis;
    gc[i] = gcMillis;
    while (size > 2 && atMillis - at[first] > WINDOW_MILLIS) {
      drop();
    }
    long span = atMillis - at[first];
    if (warned || span < WINDOW_MILLIS * 8 / 10 || max <= 0) {
      return false;
    }
    boolean collecting = gcMillis - gc[first] >= GC_SHARE * span;
    boolean full = usedAfterGc >= FULL * max;
    warned = collecting && full;
    return warned;
  }

  private void drop() {
    first = (first + 1) % SLOTS;
    size--;
  }

  /** The warning, naming the heap's size. */
  static String message(long max) {
    return "okta-ir: warning: the Java heap (" + (max >> 20) + " MB) is nearly full and most of the time goes to"
        + " freeing it, so this may take very long or end out of memory; to give it more, stop it (Ctrl-C) and run"
        + " it again with a larger heap, e.g. OKTA_IR_OPTS=-Xmx4g bin/okta-ir ... (or java -Xmx4g -jar target/okta-ir.jar ...)";
  }

  /** Starts watching this JVM on a daemon thread, warning on {@code err}. */
  static void start(PrintWriter err) {
    Thread t = new Thread(() -> watch(err), "okta-ir-heap-watch");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Samples once a second. What it needs is made before the heap fills (the message, the beans,
   * the window's readings), and a reading that cannot be taken for want of memory is skipped:
   * a watch that failed with the heap it watches would warn of nothing.
   */
  private static void watch(PrintWriter err) {
    HeapWatch w = new HeapWatch();
    long max = Runtime.getRuntime().maxMemory();
    String message = message(max);
    List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    while (true) {
      try {
        Thread.sleep(1000);
        if (w.feed(System.nanoTime() / 1_000_000, gcMillis(collectors), usedAfterGc(pools), max)) {
          err.println(message);
          err.flush();
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (OutOfMemoryError e) {
        // the command's own failure says so; this reading is lost, the next may be taken
      }
    }
  }

  private static long gcMillis(List<GarbageCollectorMXBean> collectors) {
    long gc = 0;
    for (GarbageCollectorMXBean b : collectors) {
      gc += Math.max(0, b.getCollectionTime());
    }
    return gc;
  }

  /** What survived the last collection of each heap pool: the old generation holds what the command keeps. */
  private static long usedAfterGc(List<MemoryPoolMXBean> pools) {
    long used = 0;
    for (MemoryPoolMXBean p : pools) {
      MemoryUsage u = p.getCollectionUsage();
      used += u == null ? 0 : u.getUsed();
    }
    return used;
  }
}
