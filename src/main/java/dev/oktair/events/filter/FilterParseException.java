package dev.oktair.events.filter;

/** A filter expression or keyword query that does not parse; the message quotes it. */
public final class FilterParseException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public FilterParseException(String message) {
    super(message);
  }
}
