package dev.oktair.events.filter;

import dev.oktair.events.LogEvent;

/** Okta's {@code q} keyword search, evaluated locally (API contract; implementation pending). */
public final class KeywordQuery {
  private KeywordQuery() {}

  /** Parses a {@code q} value. @throws FilterParseException when Okta would reject it */
  public static KeywordQuery parse(String q) {
    throw new UnsupportedOperationException("keyword search is not implemented yet");
  }

  /** Returns true when every keyword matches {@code event}. */
  public boolean test(LogEvent event) {
    throw new UnsupportedOperationException("keyword search is not implemented yet");
  }
}
