package dev.oktair.detect;

import dev.oktair.errors.Futures;
import dev.oktair.events.LogEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Parses raw events on worker threads and hands their prepared views ({@link Seen#prepared}) on
 * in the order they came. The case database hands a pass its events in time order on one thread;
 * parsing them there too left that thread parsing for over a third of {@code investigate} on the
 * 1 GB real-shaped case while the other core idled. Bounded: a few batches per worker in flight.
 * Not thread-safe: one thread adds, and the views are handed on on that thread.
 */
final class PreparedInOrder implements AutoCloseable {
  /** Events per task: enough that handing a batch over costs little beside parsing it. */
  private static final int BATCH = 256;
  /** Batches per worker waiting or being parsed, so workers never wait for the adding thread. */
  private static final int PER_WORKER = 4;
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Consumer<Seen> sink;
  private final ExecutorService pool;
  private final int most;
  private final ArrayDeque<Future<Seen[]>> inFlight = new ArrayDeque<>();
  private String[] raws = new String[BATCH];
  private boolean[] collisions = new boolean[BATCH];
  private int size;

  /** Hands each view to {@code sink}, parsing on {@code workers} threads. */
  PreparedInOrder(int workers, Consumer<Seen> sink) {
    this.sink = sink;
    this.most = workers * PER_WORKER;
    this.pool = Executors.newFixedThreadPool(workers, task -> {
      Thread t = new Thread(task, "okta-ir-prepare-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Adds the next event: its raw JSON and whether another event with other bytes has its uuid. */
  void add(String raw, boolean uuidCollision) {
    raws[size] = raw;
    collisions[size++] = uuidCollision;
    if (size == BATCH) {
      submit();
    }
  }

  /** Hands on every event added. */
  void finish() {
    if (size > 0) {
      submit();
    }
    while (!inFlight.isEmpty()) {
      handOn(inFlight.removeFirst());
    }
  }

  private void submit() {
    String[] r = raws;
    boolean[] c = collisions;
    int n = size;
    inFlight.add(pool.submit(() -> prepare(r, c, n)));
    raws = new String[BATCH];
    collisions = new boolean[BATCH];
    size = 0;
    while (inFlight.size() > most) {
      handOn(inFlight.removeFirst());
    }
  }

  private static Seen[] prepare(String[] raws, boolean[] collisions, int n) {
    Seen[] out = new Seen[n];
    for (int i = 0; i < n; i++) {
      // the strict check and the fields the pass reads, streamed from the bytes: no tree (RawFields says why)
      out[i] = Detections.prepare(LogEvent.read(raws[i].getBytes(StandardCharsets.UTF_8)), collisions[i]);
    }
    return out;
  }

  private void handOn(Future<Seen[]> batch) {
    for (Seen s : Futures.get(batch)) {
      sink.accept(s);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
