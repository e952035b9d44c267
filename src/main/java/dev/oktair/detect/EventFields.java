package dev.oktair.detect;

import dev.oktair.events.FieldPath;
import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/**
 * The fields of one event that the detections read, as text by {@link Json#text}'s rules: read
 * from the bytes where they allow it ({@link RawFields}), else from the parsed tree. A pass reads
 * nearly every event of a case, and building each event's tree cost more than all the detections
 * together; read from the bytes, only the objects these fields are in are read. Both readings give
 * the same values ({@code EventFieldsTest}). Not thread-safe.
 */
final class EventFields {
  static final int EVENT_TYPE = 0;
  static final int PUBLISHED = 1;
  static final int ACTOR_ID = 2;
  static final int ACTOR_TYPE = 3;
  static final int ACTOR_LOGIN = 4;
  static final int ACTOR_NAME = 5;
  static final int RESULT = 6;
  static final int REASON = 7;
  static final int IP = 8;
  static final int USER_AGENT = 9;
  static final int CLIENT_ID = 10;
  static final int CITY = 11;
  static final int COUNTRY = 12;
  static final int DEVICE_ID = 13;
  static final int PROXY = 14;
  static final int AS_ORG = 15;
  static final int EXTERNAL_SESSION = 16;
  static final int ROOT_SESSION = 17;
  static final int THREAT = 18;
  static final int RISK = 19;
  static final int FACTOR = 20;
  static final int PUSH = 21;
  static final int DEBUG_CLIENT = 22;
  static final int GRANT = 23;
  static final int PRIVILEGE = 24;
  static final int SCOPE = 25;
  static final int GRANTED_SCOPES = 26;
  static final int API_TOKEN = 27;
  private static final int COUNT = 28;

  /** Per target: id, type, alternateId, displayName. */
  static final int TARGET_FIELDS = 4;
  private static final String[] NO_TARGETS = {};

  private static final FieldPath API_TOKEN_PATH = FieldPath.parse("transaction.detail.requestApiTokenId");
  private static final FieldPath DEBUG_CLIENT_PATH = FieldPath.parse("debugContext.debugData.clientId");
  private static final FieldPath CLIENT_ID_PATH = FieldPath.parse("client.id");
  private static final FieldPath LAT_PATH = FieldPath.parse("client.geographicalContext.geolocation.lat");
  private static final FieldPath LON_PATH = FieldPath.parse("client.geographicalContext.geolocation.lon");

  final String[] text = new String[COUNT];
  Long asn;
  Double lat;
  Double lon;
  /** Per target {@link #TARGET_FIELDS} values; {@link #targetCount} targets. */
  String[] targets = NO_TARGETS;
  int targetCount;

  EventFields() {}

  /** Returns field {@code field} (one of the constants above) as {@link Json#text} gives it. */
  String text(int field) {
    return text[field];
  }

  /** {@code securityContext.asNumber}: a number, else the integer its text spells, else null. */
  Long asn() {
    return asn;
  }

  /** {@code client.geographicalContext.geolocation.lat} as a number, or null. */
  Double lat() {
    return lat;
  }

  Double lon() {
    return lon;
  }

  /** {@code debugContext.debugData.factor}, or null. */
  String factor() {
    return text[FACTOR];
  }

  /** {@code debugContext.debugData.pushOnlyResponseType}, or null. */
  String pushResponse() {
    return text[PUSH];
  }

  /** {@code outcome.reason}, or null. */
  String reason() {
    return text[REASON];
  }

  /** {@code client.id}, or null. */
  String clientId() {
    return text[CLIENT_ID];
  }

  /** {@code client.geographicalContext.city}, or null. */
  String city() {
    return text[CITY];
  }

  /** {@code client.geographicalContext.country}, or null. */
  String country() {
    return text[COUNTRY];
  }

  int targetCount() {
    return targetCount;
  }

  /** Returns field {@code field} (0 id, 1 type, 2 alternateId, 3 displayName) of target {@code i}. */
  String target(int i, int field) {
    return targets[i * TARGET_FIELDS + field];
  }

  /** Every value read, in a fixed order: two readings of an event agree when these are equal. */
  @Override
  public String toString() {
    return Arrays.toString(text) + " asn=" + asn + " lat=" + lat + " lon=" + lon + " targets="
        + Arrays.toString(Arrays.copyOf(targets, targetCount * TARGET_FIELDS));
  }

  /** Reads the fields of {@code event}: streamed from its bytes when they allow it, else from its tree. */
  static EventFields of(LogEvent event) {
    EventFields f = new EventFields();
    return RawFields.read(event, f) ? f : of(event.json());
  }

  /** Reads the fields of a parsed event, by {@link FieldShape#EVENT} as the bytes are read. */
  static EventFields of(JsonNode json) {
    EventFields f = new EventFields();
    f.read(json, FieldShape.EVENT, f.text, 0);
    // the fields a path names (as the event's own text(path) reads them) also walk lists where the shape has objects
    f.text[CLIENT_ID] = Json.text(CLIENT_ID_PATH.first(json));
    f.text[DEBUG_CLIENT] = Json.text(DEBUG_CLIENT_PATH.first(json));
    f.lat = number(Json.text(LAT_PATH.first(json)));
    f.lon = number(Json.text(LON_PATH.first(json)));
    JsonNode tx = json.get("transaction");
    JsonNode detail = child(tx, "detail");
    if (tx != null && !tx.isObject() || detail != null && detail.isArray()) {
      f.text[API_TOKEN] = Json.text(API_TOKEN_PATH.first(json));
    }
    return f;
  }

  /** Reads the keys of {@code shape} from {@code node} (any node: all but an object hold no field) into {@code into} from {@code base}. */
  private void read(JsonNode node, FieldShape shape, String[] into, int base) {
    for (int k = 0; k < shape.keys().length; k++) {
      JsonNode value = child(node, shape.keys()[k]);
      switch (shape.kinds()[k]) {
        case FieldShape.LEAF, FieldShape.FLAG -> into[base + shape.fields()[k]] = Json.text(value);
        case FieldShape.OBJECT -> read(value, shape.inner()[k], into, base);
        case FieldShape.ASN -> asn = asn(value);
        case FieldShape.TARGETS -> targets(value);
        default -> {
          // coordinates: by their paths, above
        }
      }
    }
  }

  /** {@code asNumber}: a number, else the integer its text spells; an integer beyond 64 bits is none (asLong would throw and fail the pass). */
  private static Long asn(JsonNode n) {
    return n == null || !n.isNumber() ? Json.longOf(Json.text(n))
        : n.isIntegralNumber() && !n.canConvertToLong() ? null : Long.valueOf(n.asLong());
  }

  private void targets(JsonNode array) {
    if (array == null || !array.isArray() || array.isEmpty()) {
      return;
    }
    targets = new String[array.size() * TARGET_FIELDS];
    for (JsonNode t : array) {
      read(t, FieldShape.TARGET, targets, targetCount++ * TARGET_FIELDS);
    }
  }

  // ---- the tree ----

  private static JsonNode child(JsonNode node, String name) {
    return node == null ? null : node.get(name);
  }

  private static String text(JsonNode node, String name) {
    return Json.text(child(node, name));
  }

  /** As {@link Double#valueOf}, null for none or not a number. */
  static Double number(String s) {
    try {
      return s == null || s.equals("null") ? null : Double.valueOf(s);
    } catch (NumberFormatException ex) {
      return null;
    }
  }
}
