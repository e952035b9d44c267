package dev.oktair.cli;

import dev.oktair.events.LinePredicate;
import dev.oktair.events.LogEvent;
import dev.oktair.events.Times;
import dev.oktair.events.filter.EventFilter;
import dev.oktair.events.filter.KeywordQuery;
import dev.oktair.store.EventSelector;
import dev.oktair.store.Window;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Predicate;
import picocli.CommandLine.Option;

/**
 * The options that choose events, with one meaning in {@code okta-ir events} and the case
 * database: {@code --filter}, {@code --q}, {@code --since} (inclusive), {@code --until}
 * (exclusive; events without a usable time fall outside any window).
 */
final class EventSelection {
  @Option(names = "--filter", paramLabel = "EXPR",
      description = "Okta filter expression, e.g. 'eventType eq \"user.session.start\"'.")
  String filter;

  @Option(names = "--q", paramLabel = "TEXT", description = "Okta keyword search (every keyword must match).")
  String query;

  @Option(names = "--since", paramLabel = "TIME", description = "Only events published at or after TIME.")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "Only events published before TIME.")
  String until;

  /** Returns the time window of {@code --since}/{@code --until}. */
  Window window(Clock clock) {
    Instant from = bound("--since", since, clock);
    Instant to = bound("--until", until, clock);
    if (from != null && to != null && !from.isBefore(to)) {
      throw ExitException.usage("--since (" + from + ") must be before --until (" + to + ")");
    }
    return new Window(from, to);
  }

  /** Returns the selector of {@code --filter} and {@code --q}, or null when neither is given. */
  EventSelector selector() {
    if (filter == null && query == null) {
      return null;
    }
    Predicate<LogEvent> test = e -> true;
    LinePredicate prefilter = LinePredicate.ALL;
    if (filter != null) {
      EventFilter f = EventFilter.parse(filter);
      test = test.and(f);
      prefilter = prefilter.and(f::mightMatch);
    }
    if (query != null) {
      KeywordQuery q = KeywordQuery.parse(query);
      test = test.and(q);
      prefilter = prefilter.and(q::mightMatch);
    }
    return new EventSelector(test, prefilter);
  }

  /**
   * Returns {@code --filter}, {@code --q} and the time window as one selector on parsed events, for
   * reading evidence files (the case database applies the window in SQL instead).
   */
  EventSelector withWindow(Clock clock) {
    Window window = window(clock);
    EventSelector chosen = selector();
    Predicate<LogEvent> test = chosen == null ? e -> true : chosen.test();
    if (window.bounded()) {
      Predicate<LogEvent> inWindow = e -> window.contains(e.published());
      test = inWindow.and(test);
    }
    return new EventSelector(test, chosen == null ? LinePredicate.ALL : chosen.prefilter());
  }

  /** Parses a time option (ISO-8601 or an age such as 7d); a bad one is a usage error. */
  static Instant bound(String option, String text, Clock clock) {
    if (text == null) {
      return null;
    }
    try {
      return Times.parseBound(text, clock);
    } catch (IllegalArgumentException e) {
      throw ExitException.usage(option + ": " + e.getMessage());
    }
  }
}
