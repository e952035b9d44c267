package dev.oktair.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when something sleeps on it; records every sleep. */
public final class FakeTime extends Clock implements Sleeper {
  private Instant now;
  private final List<Duration> sleeps = new ArrayList<>();

  public FakeTime(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized void sleep(Duration d) {
    sleeps.add(d);
    if (!d.isNegative()) {
      now = now.plus(d);
    }
  }

  public synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  public synchronized Duration slept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public synchronized Instant instant() {
    return now;
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
