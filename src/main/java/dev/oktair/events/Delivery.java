package dev.oktair.events;

import dev.oktair.events.RecordParser.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hands outcomes to the read's {@link EventHandler} on the reading thread and counts them. When
 * the handler stops, it keeps where: the line and the counts of blank and skipped lines as they
 * stood at that event, so a summary is exact even when lines were read ahead. Not thread-safe.
 */
final class Delivery implements RecordSink {
  private final EventHandler handler;
  long events;
  long rejected;
  long compacted;
  /** Events taken out of each wrapper, in the order the wrappers were first seen. */
  final Map<String, Long> wrappers = new LinkedHashMap<>();
  boolean stopped;
  long stopLine;
  long stopBlank;
  long stopSkipped;

  Delivery(EventHandler handler) {
    this.handler = handler;
  }

  @Override
  public boolean take(Outcome outcome, long line, boolean compact, long blank, long skipped) {
    if (outcome.rejected() != null) {
      rejected++;
      handler.rejected(outcome.rejected());
      return true;
    }
    events++;
    if (outcome.wrapper() != null) {
      wrappers.merge(outcome.wrapper(), 1L, Long::sum);
    }
    if (compact) {
      compacted++;
    }
    if (!handler.event(outcome.event(), line)) {
      stopped = true;
      stopLine = line;
      stopBlank = blank;
      stopSkipped = skipped;
    }
    return !stopped;
  }

  /** Returns true when whole runs of verbatim events may be handed over through {@link #takeRun}. */
  boolean takesRuns() {
    return handler.takesRuns();
  }

  /** Takes a run of events that are lines as they stand; returns false to stop the read. */
  boolean takeRun(EventRun run, long blank, long skipped) {
    events += run.events().size();
    if (!handler.events(run)) {
      stopped = true;
      stopLine = run.firstLine() + run.events().size() - 1;
      stopBlank = blank;
      stopSkipped = skipped;
    }
    return !stopped;
  }
}
