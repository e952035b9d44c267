package dev.oktair.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.DoubleSupplier;

/**
 * Keeps every request within the server's rate limits (Okta's headers; buckets named by the API
 * client's {@link RateBuckets}), shared by all threads of one API (so concurrent work shares one
 * budget). Each response's {@code X-Rate-Limit-Limit},
 * {@code -Remaining} and {@code -Reset} update its bucket, and requests in flight count against
 * it; a request waits when its bucket has no room left before the reset, and once fewer than a
 * tenth of the limit remain the rest is paced evenly over the time left, so the client slows down
 * before it reaches zero and never runs into a 429 of its own making. Times are compared with the
 * server's clock, estimated from the {@code Date} header (as the official SDK does), falling back
 * to the injected clock. Thread-safe; waiting happens outside the lock, through the Sleeper.
 */
final class RateLimiter {
  private static final Duration MARGIN = Duration.ofMillis(50);
  private static final Duration MAX_JITTER = Duration.ofMillis(250);

  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final Map<String, Bucket> buckets = new HashMap<>();
  private Duration offset;

  /** What is known of one rate-limit bucket. */
  private static final class Bucket {
    int limit = -1;
    int remaining;
    long resetEpochSecond;
    int inFlight;
    Instant lastStart;
  }

  RateLimiter(Clock clock, Sleeper sleeper, DoubleSupplier random) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
  }

  /** Blocks until a request to {@code bucket} fits the budget, then counts it as in flight. */
  void acquire(String bucket) throws InterruptedException {
    while (true) {
      Duration wait;
      synchronized (this) {
        Bucket b = buckets.computeIfAbsent(bucket, k -> new Bucket());
        Instant now = serverNow();
        wait = waitFor(b, now);
        if (wait.isZero()) {
          b.inFlight++;
          b.lastStart = now;
          return;
        }
      }
      sleeper.sleep(wait);
    }
  }

  /** Records the end of a request: {@code headers} of its response, or null when none came. */
  synchronized void completed(String bucket, HttpHeaders headers) {
    Bucket b = buckets.computeIfAbsent(bucket, k -> new Bucket());
    b.inFlight = Math.max(0, b.inFlight - 1);
    if (headers == null) {
      return;
    }
    OptionalLong limit = number(headers, "X-Rate-Limit-Limit");
    OptionalLong remaining = number(headers, "X-Rate-Limit-Remaining");
    OptionalLong reset = number(headers, "X-Rate-Limit-Reset");
    if (limit.isEmpty() || remaining.isEmpty() || reset.isEmpty()) {
      return;
    }
    observeDate(headers, reset.getAsLong());
    if (reset.getAsLong() > b.resetEpochSecond || b.limit < 0) {
      b.resetEpochSecond = reset.getAsLong();
      b.remaining = (int) remaining.getAsLong();
    } else if (reset.getAsLong() == b.resetEpochSecond) {
      b.remaining = Math.min(b.remaining, (int) remaining.getAsLong());
    } else {
      return; // a late answer from an earlier window
    }
    b.limit = (int) limit.getAsLong();
  }

  /**
   * Returns how long to wait after a 429 whose headers are {@code headers}: until its
   * {@code X-Rate-Limit-Reset} on the server's clock, or its {@code Retry-After} seconds (the
   * standard header other APIs send), plus a small jitter; null when the response names neither
   * (the caller backs off instead).
   */
  synchronized Duration waitAfterRateLimit(HttpHeaders headers) {
    OptionalLong reset = number(headers, "X-Rate-Limit-Reset");
    if (reset.isPresent()) {
      return untilReset(reset.getAsLong(), serverNow());
    }
    OptionalLong after = number(headers, "Retry-After");
    if (after.isPresent() && after.getAsLong() >= 0) {
      Instant now = serverNow();
      return untilReset(now.getEpochSecond() + after.getAsLong(), Instant.ofEpochSecond(now.getEpochSecond()));
    }
    return null;
  }

  /** Returns the estimated server time now. */
  synchronized Instant serverNow() {
    Instant local = clock.instant();
    return offset == null ? local : local.plus(offset);
  }

  private Duration waitFor(Bucket b, Instant now) {
    if (b.limit < 0 || !now.isBefore(Instant.ofEpochSecond(b.resetEpochSecond))) {
      return Duration.ZERO; // nothing known, or the window has reset
    }
    int available = b.remaining - b.inFlight;
    if (available <= 0) {
      return untilReset(b.resetEpochSecond, now);
    }
    if (b.remaining * 10 <= b.limit && b.lastStart != null) {
      Duration left = Duration.between(now, Instant.ofEpochSecond(b.resetEpochSecond));
      Instant next = b.lastStart.plus(left.dividedBy(available + 1L));
      if (now.isBefore(next)) {
        return Duration.between(now, next);
      }
    }
    return Duration.ZERO;
  }

  private Duration untilReset(long resetEpochSecond, Instant now) {
    Duration wait = Duration.between(now, Instant.ofEpochSecond(resetEpochSecond));
    if (wait.isNegative()) {
      wait = Duration.ZERO;
    }
    Duration jitterCap = wait.dividedBy(10).compareTo(MAX_JITTER) < 0 ? wait.dividedBy(10) : MAX_JITTER;
    return wait.plus(MARGIN).plusMillis((long) (random.getAsDouble() * jitterCap.toMillis()));
  }

  /**
   * Updates the server-clock offset from a {@code Date} header. The header is truncated to the
   * second, so each sample is a lower bound of the true offset; the largest recent one is the best
   * estimate. A sample two seconds below it means the server's clock moved: start over. A Date
   * that does not agree with the response's own reset time (which always lies within the next
   * hour of the server's clock) was not written by the clock that keeps the rate limit, e.g. by a
   * proxy: it is ignored, and waits are measured on the injected clock.
   */
  private void observeDate(HttpHeaders headers, long resetEpochSecond) {
    String date = headers.firstValue("Date").orElse(null);
    if (date == null) {
      return;
    }
    try {
      Instant server = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Instant reset = Instant.ofEpochSecond(resetEpochSecond);
      if (reset.isBefore(server.minusSeconds(60)) || reset.isAfter(server.plus(Duration.ofHours(1)))) {
        return;
      }
      Duration sample = Duration.between(clock.instant(), server);
      if (offset == null || sample.compareTo(offset) > 0 || sample.compareTo(offset.minusSeconds(2)) < 0) {
        offset = sample;
      }
    } catch (DateTimeParseException ignored) {
      // a malformed Date leaves the estimate as it was
    }
  }

  private static OptionalLong number(HttpHeaders headers, String name) {
    String v = headers.firstValue(name).orElse(null);
    if (v == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
