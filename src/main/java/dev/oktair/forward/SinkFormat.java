package dev.oktair.forward;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire formats a sink takes, each with its credential scheme and the idempotency key a resend
 * is deduplicated on: the event's uuid. The raw Okta event is sent byte-exact inside each format.
 */
public enum SinkFormat {
  /**
   * Splunk HTTP Event Collector ({@code /services/collector/event}): concatenated event objects,
   * {@code Authorization: Splunk <token>}; the uuid travels as the indexed field {@code okta_uuid}
   * (HEC does not deduplicate by itself: search with {@code dedup okta_uuid}).
   */
  HEC("Splunk") {
    @Override
    byte[] body(List<LogEvent> events) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (LogEvent e : events) {
        ObjectNode wrapper = Json.MAPPER.createObjectNode();
        if (e.published() != null) {
          wrapper.put("time", e.published().toEpochMilli() / 1000.0);
        }
        wrapper.put("source", "okta-ir");
        wrapper.put("sourcetype", "OktaIM2:log");
        wrapper.putObject("fields").put("okta_uuid", e.uuid());
        String head = Json.MAPPER.writeValueAsString(wrapper);
        // splice the raw event in byte-exact rather than re-serialising Okta's JSON
        out.writeBytes((head.substring(0, head.length() - 1) + ",\"event\":").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(e.raw());
        out.writeBytes("}\n".getBytes(StandardCharsets.UTF_8));
      }
      return out.toByteArray();
    }
  },
  /**
   * Elastic or OpenSearch {@code _bulk} ({@code .../<index>/_bulk}): NDJSON {@code create} actions
   * with {@code _id} = uuid, {@code Authorization: ApiKey <token>}; a resend answers 409 per item,
   * which counts as delivered.
   */
  BULK("ApiKey") {
    @Override
    byte[] body(List<LogEvent> events) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (LogEvent e : events) {
        ObjectNode action = Json.MAPPER.createObjectNode();
        action.putObject("create").put("_id", e.uuid());
        out.writeBytes(Json.MAPPER.writeValueAsBytes(action));
        out.write('\n');
        out.writeBytes(e.raw());
        out.write('\n');
      }
      return out.toByteArray();
    }

    @Override
    String contentType() {
      return "application/x-ndjson";
    }
  },
  /**
   * A generic HTTPS endpoint: a JSON array of the raw events, {@code Authorization: Bearer
   * <token>}; each event's own {@code uuid} is the key to deduplicate on.
   */
  JSON("Bearer") {
    @Override
    byte[] body(List<LogEvent> events) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write('[');
      for (int i = 0; i < events.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.writeBytes(events.get(i).raw());
      }
      out.write(']');
      return out.toByteArray();
    }
  };

  private final String scheme;

  SinkFormat(String scheme) {
    this.scheme = scheme;
  }

  /** Returns the request body carrying {@code events}. */
  abstract byte[] body(List<LogEvent> events);

  /** Returns the body's media type. */
  String contentType() {
    return "application/json";
  }

  /** Returns the {@code Authorization} scheme the token is sent with. */
  String scheme() {
    return scheme;
  }

  /** Returns the format a URL's path implies: HEC for {@code /services/collector...}, BULK for {@code .../_bulk}, else JSON. */
  public static SinkFormat of(URI url) {
    String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
    if (path.startsWith("/services/collector")) {
      return HEC;
    }
    return path.endsWith("/_bulk") ? BULK : JSON;
  }
}
