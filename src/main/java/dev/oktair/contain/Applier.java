package dev.oktair.contain;

import dev.oktair.errors.Futures;
import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import dev.oktair.okta.OktaApiException;
import dev.oktair.okta.OktaException;
import dev.oktair.okta.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Applies a plan: actions whose dependencies are done run concurrently (the Okta client keeps
 * them within rate limits), each journaled before and after its call. Before sending, each action
 * reads the tenant back: what the journal or the tenant shows done is never sent again, and a
 * call whose answer was lost (crash, reset, 5xx) is read back before it is ever re-sent. A failed
 * action stops the actions that depend on it; independent ones continue. Not thread-safe: one
 * apply at a time per journal.
 */
public final class Applier {
  private final Effects fx;
  private final Journal journal;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Settings settings;

  /**
   * How hard an action is tried.
   *
   * @param threads actions run at once
   * @param attempts calls per action at most (each after a read-back)
   * @param backoff the wait after a failed attempt, doubled each time
   */
  public record Settings(int threads, int attempts, Duration backoff) {
    public Settings {
      if (threads < 1 || attempts < 1 || backoff.isNegative()) {
        throw new IllegalArgumentException("invalid apply settings");
      }
    }

    /** Returns 8 threads, 5 attempts, 500 ms doubling. */
    public static Settings defaults() {
      return new Settings(8, 5, Duration.ofMillis(500));
    }
  }

