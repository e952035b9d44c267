package dev.oktair.collect;

import java.time.Instant;
import java.util.Objects;

/**
 * A bounded collection: a subject's events in {@code [since, until)}.
 *
 * @param subject whose events
 * @param since window start, inclusive
 * @param until window end, exclusive
 * @param slices how many time slices to fetch concurrently (1 = sequential paging)
 * @param jobKey the arguments as the analyst gave them; a re-run with the same key (and org)
 *     resumes an interrupted collection, with the window and filter as first resolved
 */
public record CollectRequest(Subject subject, Instant since, Instant until, int slices, String jobKey) {
  /** The most slices a collection may use. */
  public static final int MAX_SLICES = 64;

  public CollectRequest {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(jobKey, "jobKey");
    if (!until.isAfter(since)) {
      throw new CollectException("the window is empty: its end (" + until + ") must be after its start (" + since + ")");
    }
    if (slices < 1 || slices > MAX_SLICES) {
      throw new CollectException("the number of slices must be 1 to " + MAX_SLICES + ", not " + slices);
    }
  }
}
