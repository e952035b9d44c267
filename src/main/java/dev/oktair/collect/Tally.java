package dev.oktair.collect;

import dev.oktair.events.LogEvent;
import java.time.Instant;
import java.util.List;

/** Sums pages and events over all slices and reports them to one {@link Progress}; thread-safe. */
final class Tally {
  private final Progress progress;
  private final long[] fromMillis;
  private final long[] toMillis;
  private final double[] covered;
  private final RejectBudget rejects;
  private long events;
  private long pages;

  Tally(Progress progress, List<Job.SliceState> slices, RejectBudget rejects) {
    this.progress = progress;
    this.rejects = rejects;
    int n = slices.size();
    this.fromMillis = new long[n];
    this.toMillis = new long[n];
    this.covered = new double[n];
    for (Job.SliceState s : slices) {
      fromMillis[s.index()] = Instant.parse(s.since()).toEpochMilli();
      toMillis[s.index()] = Instant.parse(s.until()).toEpochMilli();
      covered[s.index()] = s.done() ? 1.0 : 0.0;
      events += s.events();
      pages += s.pages();
    }
  }

  synchronized long events() {
    return events;
  }

  synchronized long pages() {
    return pages;
  }

  /** Returns the bound on the collection's rejects, shared by its slices. */
  RejectBudget rejects() {
    return rejects;
  }

  /** Adds one saved page of slice {@code index}; {@code done} when the slice has ended. */
  synchronized void page(int index, List<LogEvent> saved, boolean done) {
    events += saved.size();
    pages++;
    if (done) {
      covered[index] = 1.0;
    } else if (!saved.isEmpty()) {
      Instant last = saved.get(saved.size() - 1).published();
      if (last != null) {
        double span = Math.max(1, toMillis[index] - fromMillis[index]);
        covered[index] = Math.min(1.0, Math.max(covered[index], (last.toEpochMilli() - fromMillis[index]) / span));
      }
    }
    progress.advanced(events, pages, fraction());
  }

  synchronized void note(String message) {
    progress.note(message);
  }

  private double fraction() {
    double sum = 0;
    for (double c : covered) {
      sum += c;
    }
    return covered.length == 0 ? 1.0 : sum / covered.length;
  }
}
