package dev.oktair.cli;

import dev.oktair.collect.Progress;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a collection's progress on stderr: a progress bar (window covered, events, events/s,
 * ETA) on a terminal; otherwise a plain line at every further tenth of the window.
 */
final class CollectProgress implements Progress, AutoCloseable {
  private static final int PERMILLE = 1000;

  private final PrintWriter err;
  private final Clock clock;
  private final boolean interactive;
  private ProgressBar bar;
  private Instant started;
  private long eventsAtStart;
  private int lastTenth = -1;
  private long lastFollowEvents = -1;
  private boolean waitingShown;

  CollectProgress(PrintWriter err, Clock clock, boolean interactive) {
    this.err = err;
    this.clock = clock;
    this.interactive = interactive;
  }

  @Override
  public void started(int slices, boolean resumed, long eventsSoFar) {
    started = clock.instant();
    eventsAtStart = eventsSoFar;
    line((resumed ? "resuming: " + eventsSoFar + " events already saved; " : "collecting ") + slices
        + (slices == 1 ? " slice" : " slices concurrently"));
    if (interactive) {
      bar = new ProgressBarBuilder()
          .setTaskName("collect")
          .setInitialMax(PERMILLE)
          .setStyle(ProgressBarStyle.ASCII)
          .setUnit("\u2030", 1)
          .setConsumer(new DelegatingProgressBarConsumer(s -> {
            err.print('\r' + s);
            err.flush();
          }))
          .build();
    }
  }

  @Override
  public void advanced(long events, long pages, double fraction) {
    String rate = rate(events);
    if (fraction < 0) {
      if (events != lastFollowEvents) {
        lastFollowEvents = events;
        line("following: " + events + " events in " + pages + " pages" + rate);
      }
      return;
    }
    if (bar != null) {
      bar.stepTo(Math.round(fraction * PERMILLE));
      bar.setExtraMessage(String.format(Locale.ROOT, " %,d events%s", events, rate));
      return;
    }
    int tenth = (int) Math.floor(fraction * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      line(String.format(Locale.ROOT, "%d%% of the window: %d events in %d pages%s%s",
          tenth * 10, events, pages, rate, eta(fraction)));
    }
  }

  @Override
  public void note(String message) {
    if (bar != null) {
      err.println();
    }
    line(message);
  }

  /** Shows how long the collection still waits for the rate limit; a zero wait clears it. Thread-safe. */
  synchronized void waiting(Duration left) {
    String text = WaitingSleeper.text(left);
    if (bar != null) {
      bar.setExtraMessage(text == null ? "" : " " + text); // redrawn every tick: the count keeps moving
      return;
    }
    if (text != null && !waitingShown) {
      waitingShown = true; // a log gets one line per wait, not one per second
      line(text);
    } else if (text == null) {
      waitingShown = false;
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      err.println();
      err.flush();
      bar = null;
    }
  }

  private String rate(long events) {
    Duration elapsed = started == null ? Duration.ZERO : Duration.between(started, clock.instant());
    if (elapsed.toMillis() < 1) {
      return "";
    }
    return String.format(Locale.ROOT, ", %.0f events/s", (events - eventsAtStart) * 1000.0 / elapsed.toMillis());
  }

  private String eta(double fraction) {
    Duration elapsed = started == null ? Duration.ZERO : Duration.between(started, clock.instant());
    if (fraction <= 0 || fraction >= 1 || elapsed.toMillis() < 1) {
      return "";
    }
    long left = (long) (elapsed.toMillis() * (1 - fraction) / fraction / 1000);
    return String.format(Locale.ROOT, ", ETA %d:%02d", left / 60, left % 60);
  }

  private void line(String message) {
    err.println("[okta-ir] " + message);
    err.flush();
  }
}