  /** Returns an applier of actions on {@code fx}, journaling to {@code journal}. */
  public Applier(Effects fx, Journal journal, Clock clock, Sleeper sleeper, Settings settings) {
    this.fx = Objects.requireNonNull(fx, "fx");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Applies {@code plan}; {@code earlier} is what the journal recorded before ({@link Journal#read}). */
  public Result apply(Plan plan, Map<String, Journal.Last> earlier) {
    Map<String, Result.Step> done = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
    try {
      CompletionService<Result.Step> cs = new ExecutorCompletionService<>(pool);
      List<Plan.Entry> waiting = new ArrayList<>(plan.actions());
      int running = 0;
      while (!waiting.isEmpty() || running > 0) {
        for (var it = waiting.iterator(); it.hasNext(); ) {
          Plan.Entry e = it.next();
          String blocker = blocker(e, done);
          if (blocker == null && !ready(e, done)) {
            continue;
          }
          it.remove();
          if (blocker != null) {
            String why = "not run: it depends on " + blocker + ", which is not done";
            journal.outcome(e.id(), e.action(), Journal.Status.NOT_RUN, 0, null, why);
            done.put(e.id(), new Result.Step(e, Result.State.NOT_RUN, why));
          } else {
            cs.submit(() -> run(e, earlier.get(e.action().key())));
            running++;
          }
        }
        if (running > 0) {
          Result.Step s = Futures.get(take(cs));
          running--;
          done.put(s.entry().id(), s);
        } else if (!waiting.isEmpty()) {
          continue; // a newly resolved blocker lets the next pass decide the rest
        }
      }
    } finally {
      pool.shutdownNow();
    }
    List<Result.Step> ordered = new ArrayList<>();
    plan.actions().forEach(e -> ordered.add(done.get(e.id())));
    return new Result(ordered);
  }

  /**
   * Applies the undo of the action {@code id} of {@code plan} (unsuspend, unblock), journaled;
   * {@code earlier} is what the journal recorded before.
   *
   * @throws OktaIrException (USAGE) when the plan has no such action or it has no undo
   */
  public Result undo(Plan plan, String id, Map<String, Journal.Last> earlier) {
    Plan.Entry original = plan.action(id);
    if (original == null) {
      throw new OktaIrException(Kind.USAGE, "the plan has no action " + id);
    }
    Action undo = original.action().undo();
    if (undo == null) {
      throw new OktaIrException(Kind.USAGE, "action " + id + " (" + original.action().kind().label()
          + ") has no undo: only suspend-user and block-ips can be undone");
    }
    Plan.Entry entry = new Plan.Entry("undo-" + id, undo, original.reasons(), List.of(), "undo of " + id);
    Result.Step step = run(entry, earlier.get(undo.key()));
    if (step.state().done()) {
      journal.outcome(original.id(), original.action(), Journal.Status.UNDONE, 0, null, "reversed by undo-" + id);
    }
    return new Result(List.of(step));
  }

  private static boolean ready(Plan.Entry e, Map<String, Result.Step> done) {
    return e.dependsOn().stream().allMatch(done::containsKey);
  }

  private static String blocker(Plan.Entry e, Map<String, Result.Step> done) {
    for (String d : e.dependsOn()) {
      Result.Step s = done.get(d);
      if (s != null && !s.state().done()) {
        return d;
      }
    }
    return null;
  }

  private Result.Step run(Plan.Entry e, Journal.Last last) {
    Action a = e.action();
    if (last != null && last.done()) {
      return new Result.Step(e, Result.State.DONE_EARLIER, "the journal shows it done");
    }
    Instant sentAt = last == null ? null : last.lastIntent();
    String lastError = "no attempt";
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      if (attempt > 1) {
        pause(attempt);
      }
      Check check;
      try {
        check = a.check(fx, sentAt);
      } catch (OktaApiException ex) {
        if (ex.isCredentialProblem()) {
          return fail(e, ex.status(), ex.requestId(), "cannot read it back: " + ex.getMessage());
        }
        lastError = "cannot read it back: " + ex.getMessage();
        continue;
      } catch (OktaException ex) {
        lastError = "cannot read it back: " + ex.getMessage();
        continue;
      }
      if (check.state() == Check.State.DONE) {
        journal.outcome(e.id(), a, Journal.Status.ALREADY_DONE, 0, null, check.detail());
        return new Result.Step(e, sentAt == null ? Result.State.ALREADY_DONE : Result.State.DONE,
            sentAt == null ? check.detail() : check.detail() + " (an earlier call took effect)");
      }
      if (check.state() == Check.State.BLOCKED) {
        return fail(e, 0, null, check.detail());
      }
      sentAt = journal.intent(e, attempt);
      try {
        Action.Sent sent = a.apply(fx);
        journal.outcome(e.id(), a, Journal.Status.DONE, sent.status(), sent.requestId(), sent.detail(), sent.verification());
        return new Result.Step(e, Result.State.DONE, sent.detail(), sent.verification());
      } catch (OktaApiException ex) {
        journal.outcome(e.id(), a, Journal.Status.ERROR, ex.status(), ex.requestId(), ex.getMessage());
        if (ex.isCredentialProblem()) {
          return fail(e, ex.status(), ex.requestId(), ex.getMessage());
        }
        lastError = ex.getMessage();
      } catch (OktaException ex) {
        // no answer: it may or may not have taken effect; the next attempt reads it back first
        journal.outcome(e.id(), a, Journal.Status.ERROR, 0, null, "no answer: " + ex.getMessage());
        lastError = ex.getMessage();
      } catch (IllegalStateException ex) {
        return fail(e, 0, null, ex.getMessage());
      }
    }
    return fail(e, 0, null, "gave up after " + settings.attempts() + " attempts: " + lastError);
  }

  private Result.Step fail(Plan.Entry e, int http, String requestId, String detail) {
    journal.outcome(e.id(), e.action(), Journal.Status.FAILED, http, requestId, detail);
    return new Result.Step(e, Result.State.FAILED, detail);
  }

  private void pause(int attempt) {
    try {
      sleeper.sleep(settings.backoff().multipliedBy(1L << Math.min(attempt - 2, 6)));
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new OktaIrException(Kind.INTERRUPTED, "interrupted while applying the plan");
    }
  }

  private static java.util.concurrent.Future<Result.Step> take(CompletionService<Result.Step> cs) {
    try {
      return cs.take();
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new OktaIrException(Kind.INTERRUPTED, "interrupted while applying the plan");
    }
  }
}
