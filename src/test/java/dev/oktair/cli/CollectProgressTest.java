package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.okta.ScaledTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CollectProgressTest {
  @Test
  void plainLinesAtEachTenthWithRateAndEta() {
    StringWriter err = new StringWriter();
    Instant t0 = Instant.parse("2026-03-01T12:00:00Z");
    MutableClock clock = new MutableClock(t0);
    try (CollectProgress p = new CollectProgress(new PrintWriter(err), clock, false)) {
      p.started(4, false, 0);
      clock.now = t0.plusSeconds(10);
      p.advanced(1000, 1, 0.05);
      p.advanced(2000, 2, 0.08);
      clock.now = t0.plusSeconds(20);
      p.advanced(5000, 5, 0.25);
      p.advanced(20000, 20, 1.0);
      p.note("a warning");
    }
    assertThat(err.toString()).isEqualTo(String.join("\n",
        "[okta-ir] collecting 4 slices concurrently",
        "[okta-ir] 0% of the window: 1000 events in 1 pages, 100 events/s, ETA 3:10",
        "[okta-ir] 20% of the window: 5000 events in 5 pages, 250 events/s, ETA 1:00",
        "[okta-ir] 100% of the window: 20000 events in 20 pages, 1000 events/s",
        "[okta-ir] a warning", ""));
  }

  @Test
  void aBarOnATerminal() {
    StringWriter err = new StringWriter();
    try (CollectProgress p = new CollectProgress(new PrintWriter(err), new ScaledTime(Instant.EPOCH, 1), true)) {
      p.started(2, true, 500);
      p.advanced(1500, 3, 0.5);
    }
    assertThat(err.toString()).contains("resuming: 500 events already saved", "\rcollect", "events");
  }

  @Test
  void followPrintsALineWhenNewEventsArrive() {
    StringWriter err = new StringWriter();
    try (CollectProgress p = new CollectProgress(new PrintWriter(err), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), false)) {
      p.started(1, false, 0);
      p.advanced(10, 1, -1);
      p.advanced(10, 2, -1);
      p.advanced(12, 3, -1);
    }
    assertThat(err.toString()).contains("following: 10 events in 1 pages", "following: 12 events in 3 pages")
        .doesNotContain("in 2 pages");
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
