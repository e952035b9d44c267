package dev.oktair.events;

import dev.oktair.events.RecordParser.Outcome;
import dev.oktair.events.RecordParser.Range;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands the records a read accepts to the handler in input order, parsing them on worker threads
 * while the reading thread goes on splitting and prefiltering: parsing is most of a read's work.
 *
 * <p>Records are copied out of the read buffer into batches of about {@code batchBytes}; a batch
 * goes to a worker when full, and the reading thread delivers finished batches, oldest first, to
 * the handler (always on the reading thread). At most {@code 2 * workers} batches are in flight, so
 * memory stays flat whatever the input's size. Workers start only with the first full batch: a
 * small input is parsed on the reading thread. With no workers, every record is parsed and
 * delivered at once, without a copy. A stop by the handler is exact: the summary counts stand as
 * they stood at the record it stopped on, and the records read ahead are dropped.
 * Not thread-safe: the reading thread's alone.
 */
final class ParseAhead implements AutoCloseable {
  /** How many record bytes a batch gathers before a worker takes it. */
  static final int BATCH_BYTES = 256 << 10;
  /** Workers by default: the cores left beside the reading thread, at most three. */
  static final int WORKERS = Math.min(3, Runtime.getRuntime().availableProcessors() - 1);

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final RecordParser parser;
  private final EventHandler handler;
  private final int workers;
  private final int batchBytes;
  private final ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
  private ExecutorService pool;
  private Batch batch = new Batch();

  long events;
  long rejected;
  long compacted;
  boolean stopped;
  /** The record the handler stopped on, or null. */
  Pending stoppedAt;

  ParseAhead(RecordParser parser, EventHandler handler, int workers, int batchBytes) {
    this.parser = parser;
    this.handler = handler;
    this.workers = Math.max(0, workers);
    this.batchBytes = batchBytes;
  }

  /**
   * A record waiting to be parsed, or a reject made already, with the reading side's counts of
   * blank and skipped lines as they stood when it was read.
   */
  record Pending(Range parse, Range original, long line, boolean compact, RejectedLine ready, long blank, long skipped) {
    Outcome parseWith(RecordParser parser, boolean owned) {
      return ready != null ? new Outcome(null, ready) : parser.parse(parse, original, line, compact, owned);
    }

    /** Returns this record with its bytes copied out of the read buffer. */
    Pending copied() {
      if (ready != null) {
        return this;
      }
      Range p = parse.copy();
      return new Pending(p, original == parse ? p : original.copy(), line, compact, null, blank, skipped);
    }

    int bytes() {
      return ready != null ? 0 : parse.len() + (original == parse ? 0 : original.len());
    }
  }

  /** Takes a record whose bytes may be overwritten after the call; returns false once the handler stopped. */
  boolean add(Pending record) throws IOException {
    if (stopped) {
      return false;
    }
    if (workers == 0) {
      return deliver(record, record.parseWith(parser, false));
    }
    Pending owned = record.copied();
    batch.items.add(owned);
    batch.bytes += owned.bytes();
    return batch.bytes < batchBytes || submit();
  }

  /** Delivers everything still queued; returns false when the handler stopped. */
  boolean finish() throws IOException {
    if (stopped) {
      return false;
    }
    if (!batch.items.isEmpty()) {
      if (pool == null) {
        Batch last = batch;
        batch = new Batch();
        return deliver(last.parse(parser));
      }
      submit();
    }
    while (!stopped && !inFlight.isEmpty()) {
      deliver(await(inFlight.poll()));
    }
    return !stopped;
  }

  /** Stops the workers; records still in flight are dropped. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
      inFlight.clear();
    }
  }

  private boolean submit() throws IOException {
    if (pool == null) {
      pool = Executors.newFixedThreadPool(workers, ParseAhead::daemon);
    }
    Batch full = batch;
    batch = new Batch();
    inFlight.add(pool.submit(() -> full.parse(parser)));
    while (!stopped && !inFlight.isEmpty() && (inFlight.size() > 2 * workers || inFlight.peek().isDone())) {
      deliver(await(inFlight.poll()));
    }
    return !stopped;
  }

  private boolean deliver(Batch done) {
    for (int i = 0; i < done.items.size() && !stopped; i++) {
      deliver(done.items.get(i), done.outcomes[i]);
    }
    return !stopped;
  }

  private boolean deliver(Pending record, Outcome outcome) {
    if (outcome.rejected() != null) {
      rejected++;
      handler.rejected(outcome.rejected());
      return true;
    }
    events++;
    if (record.compact()) {
      compacted++;
    }
    if (!handler.event(outcome.event(), record.line())) {
      stopped = true;
      stoppedAt = record;
    }
    return !stopped;
  }

  private static Batch await(Future<Batch> next) throws IOException {
    try {
      return next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while parsing events");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static Thread daemon(Runnable task) {
    Thread t = new Thread(task, "okta-ir-parse-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  }

  /** Records in input order, and once parsed, what each became. */
  private static final class Batch {
    final List<Pending> items = new ArrayList<>();
    Outcome[] outcomes;
    long bytes;

    Batch parse(RecordParser parser) {
      outcomes = new Outcome[items.size()];
      for (int i = 0; i < outcomes.length; i++) {
        outcomes[i] = items.get(i).parseWith(parser, true);
      }
      return this;
    }
  }
}
