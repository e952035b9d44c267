package dev.oktair.events;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * The closed set of ways a System Log event arrives in a record, detected from the record's
 * content (never from a file name), each carrying how to take the inner Okta event out:
 *
 * <ul>
 *   <li>{@link #OKTA}: the event itself, as the System Log API and Okta's JSON export give it;
 *   <li>{@link #SPLUNK}: a Splunk export result, {@code {"result":{"_raw":"<event>"}}};
 *   <li>{@link #EVENTBRIDGE}: an Okta Log Streaming delivery, an Amazon EventBridge envelope
 *       whose {@code detail} is the event;
 *   <li>{@link #ELASTIC}: an Elasticsearch/OpenSearch hit, the event in {@code
 *       _source.event.original} or {@code _source} itself;
 *   <li>{@link #ECS}: an Elastic Common Schema document keeping the event in {@code event.original};
 *   <li>{@link #SENTINEL}: a Microsoft Sentinel / Log Analytics row ({@code Okta_CL}, {@code
 *       OktaV2_CL}) with a column holding the event's JSON.
 * </ul>
 *
 * <p>The inner event is stored as the wrapper holds it: the exact bytes of an object, or the
 * unescaped content of a string. A record that is JSON but none of these is not evidence.
 */
public enum Envelope {
  /** A System Log event as Okta returns it. */
  OKTA("okta") {
    @Override
    Inner unwrap(JsonNode node, RecordParser.Range r) {
      return looksLikeEvent(node) ? Inner.slice(0, r.len(), "") : null;
    }
  },
  /** A Splunk search export result ({@code output_mode=json}): the event in {@code result._raw}. */
  SPLUNK("splunk") {
    @Override
    Inner unwrap(JsonNode node, RecordParser.Range r) {
      JsonNode raw = node.path("result").path("_raw");
      return raw.isString() ? Inner.text(raw.asString(), "result._raw") : null;
    }
  },
  /** An Okta Log Streaming delivery through Amazon EventBridge: the event in {@code detail}. */
  EVENTBRIDGE("eventbridge") {
    @Override
    Inner unwrap(JsonNode node, RecordParser.Range r) {
      if (!node.has("detail-type") || !node.path("detail").isObject()) {
        return null;
      }
      return Inner.object(r, "detail", "detail");
    }
  },
  /** An Elasticsearch or OpenSearch search hit: {@code _source.event.original}, else {@code _source}. */
  ELASTIC("elastic") {
    @Override
    Inner unwrap(JsonNode node, RecordParser.Range r) {
      JsonNode source = node.path("_source");
      if (!source.isObject()) {
        return null;
      }
      Inner original = ECS.unwrap(source, r);
      if (original != null) {
        return new Inner(original.text(), 0, 0, "_source." + original.path(), original.refusal());
      }
      return looksLikeEvent(source) ? Inner.object(r, "_source", "_source")
          : Inner.refused("an Elasticsearch hit whose _source is neither an Okta event nor keeps"
              + " event.original (set preserve_original_event in the Okta integration)");
    }
  },
  /** An Elastic Common Schema document (the Okta integration's): the event in {@code event.original}. */
  ECS("ecs") {
    @Override
    Inner unwrap(JsonNode node, RecordParser.Range r) {
      JsonNode original = node.path("event").path("original");
      if (original.isMissingNode()) {
        original = node.path("event.original");
      }
      return original.isString() ? Inner.text(original.asString(), "event.original") : null;
    }
  },
  /** A Log Analytics row exported from Sentinel: the column that holds the event's JSON. */
  SENTINEL("sentinel") {
    @Override
    Inner unwrap(JsonNode node, RecordParser.Range r) {
      if (!node.has("TimeGenerated")) {
        return null;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> column = it.next();
        String text = column.getValue().isString() ? column.getValue().asString() : "";
        if (text.startsWith("{") && text.contains("\"eventType\"")) {
          return Inner.text(text, column.getKey());
        }
      }
      return Inner.refused("a Log Analytics row without a column holding the original event's JSON"
          + " (a row flattened into columns such as eventType_s is not the event Okta returned)");
    }
  };

  /** The System Log event's top-level fields; an event has {@code eventType} and one more. */
  static final Set<String> EVENT_FIELDS = Set.of("uuid", "published", "version", "severity", "legacyEventType",
      "displayMessage", "actor", "client", "device", "outcome", "target", "transaction", "debugContext",
      "authenticationContext", "securityContext", "request", "insertionTimestamp");

  private final String label;

  Envelope(String label) {
    this.label = label;
  }

  /** Returns the name the manifest records, e.g. {@code splunk}. */
  public String label() {
    return label;
  }

  /** Returns where this envelope holds the event in {@code node} (parsed from {@code r}), or null when it is not this envelope. */
  abstract Inner unwrap(JsonNode node, RecordParser.Range r);

  /** Returns true when {@code node} has a string {@code eventType} and another System Log field. */
  static boolean looksLikeEvent(JsonNode node) {
    JsonNode type = node.get("eventType");
    if (type == null || !type.isString() || type.asString().isBlank()) {
      return false;
    }
    for (String field : EVENT_FIELDS) {
      if (node.has(field)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where an envelope keeps its event: a string's content ({@code text}), or a range of the
   * record's bytes [{@code from}, {@code to}); or, with {@code refusal}, why it holds none.
   *
   * @param text the event's JSON text, or null for a byte range
   * @param from the range's start, relative to the record
   * @param to the range's end, relative to the record
   * @param path where in the wrapper the event was, e.g. {@code result._raw}; empty for none
   * @param refusal why the wrapper holds no usable event, or null
   */
  record Inner(String text, int from, int to, String path, String refusal) {
    static Inner text(String text, String path) {
      return new Inner(text, 0, 0, path, null);
    }

    static Inner slice(int from, int to, String path) {
      return new Inner(null, from, to, path, null);
    }

    static Inner refused(String why) {
      return new Inner(null, 0, 0, "", why);
    }

    /** Returns the exact bytes of the object value of top-level {@code field} in {@code r}. */
    static Inner object(RecordParser.Range r, String field, String path) {
      try (JsonParser p = Json.MAPPER.createParser(r.buf(), r.off(), r.len())) {
        p.nextToken();
        for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
          JsonToken value = p.nextToken();
          if (value == JsonToken.START_OBJECT && field.equals(p.currentName())) {
            int from = (int) p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            int to = (int) p.currentLocation().getByteOffset();
            return slice(from - base(r), to - base(r), path);
          }
          p.skipChildren();
        }
      }
      return refused("no " + field + " object");
    }

    /** Jackson counts byte offsets from the array's start or the range's; this finds which. */
    private static int base(RecordParser.Range r) {
      return OFFSETS_ABSOLUTE ? r.off() : 0;
    }

    /** Returns the inner event's bytes. */
    byte[] bytes(RecordParser.Range r) {
      if (text != null) {
        return text.getBytes(StandardCharsets.UTF_8);
      }
      return java.util.Arrays.copyOfRange(r.buf(), r.off() + from, r.off() + to);
    }
  }

  private static final boolean OFFSETS_ABSOLUTE = probeOffsets();

  private static boolean probeOffsets() {
    byte[] b = "xx{}".getBytes(StandardCharsets.UTF_8);
    try (JsonParser p = Json.MAPPER.createParser(b, 2, 2)) {
      p.nextToken();
      return p.currentTokenLocation().getByteOffset() == 2;
    }
  }
}
