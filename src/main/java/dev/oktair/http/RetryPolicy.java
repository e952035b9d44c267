package dev.oktair.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard a request is retried: on 429 (after the rate limit resets), 5xx, timeouts and
 * connection resets; never on another 4xx.
 *
 * @param maxRetries retries after the first attempt
 * @param baseDelay the first backoff delay (doubled per retry)
 * @param maxDelay the cap of one backoff delay
 * @param maxElapsed the total time after which no retry is started
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxElapsed) {
  public RetryPolicy {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxElapsed, "maxElapsed");
    if (maxRetries < 0 || baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || maxElapsed.isNegative()) {
      throw new IllegalArgumentException("invalid retry policy: " + maxRetries + " " + baseDelay + " " + maxDelay);
    }
  }

  /** Returns the default: 8 retries, 250 ms doubling to at most 20 s, 10 minutes in all. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(8, Duration.ofMillis(250), Duration.ofSeconds(20), Duration.ofMinutes(10));
  }

  /**
   * Returns the backoff before retry number {@code retry} (1-based): the capped exponential delay
   * {@code d = min(maxDelay, baseDelay * 2^(retry-1))}, jittered to {@code d/2 + random * d/2}.
   *
   * @param random a uniform number in [0, 1)
   */
  public Duration backoff(int retry, double random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry numbers start at 1: " + retry);
    }
    long base = baseDelay.toMillis();
    long capped = retry > 40 ? maxDelay.toMillis() : Math.min(maxDelay.toMillis(), base << (retry - 1));
    if (capped < 0) {
      capped = maxDelay.toMillis();
    }
    long half = capped / 2;
    return Duration.ofMillis(capped - half + (long) (random * half));
  }

  /** Returns a policy with the same delays and no retry at all. */
  public RetryPolicy none() {
    return new RetryPolicy(0, baseDelay, maxDelay, maxElapsed);
  }
}
