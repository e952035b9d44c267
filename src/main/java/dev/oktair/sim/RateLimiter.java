package dev.oktair.sim;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-bucket request counters over 60-second windows of the simulator clock; a window opens
 * with the first request after the previous one closed (Okta's windows are not wall-clock
 * minutes either). Thread-safe.
 */
final class RateLimiter {
  private static final long WINDOW_MILLIS = 60_000;

  private final RateLimits limits;
  private final Clock clock;
  private final Map<String, long[]> windows = new HashMap<>(); // bucket -> {start, count}

  RateLimiter(RateLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * The state of a bucket after a request.
   *
   * @param limit the bucket's ceiling
   * @param remaining requests left in the window
   * @param resetEpochSeconds when the window closes
   * @param allowed false when the request exceeded the limit
   */
  record Decision(int limit, int remaining, long resetEpochSeconds, boolean allowed) {
    Response apply(Response r) {
      return r.header("X-Rate-Limit-Limit", Integer.toString(limit))
          .header("X-Rate-Limit-Remaining", Integer.toString(remaining))
          .header("X-Rate-Limit-Reset", Long.toString(resetEpochSeconds));
    }
  }

  /** Counts one request against {@code bucket}. */
  synchronized Decision consume(String bucket) {
    long[] w = window(bucket);
    int limit = limits.limit(bucket);
    boolean allowed = w[1] < limit;
    if (allowed) {
      w[1]++;
    }
    return new Decision(limit, (int) Math.max(0, limit - w[1]), resetOf(w), allowed);
  }

  /** Returns the bucket's state without counting; {@code exhausted} reports zero remaining (an injected 429). */
  synchronized Decision peek(String bucket, boolean exhausted) {
    long[] w = window(bucket);
    int limit = limits.limit(bucket);
    int remaining = exhausted ? 0 : (int) Math.max(0, limit - w[1]);
    return new Decision(limit, remaining, resetOf(w), !exhausted);
  }

  private long[] window(String bucket) {
    long now = clock.millis();
    long[] w = windows.computeIfAbsent(bucket, b -> new long[] {now, 0});
    if (now >= w[0] + WINDOW_MILLIS || now < w[0]) {
      w[0] = now;
      w[1] = 0;
    }
    return w;
  }

  private static long resetOf(long[] w) {
    return Math.floorDiv(w[0] + WINDOW_MILLIS + 999, 1000);
  }
}
