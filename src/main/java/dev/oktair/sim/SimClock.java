package dev.oktair.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand: the simulator's "now" for event times, rate-limit windows, token
 * expiry and the 90/180-day rules. Thread-safe.
 */
public final class SimClock extends Clock {
  private final AtomicReference<Instant> now;

  private SimClock(Instant start) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
  }

  /** Returns a clock standing at {@code start} until moved. */
  public static SimClock at(Instant start) {
    return new SimClock(start);
  }

  /** Moves the clock forward by {@code amount} and returns the new now. */
  public Instant advance(Duration amount) {
    return now.updateAndGet(t -> t.plus(amount));
  }

  /** Sets the clock to {@code instant}. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulator clock is always UTC");
  }
}
