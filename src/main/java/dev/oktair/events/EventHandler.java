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

  /** Receives one line (or JSON array element) that is not an event, with why. */
  void rejected(RejectedLine rejected);
}
