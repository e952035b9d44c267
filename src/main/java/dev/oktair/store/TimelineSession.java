package dev.oktair.store;

import dev.oktair.events.Times;
import dev.oktair.events.Json;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events of one session in time order, with what identifies who held it: the attacker's
 * session shows its own IPs, network, device and user agent, apart from the user's.
 *
 * @param session the root session id, else the external session id; null for a group of events
 *     without one (one subject from one IP, in a burst with no 30-minute pause)
 * @param ips client IPs, in order of first use
 * @param networks ASN and organisation pairs, in order of first use ({@code AS14061 digitalocean llc})
 * @param devices {@code client.device} values, in order of first use
 * @param userAgents raw user agents, in order of first use
 * @param first the earliest {@code published}, or null
 * @param last the latest {@code published}, or null
 * @param subjects the {@code actor.alternateId} of User actors, in order of first appearance
 * @param events the session's events in time order
 */
public record TimelineSession(
    String session, List<String> ips, List<String> networks, List<String> devices, List<String> userAgents,
    Instant first, Instant last, List<String> subjects, List<Event> events) {
  /** Writes compact JSON and leaves the target open (the command's stdout). */
  private static final ObjectWriter COMPACT = Json.MAPPER.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET);

  public TimelineSession {
    ips = List.copyOf(ips);
    networks = List.copyOf(networks);
    devices = List.copyOf(devices);
    userAgents = List.copyOf(userAgents);
    subjects = List.copyOf(subjects);
    events = List.copyOf(events);
  }

  /**
   * Returns the heading of this group: {@code session ID}, or for events without a session the
   * subject and IP of the burst ({@code no session: alice@x from 203.0.113.9}).
   */
  public String label() {
    if (session != null) {
      return "session " + session;
    }
    return "no session: " + (subjects.isEmpty() ? "no user actor" : String.join(", ", subjects))
        + " from " + (ips.isEmpty() ? "no IP" : String.join(", ", ips));
  }

  /** Returns the session as one JSON object with its events. */
  public ObjectNode toJson() {
    ObjectNode o = heading();
    ArrayNode list = o.putArray("events");
    events.forEach(e -> list.add(e.toJson()));
    return o;
  }

  /**
   * Writes {@link #toJson} to {@code out}, the same bytes, without building the whole tree: a
   * session of a million-event case can hold a hundred thousand events (issue 14).
   */
  public void writeJson(Writer out) {
    try (JsonGenerator g = COMPACT.createGenerator(out)) {
      g.writeStartObject();
      for (Map.Entry<String, JsonNode> field : heading().properties()) {
        g.writeName(field.getKey());
        g.writeTree(field.getValue());
      }
      g.writeName("events");
      g.writeStartArray();
      for (Event e : events) {
        g.writeTree(e.toJson());
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** The session's fields but its events, in the order of {@link #toJson}. */
  private ObjectNode heading() {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("session", session);
    o.put("label", label());
    strings(o.putArray("ips"), ips);
    strings(o.putArray("networks"), networks);
    strings(o.putArray("devices"), devices);
    strings(o.putArray("userAgents"), userAgents);
    o.put("first", Times.format(first));
    o.put("last", Times.format(last));
    strings(o.putArray("subjects"), subjects);
    return o;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  /**
   * One event of a timeline.
   *
   * @param uuid the event's uuid
   * @param published when it happened, or null when unreadable
   * @param eventType its eventType
   * @param outcome its outcome.result
   * @param displayMessage its displayMessage
   * @param ip its client IP
   */
  public record Event(String uuid, Instant published, String eventType, String outcome, String displayMessage, String ip) {
    /** Returns the event as JSON: uuid, published, eventType, outcome, displayMessage, ip. */
    public ObjectNode toJson() {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("uuid", uuid);
      o.put("published", Times.format(published));
      o.put("eventType", eventType);
      o.put("outcome", outcome);
      o.put("displayMessage", displayMessage);
      o.put("ip", ip);
      return o;
    }
  }

  /** Builds a session from its events, in time order. Not thread-safe. */
  static final class Builder {
    private final String session;
    private final LinkedHashSet<String> ips = new LinkedHashSet<>();
    private final LinkedHashSet<String> networks = new LinkedHashSet<>();
    private final LinkedHashSet<String> devices = new LinkedHashSet<>();
    private final LinkedHashSet<String> agents = new LinkedHashSet<>();
    private final LinkedHashSet<String> subjects = new LinkedHashSet<>();
    private final ArrayList<Event> events = new ArrayList<>();
    private Instant first;
    private Instant last;

    Builder(String session) {
      this.session = session;
    }

    void add(Event e, Long asn, String asOrg, String device, String userAgent, String subject) {
      events.add(e);
      addIfPresent(ips, e.ip());
      if (asn != null || asOrg != null) {
        networks.add((asn == null ? "AS?" : "AS" + asn) + (asOrg == null ? "" : " " + asOrg));
      }
      addIfPresent(devices, device);
      addIfPresent(agents, userAgent);
      addIfPresent(subjects, subject);
      if (e.published() != null) {
        first = first == null || e.published().isBefore(first) ? e.published() : first;
        last = last == null || e.published().isAfter(last) ? e.published() : last;
      }
    }

    TimelineSession build() {
      return new TimelineSession(session, List.copyOf(ips), List.copyOf(networks), List.copyOf(devices),
          List.copyOf(agents), first, last, List.copyOf(subjects), events);
    }

    private static void addIfPresent(Set<String> set, String value) {
      if (value != null) {
        set.add(value);
      }
    }
  }
}
