package dev.oktair.events;

/**
 * Receives what an {@link EventReader} finds, in input order: every JSON object as an event, and
 * every line it could not take as a reject. Called on the reading thread.
 */
public interface EventHandler {
  /**
   * Receives one event and the line it starts on (1-based); returns false to stop reading.
   */
  boolean event(LogEvent event, long line);

  /**
   * Returns true when this handler takes runs of verbatim lines whole through {@link #events}
   * (JSONL read on several threads hands them over so); by default every event goes to {@link #event}.
   */
  default boolean takesRuns() {
    return false;
  }

  /**
   * Receives a run of lines that are all events as they stand, in place of one {@link #event}
   * call each (only when {@link #takesRuns}); returns false to stop reading after the run.
   */
  default boolean events(EventRun run) {
    long line = run.firstLine();
    for (LogEvent e : run.events()) {
      if (!event(e, line++)) {
        return false;
      }
    }
    return true;
  }

  /** Receives one line (or JSON array element) that is not an event, with why. */
  void rejected(RejectedLine rejected);
}
