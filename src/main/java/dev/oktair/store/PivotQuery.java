package dev.oktair.store;

import dev.oktair.events.EventSelector;
import dev.oktair.events.Window;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One pivot: group the events of a window by one or more keys.
 *
 * @param keys what to group by, in order (at least one, no repeats)
 * @param window which events to count
 * @param baselineUntil when set, a value is NEW unless some event before this instant had it;
 *     null for no baseline
 * @param limit at most this many rows, most events first; 0 for all
 * @param filter which events to count (evaluated on each event's raw JSON, as {@code okta-ir
 *     events --filter} does); applies to the baseline too; null for all events
 */
public record PivotQuery(
    List<PivotKey> keys, Window window, Instant baselineUntil, int limit, EventSelector filter) {
  public PivotQuery {
    keys = List.copyOf(keys);
    Objects.requireNonNull(window, "window");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a pivot needs at least one key");
    }
    if (new HashSet<>(keys).size() != keys.size()) {
      throw new IllegalArgumentException("a pivot key is given twice: " + keys);
    }
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 (all) or positive, not " + limit);
    }
  }

  /** Returns the pivot of every event by {@code keys}, without baseline, limit or filter. */
  public static PivotQuery of(PivotKey... keys) {
    return new PivotQuery(List.of(keys), Window.ALL, null, 0, null);
  }
}
