package dev.oktair.collect;

import dev.oktair.errors.Kind;
import dev.oktair.okta.LogQuery;
import dev.oktair.okta.OktaClient;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every unfinished slice on its own thread; they share the client, and so its rate-limit
 * budget. When one fails the others stop after their current page (its checkpoint written), and
 * the first failure is rethrown.
 */
final class SliceScheduler {
  private SliceScheduler() {}

  static void run(OktaClient client, Job job, List<Job.SliceState> states, LogQuery query, Tally tally) {
    List<Job.SliceState> open = states.stream().filter(s -> !s.done()).toList();
    if (open.isEmpty()) {
      return;
    }
    AtomicBoolean failed = new AtomicBoolean();
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(open.size(), r -> {
      Thread t = new Thread(r, "okta-ir-slice-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      CompletionService<Void> done = new ExecutorCompletionService<>(pool);
      for (Job.SliceState s : open) {
        done.submit(new SliceRunner(client, job, s, query, tally, failed::get));
      }
      Throwable first = null;
      for (int i = 0; i < open.size(); i++) {
        try {
          done.take().get();
        } catch (ExecutionException e) {
          failed.set(true); // the others stop after their current page
          first = first == null ? e.getCause() : first;
        } catch (InterruptedException e) {
          failed.set(true);
          Thread.currentThread().interrupt();
          throw new CollectException(Kind.INTERRUPTED, "interrupted; run the same command again to resume", e);
        }
      }
      if (first instanceof RuntimeException r) {
        throw r;
      }
      if (first instanceof Error err) {
        throw err;
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
