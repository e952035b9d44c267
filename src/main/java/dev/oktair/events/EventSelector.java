package dev.oktair.events;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which events a pivot or timeline keeps, decided on each event's raw JSON exactly as {@code
 * okta-ir events} decides (e.g. an {@code EventFilter} and a {@code KeywordQuery}): a test on the
 * parsed event, and a prefilter on its raw bytes that may rule lines out before parsing.
 *
 * @param test true for the events to keep
 * @param prefilter false only for lines {@code test} certainly rejects ({@link LinePredicate#ALL}
 *     when there is none)
 */
public record EventSelector(Predicate<LogEvent> test, LinePredicate prefilter) {
  public EventSelector {
    Objects.requireNonNull(test, "test");
    prefilter = prefilter == null ? LinePredicate.ALL : prefilter;
  }

  /** Returns the selector for {@code test}, without prefilter. */
  public static EventSelector of(Predicate<LogEvent> test) {
    return new EventSelector(test, LinePredicate.ALL);
  }
}
