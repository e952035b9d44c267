package dev.oktair.events;

import dev.oktair.events.filter.EventFilter;
import dev.oktair.events.filter.KeywordQuery;
import java.util.function.Predicate;

/**
 * Which events an analyst asked for, with one meaning everywhere (reading evidence files, the
 * case database): an Okta filter expression, an Okta keyword query and a time window, each
 * optional. Parsed once on construction, so a bad expression fails before any work. Immutable.
 *
 * @param filter the Okta filter expression, or null
 * @param query the Okta keyword query ({@code q}), or null
 * @param window the time window ({@link Window#ALL} for none)
 */
public record EventSelection(String filter, String query, Window window) {
  /**
   * Validates the selection.
   *
   * @throws dev.oktair.events.filter.FilterParseException quoting a bad filter or query
   */
  public EventSelection {
    window = window == null ? Window.ALL : window;
    if (filter != null) {
      EventFilter.parse(filter);
    }
    if (query != null) {
      KeywordQuery.parse(query);
    }
  }

  /** Returns the selector of the filter and query only, or null when there is neither (the window applies apart). */
  public EventSelector selector() {
    if (filter == null && query == null) {
      return null;
    }
    Predicate<LogEvent> test = e -> true;
    LinePredicate prefilter = LinePredicate.ALL;
    if (filter != null) {
      EventFilter f = EventFilter.parse(filter);
      test = test.and(f);
      prefilter = prefilter.and(f);
    }
    if (query != null) {
      KeywordQuery q = KeywordQuery.parse(query);
      test = test.and(q);
      prefilter = prefilter.and(q);
    }
    return new EventSelector(test, prefilter);
  }

  /** Returns filter, query and window as one selector on parsed events, for reading evidence files. */
  public EventSelector withWindow() {
    EventSelector chosen = selector();
    Predicate<LogEvent> test = chosen == null ? e -> true : chosen.test();
    if (window.bounded()) {
      Window w = window;
      Predicate<LogEvent> inWindow = e -> w.contains(e.published());
      test = inWindow.and(test);
    }
    return new EventSelector(test, chosen == null ? LinePredicate.ALL : chosen.prefilter());
  }
}
