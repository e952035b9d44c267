package dev.oktair.store;

import dev.oktair.events.Times;
import dev.oktair.events.Json;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * One value (or combination of values) of a pivot and what the events that had it add up to.
 *
 * @param value the pivot keys' values, in the query's key order; a value is a String, a Long
 *     (asn) or a Boolean (proxy), or null when the events lack the field
 * @param events how many events had it
 * @param successes how many of those had {@code outcome.result} SUCCESS or ALLOW
 * @param failures how many had FAILURE or DENY
 * @param firstSeen the earliest {@code published} among them (null when none is readable)
 * @param lastSeen the latest
 * @param subjects how many distinct {@code actor.alternateId} of {@code User} actors they have
 * @param isNew with a baseline: true when no event before it had the value; null without one
 */
public record PivotRow(
    Map<PivotKey, Object> value, long events, long successes, long failures, Instant firstSeen,
    Instant lastSeen, long subjects, Boolean isNew) {
  public PivotRow {
    value = Collections.unmodifiableMap(new LinkedHashMap<>(value));
    if (value.isEmpty() || events < 1 || successes < 0 || failures < 0 || subjects < 0) {
      throw new IllegalArgumentException("impossible pivot row " + value + " " + events);
    }
  }

  /**
   * Returns the row as JSON: {@code value} (the value itself for one key, else an object keyed
   * by key name), {@code events}, {@code successes}, {@code failures}, {@code firstSeen},
   * {@code lastSeen} (ISO-8601), {@code subjects}, {@code new}.
   */
  public ObjectNode toJson() {
    ObjectNode o = Json.MAPPER.createObjectNode();
    if (value.size() == 1) {
      o.set("value", Json.MAPPER.valueToTree(value.values().iterator().next()));
    } else {
      ObjectNode v = o.putObject("value");
      value.forEach((k, x) -> v.set(k.key(), Json.MAPPER.valueToTree(x)));
    }
    o.put("events", events);
    o.put("successes", successes);
    o.put("failures", failures);
    o.put("firstSeen", Times.format(firstSeen));
    o.put("lastSeen", Times.format(lastSeen));
    o.put("subjects", subjects);
    if (isNew == null) {
      o.putNull("new");
    } else {
      o.put("new", isNew.booleanValue());
    }
    return o;
  }
}
