package dev.oktair.cli;

import dev.oktair.http.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sleeps as the HTTP layer asks (rate-limit resets, pacing, retry backoff) while telling the
 * progress display how long is left, second by second, so a collection waiting out a 429 never
 * looks hung: "waiting 42 s for the rate limit". Short waits pass through silently. Thread-safe
 * (concurrent slices each wait in their own thread).
 */
final class WaitingSleeper implements Sleeper {
  /** Waits shorter than this are not shown. */
  static final Duration SHOWN = Duration.ofSeconds(2);
  private static final Duration STEP = Duration.ofSeconds(1);

  private final Sleeper real;
  private final Consumer<Duration> left;

  /** Returns a sleeper sleeping through {@code real} that tells {@code left} the time still to wait. */
  WaitingSleeper(Sleeper real, Consumer<Duration> left) {
    this.real = Objects.requireNonNull(real, "real");
    this.left = Objects.requireNonNull(left, "left");
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (duration.compareTo(SHOWN) < 0) {
      real.sleep(duration);
      return;
    }
    Duration remaining = duration;
    while (remaining.compareTo(Duration.ZERO) > 0) {
      left.accept(remaining);
      Duration step = remaining.compareTo(STEP) < 0 ? remaining : STEP;
      real.sleep(step);
      remaining = remaining.minus(step);
    }
    left.accept(Duration.ZERO);
  }

  /** Returns the progress text for {@code left}: "waiting 42 s for the rate limit", or null when done. */
  static String text(Duration left) {
    long s = (left.toMillis() + 999) / 1000;
    return s <= 0 ? null : "waiting " + s + " s for the rate limit (or a retry after an error)";
  }
}
