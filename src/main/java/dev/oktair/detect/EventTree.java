package dev.oktair.detect;

import dev.oktair.events.FieldPath;
import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a parsed event's tree for {@link Seen} as the event's own accessors read
 * them, without building anything on the way (every event of a case passes through here).
 */
final class EventTree {
  static final LogEvent.Target[] NO_TARGETS = {};

  private static final FieldPath DEBUG_CLIENT = FieldPath.parse("debugContext.debugData.clientId");
  private static final FieldPath CLIENT_ID = FieldPath.parse("client.id");

  private EventTree() {}

  /** Returns what findings read of the event beyond a view's fields, of canonical strings. */
  static Seen.Extra extra(JsonNode json) {
    String client = Json.text(DEBUG_CLIENT.first(json));
    JsonNode debug = child(child(json, "debugContext"), "debugData");
    Seen.Extra x = new Seen.Extra(Canon.IDS.of(client != null ? client : Json.text(CLIENT_ID.first(json))),
        text(debug, "consentGrantId"), Canon.TYPES.of(text(debug, "privilegeGranted")), Canon.NAMES.of(text(debug, "scope")),
        Canon.TYPES.of(text(debug, "factor")), Canon.NAMES.of(text(debug, "grantedScopes")),
        Canon.NAMES.of(text(json.get("securityContext"), "asOrg")), Canon.NAMES.of(text(json.get("actor"), "displayName")));
    return x.equals(Seen.Extra.NONE) ? Seen.Extra.NONE : x;
  }

  /** As {@link LogEvent#targets}, read once: the pass asks for targets on the reading thread. */
  static LogEvent.Target[] targets(JsonNode array, boolean canonical) {
    if (array == null || !array.isArray() || array.isEmpty()) {
      return NO_TARGETS;
    }
    LogEvent.Target[] out = new LogEvent.Target[array.size()];
    int i = 0;
    for (JsonNode t : array) {
      out[i++] = canonical ? canonical(text(t, "id"), text(t, "type"), text(t, "alternateId"), text(t, "displayName"))
          : new LogEvent.Target(text(t, "id"), text(t, "type"), text(t, "alternateId"), text(t, "displayName"));
    }
    return out;
  }

  /** A target of the canonical strings, as a kept view holds it. */
  static LogEvent.Target canonical(String id, String type, String alternateId, String displayName) {
    return new LogEvent.Target(Canon.IDS.of(id), Canon.TYPES.of(type), Canon.LOGINS.of(alternateId), Canon.NAMES.of(displayName));
  }

  /** As {@link LogEvent#debugData}. */
  static String debug(JsonNode json, String key) {
    return Json.text(child(child(child(json, "debugContext"), "debugData"), key));
  }

  static JsonNode child(JsonNode node, String name) {
    return node == null ? null : node.get(name);
  }

  /** As the event's own accessors read a field: JSON null and the string "null" are absent. */
  static String text(JsonNode node, String name) {
    return Json.text(child(node, name));
  }

  static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  /** Upper case, or "" for none (as {@code outcome.result} reads). */
  static String upper(String s) {
    return s == null ? "" : s.toUpperCase(Locale.ROOT);
  }
}
