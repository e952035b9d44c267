package dev.oktair.okta;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Time that runs {@code factor} times faster than the wall clock, starting at {@code start}: give
 * the same instance to the simulator (its rate-limit windows) and to the client (clock and
 * sleeper), so a 60-second Okta window passes in 60/factor real seconds and every wait the client
 * computes is consistent with the server. Thread-safe.
 */
public final class ScaledTime extends Clock implements Sleeper {
  private final Instant start;
  private final long startNanos;
  private final double factor;

  public ScaledTime(Instant start, double factor) {
    this.start = start;
    this.startNanos = System.nanoTime();
    this.factor = factor;
  }

  @Override
  public Instant instant() {
    return start.plusNanos((long) ((System.nanoTime() - startNanos) * factor));
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    long nanos = (long) (duration.toNanos() / factor);
    if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
