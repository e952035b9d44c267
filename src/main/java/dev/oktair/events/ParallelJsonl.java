package dev.oktair.events;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads JSONL with worker threads: the reading thread only reads, hands each window's whole lines
 * over as a {@link Block} (the buffer itself, no copy), and delivers finished blocks, oldest first,
 * to the handler; the workers split, prefilter and parse. Nearly all of a read's work is thus
 * spread over the cores, while the handler still sees one thread and input order.
 *
 * <p>Memory stays flat: at most {@code 2 * (4 * workers + 2) + 1} blocks of about one
 * {@link EventReader#CHUNK} are in flight (13 MB with one worker), and their buffers are reused.
 * A line longer than a window is read whole as the sequential splitter does, and one longer than
 * {@link EventReader#MAX_LINE} is streamed past on the reading thread; either keeps its place. No
 * thread starts before the first full block, so a small input is read on the calling thread
 * alone. Not thread-safe: one per read.
 */
final class ParallelJsonl {
  /** How many bytes of whole lines a block gathers, at least, before a worker takes it. */
  static final int BLOCK_BYTES = EventReader.CHUNK / 2;
  /**
   * How many blocks per worker wait in the workers' queue. When it is full the reading thread
   * decodes the next block itself, and meanwhile the workers live on the queue: with one block per
   * worker they ran dry (issue 14's filter on two cores: the worker idle 17% of the read, the
   * reading thread never, so its share set the wall time; with four, and two more, the worker
   * idles under 1%, and the reading thread's CPU fell from 1.31 s to 1.16 s, two profiles each).
   */
  private static final int QUEUED_PER_WORKER = 4;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Input in;
  private final String source;
  private final LinePredicate prefilter;
  private final RecordParser parser;
  private final Delivery delivery;
  private final int workers;
  private final int blockBytes;
  /** The most blocks handed to the workers that wait in their queue; more are decoded on the reading thread. */
  private final int queued;
  private final ArrayDeque<Future<Block>> inFlight = new ArrayDeque<>();
  private final ConcurrentLinkedQueue<byte[]> spare = new ConcurrentLinkedQueue<>();
  private ExecutorService pool;
  /** Where in the window a search for the last LF need start: no LF lies between the window's start and here. */
  private int searched;
  /** Lines, blank lines and skipped lines of the blocks delivered so far. */
  long lines;
  long blank;
  long skipped;

  ParallelJsonl(Input in, String source, LinePredicate prefilter, RecordParser parser, Delivery delivery,
      int workers, int blockBytes) {
    this.in = in;
    this.source = source;
    this.prefilter = prefilter;
    this.parser = parser;
    this.delivery = delivery;
    this.workers = workers;
    this.blockBytes = Math.min(blockBytes, EventReader.CHUNK);
    this.queued = QUEUED_PER_WORKER * workers + 2;
  }

  /** Reads to the end, or until the handler stops. */
  void run() throws IOException {
    try {
      while (!delivery.stopped) {
        int window = in.limit - in.pos;
        if (in.eof) {
          finish();
          return;
        }
        if (window >= blockBytes) {
          int last = Bytes.lastIndexOfNewline(in.buf, Math.max(in.pos, searched), in.limit);
          if (last >= 0) {
            handOff(last + 1);
            continue;
          }
          if (window > EventReader.MAX_LINE + 1) {
            streamPast();
            continue;
          }
          searched = in.limit;
        }
        searched -= refill();
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /**
   * Reads more into the window. When the input fails, the lines read before it are still handed
   * on, as the sequential splitter would have, and then the failure.
   */
  private int refill() throws IOException {
    try {
      return in.refill(in.pos);
    } catch (IOException e) {
      int last = Bytes.lastIndexOfNewline(in.buf, in.pos, in.limit);
      if (last >= 0) {
        inFlight.add(CompletableFuture.completedFuture(
            Block.decode(in.buf, in.pos, last + 1, in.offsetOf(0), source, prefilter, parser)));
      }
      deliverReady(0);
      throw e;
    }
  }

  /** Hands the window's bytes before {@code end} to a worker; the rest stays in a fresh buffer. */
  private void handOff(int end) throws IOException {
    if (pool == null) {
      // When the workers are busy and one block waits, the reading thread decodes the next block
      // itself, while it is still in its cache: every core works, and no more threads than cores.
      pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queued),
          ParallelJsonl::daemon, new ThreadPoolExecutor.CallerRunsPolicy());
    }
    int keep = in.limit - end;
    byte[] fresh = keep <= EventReader.CHUNK / 2 ? spareBuffer() : new byte[keep + EventReader.CHUNK];
    int from = in.pos;
    long base = in.offsetOf(0);
    byte[] full = in.handOff(end, fresh);
    searched = 0;
    FutureTask<Block> task = new FutureTask<>(() -> {
      Block block = Block.decode(full, from, end, base, source, prefilter, parser);
      // A run's bytes are handed to the handler, so its buffer is reused only once it is delivered.
      if (full.length == EventReader.CHUNK) {
        if (block.runBuffer() == null) {
          spare.add(full);
        } else {
          block.pooled = true;
        }
      }
      return block;
    });
    inFlight.add(task);
    pool.execute(task);
    deliverReady(2 * queued + 1);
  }

  /** Streams an over-long line past; its reject takes its place among the blocks. */
  private void streamPast() throws IOException {
    Oversize record = new Oversize(1);
    in.pos = JsonlSplitter.streamPast(in, in.pos, record);
    searched = in.pos;
    RejectedLine r = LineDecoder.rejectOf(record, source, "a line");
    inFlight.add(CompletableFuture.completedFuture(Block.of(RecordParser.Outcome.rejected(r))));
    deliverReady(2 * queued + 1);
  }

  /** Decodes what is left (its last line may lack an LF) and delivers everything in flight. */
  private void finish() throws IOException {
    if (in.pos < in.limit) {
      Block rest = Block.decode(in.buf, in.pos, in.limit, in.offsetOf(0), source, prefilter, parser);
      inFlight.add(CompletableFuture.completedFuture(rest));
    }
    deliverReady(0);
  }

  /**
   * Delivers finished blocks in order, waiting for the oldest while more than {@code max} are in
   * flight; an oldest block no worker has started yet (a worker held up, on a busy machine) is
   * decoded here instead of waited for.
   */
  private void deliverReady(int max) throws IOException {
    while (!delivery.stopped && !inFlight.isEmpty() && (inFlight.size() > max || inFlight.peek().isDone())) {
      Future<Block> oldest = inFlight.poll();
      if (oldest instanceof FutureTask<Block> task) {
        task.run(); // nothing when a worker has started or finished it; its run in the queue is then nothing
      }
      Block block = await(oldest);
      if (block.deliver(delivery, lines, blank, skipped)) {
        lines += block.lines;
        blank += block.blank;
        skipped += block.skipped;
      }
      if (block.pooled) {
        spare.add(block.runBuffer());
      }
    }
  }

  private byte[] spareBuffer() {
    byte[] b = spare.poll();
    return b != null ? b : new byte[EventReader.CHUNK];
  }

  private static Block await(Future<Block> next) throws IOException {
    try {
      return next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading events");
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
    Thread t = new Thread(task, "okta-ir-read-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  }
}
