package dev.oktair.events.filter;

import dev.oktair.events.LogEvent;

/**
 * A compiled Okta System Log {@code filter} expression (API contract; implementation pending).
 */
public final class EventFilter {
  private EventFilter() {}

  /**
   * Parses {@code expression} once into a tree of thread-safe evaluators.
   *
   * @throws FilterParseException quoting the expression and pointing at the bad token
   */
  public static EventFilter parse(String expression) {
    throw new UnsupportedOperationException("filter expressions are not implemented yet");
  }

  /** Returns true when {@code event} matches. */
  public boolean test(LogEvent event) {
    throw new UnsupportedOperationException("filter expressions are not implemented yet");
  }
}
