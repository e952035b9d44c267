package dev.oktair.events;

import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import java.time.Instant;


/**
 * A time window over {@code published}: from {@code since} (inclusive) to {@code until}
 * (exclusive); either end may be open (null). Events without a readable time fall outside any
 * window with a bound.
 *
 * @param since the first instant included, or null for no lower bound
 * @param until the first instant excluded, or null for no upper bound
 */
public record Window(Instant since, Instant until) {
  /** The window that holds every event. */
  public static final Window ALL = new Window(null, null);

  public Window {
    if (since != null && until != null && !since.isBefore(until)) {
      throw new OktaIrException(Kind.USAGE, "the window's start " + since + " is not before its end " + until);
    }
  }

  /** Returns true when the window has a bound (else it holds every event, even those without a time). */
  public boolean bounded() {
    return since != null || until != null;
  }

  /** Returns true when an event published at {@code at} (null: unreadable) falls in this window. */
  public boolean contains(Instant at) {
    if (!bounded()) {
      return true;
    }
    return at != null && (since == null || !at.isBefore(since)) && (until == null || at.isBefore(until));
  }
}
