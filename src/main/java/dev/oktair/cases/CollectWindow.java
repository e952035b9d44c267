package dev.oktair.cases;

import dev.oktair.events.Times;
import java.time.Instant;
import java.util.Objects;

/**
 * The window of the case's latest bounded collection, resolved to absolute times once when the
 * collection started: a resumed run keeps it (an age such as {@code 30d} is not taken again from a
 * later "now"), a fresh run replaces it with its own.
 *
 * @param since the window start as the analyst typed it (e.g. {@code 30d}, {@code 2024-06-01})
 * @param until the window end as typed, or null for "now"
 * @param from the resolved start (inclusive), UTC with milliseconds ({@code 2024-06-14T09:00:00.000Z})
 * @param to the resolved end (exclusive), in the same form
 */
public record CollectWindow(String since, String until, String from, String to) {
  public CollectWindow {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.equals(Times.format(Instant.parse(from))) || !to.equals(Times.format(Instant.parse(to)))) {
      throw new IllegalArgumentException("a collection window's times are UTC with milliseconds: " + from + ", " + to);
    }
    if (!Instant.parse(from).isBefore(Instant.parse(to))) {
      throw new IllegalArgumentException("the collection window's start " + from + " must be before its end " + to);
    }
  }

  /** Returns the window typed as {@code since} and {@code until} (null: now), resolved to {@code [from, to)}. */
  public static CollectWindow of(String since, String until, Instant from, Instant to) {
    return new CollectWindow(since, until, Times.format(from), Times.format(to));
  }

  /** Returns the resolved start. */
  public Instant fromInstant() {
    return Instant.parse(from);
  }

  /** Returns the resolved end. */
  public Instant toInstant() {
    return Instant.parse(to);
  }
}
