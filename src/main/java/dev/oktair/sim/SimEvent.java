package dev.oktair.sim;

import static dev.oktair.sim.JsonBytes.ascii;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds one System Log event the way real Okta serialises it: every top-level key present, in
 * Okta's order, {@code null} where empty. Used by scenarios and by the simulator's mutations.
 * Not thread-safe; build one event per builder.
 */
public final class SimEvent {
  /** Reads the serialisation back as the tree it was: decimals as doubles, as they were written. */
  private static final ObjectReader TREE_READER =
      Json.MAPPER.reader().without(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  // The constant runs of the serialisation, in Okta's key order.
  private static final byte[] NULL = ascii("null");
  private static final byte[] K_ACTOR = ascii("{\"actor\":");
  private static final byte[] K_CLIENT = ascii(",\"client\":");
  private static final byte[] K_DEVICE = ascii(",\"device\":");
  private static final byte[] K_AUTH = ascii(",\"authenticationContext\":{\"authenticationProvider\":null,\"credentialProvider\":null"
      + ",\"credentialType\":");
  private static final byte[] K_AUTH_ROOT = ascii(",\"issuer\":null,\"interface\":null,\"authenticationStep\":0"
      + ",\"rootSessionId\":");
  private static final byte[] K_AUTH_EXT = ascii(",\"externalSessionId\":");
  private static final byte[] K_DISPLAY = ascii("},\"displayMessage\":");
  private static final byte[] K_TYPE = ascii(",\"eventType\":");
  private static final byte[] K_OUTCOME = ascii(",\"outcome\":{\"result\":");
  private static final byte[] K_REASON = ascii(",\"reason\":");
  private static final byte[] K_PUBLISHED = ascii("},\"published\":");
  private static final byte[] K_SECURITY = ascii(",\"securityContext\":{\"asNumber\":");
  private static final byte[] K_AS_ORG = ascii(",\"asOrg\":");
  private static final byte[] K_ISP = ascii(",\"isp\":");
  private static final byte[] K_DOMAIN = ascii(",\"domain\":");
  private static final byte[] K_PROXY = ascii(",\"isProxy\":");
  private static final byte[] K_SEVERITY = ascii("},\"severity\":");
  private static final byte[] K_DEBUG = ascii(",\"debugContext\":{\"debugData\":");
  private static final byte[] K_REQUEST_ID = ascii("\"requestId\":");
  private static final byte[] K_DEBUG_END = ascii("}}");
  private static final byte[] K_LEGACY = ascii(",\"legacyEventType\":");
  private static final byte[] K_TX = ascii(",\"transaction\":{\"type\":");
  private static final byte[] K_TX_ID = ascii(",\"id\":");
  private static final byte[] K_TX_DETAIL = ascii(",\"detail\":");
  private static final byte[] K_UUID = ascii("},\"uuid\":");
  private static final byte[] K_REQUEST = ascii(",\"version\":\"0\",\"request\":{\"ipChain\":[");
  private static final byte[] K_HOP_IP = ascii("{\"ip\":");
  private static final byte[] K_HOP_V4 = ascii(",\"version\":\"V4\",\"source\":null}");
  private static final byte[] K_HOP_V6 = ascii(",\"version\":\"V6\",\"source\":null}");
  private static final byte[] K_TARGET = ascii("]},\"target\":");
  private static final byte[] K_UA = ascii("{\"userAgent\":{\"rawUserAgent\":");
  private static final byte[] K_UA_OS = ascii(",\"os\":");
  private static final byte[] K_UA_BROWSER = ascii(",\"browser\":");
  private static final byte[] K_ZONE = ascii("},\"zone\":");
  private static final byte[] K_CLIENT_DEVICE = ascii(",\"device\":");
  private static final byte[] K_CLIENT_ID = ascii(",\"id\":");
  private static final byte[] K_IP = ascii(",\"ipAddress\":");
  private static final byte[] K_GEO = ascii(",\"geographicalContext\":");
  private static final byte[] K_DEVICE_ID = ascii("{\"id\":");
  private static final byte[] K_DEVICE_NAME = ascii(",\"name\":");
  private static final byte[] K_DEVICE_OS = ascii(",\"os_platform\":");
  private static final byte[] K_DEVICE_OS_VERSION = ascii(",\"os_version\":");
  private static final byte[] K_DEVICE_MANAGED = ascii(",\"managed\":");
  private static final byte[] K_DEVICE_REST = ascii(",\"registered\":true,\"device_integrator\":null"
      + ",\"disk_encryption_type\":\"ALL_INTERNAL_VOLUMES\",\"screen_lock_type\":\"BIOMETRIC\",\"jailbreak\":null,\"secure_hardware_present\":true}");
  private static final byte[] K_PARTY_ID = ascii("{\"id\":");
  private static final byte[] K_PARTY_TYPE = ascii(",\"type\":");
  private static final byte[] K_PARTY_ALT = ascii(",\"alternateId\":");
  private static final byte[] K_PARTY_NAME = ascii(",\"displayName\":");
  private static final byte[] K_PARTY_DETAIL = ascii(",\"detailEntry\":");
  private static final byte[] K_CITY = ascii("{\"city\":");
  private static final byte[] K_STATE = ascii(",\"state\":");
  private static final byte[] K_COUNTRY = ascii(",\"country\":");
  private static final byte[] K_POSTAL = ascii(",\"postalCode\":");
  private static final byte[] K_LAT = ascii(",\"geolocation\":{\"lat\":");
  private static final byte[] K_LON = ascii(",\"lon\":");
  private static final byte[] K_PLACE_END = ascii("}}");

  private final String uuid;
  private final Instant published;
  private final String eventType;
  private String displayMessage;
  private String severity = "INFO";
  private String legacyEventType;
  private Party actor;
  private Client client;
  private String clientZone = "null";
  private String clientId;
  private Device device;
  private String outcomeResult = "SUCCESS";
  private String outcomeReason;
  private final List<Party> targets = new ArrayList<>(2);
  private String externalSessionId;
  private String rootSessionId;
  private String credentialType;
  private Long asNumber;
  private String asOrg;
  private String isp;
  private String domain;
  private Boolean isProxy;
  private final Map<String, String> debugData = new LinkedHashMap<>();
  private String transactionType = "WEB";
  private String transactionId;
  private final Map<String, String> transactionDetail = new LinkedHashMap<>(2);

  /** An actor or target; {@code detail} is its {@code detailEntry}, null when it has none. */
  private record Party(String id, String type, String alternateId, String displayName, Map<String, String> detail) {}

  /** The {@code client} object's fixed part; its zone and id are set apart ({@link #zone}, {@link #clientId}). */
  private record Client(String ip, String rawUserAgent, String os, String browser, String deviceClass, Place place) {}

  /** The OIE {@code device} object's variable part. */
  private record Device(String id, String name, String osPlatform, String osVersion, boolean managed) {}

  private SimEvent(String uuid, Instant published, String eventType) {
    this.uuid = Objects.requireNonNull(uuid, "uuid");
    this.published = Objects.requireNonNull(published, "published").truncatedTo(ChronoUnit.MILLIS);
    this.eventType = Objects.requireNonNull(eventType, "eventType");
  }

  /** Starts an event with its identity: uuid, time (kept to the millisecond) and type. */
  public static SimEvent of(String uuid, Instant published, String eventType) {
    return new SimEvent(uuid, published, eventType);
  }

  public SimEvent displayMessage(String text) {
    this.displayMessage = text;
    return this;
  }

  public SimEvent severity(String value) {
    this.severity = value;
    return this;
  }

  public SimEvent legacyEventType(String value) {
    this.legacyEventType = value;
    return this;
  }

  /** Sets the actor (type {@code User}, {@code SystemPrincipal}, {@code IP address}, ...). */
  public SimEvent actor(String id, String type, String alternateId, String displayName) {
    this.actor = new Party(id, type, alternateId, displayName, null);
    return this;
  }

  /**
   * Sets the client: address, user agent with its OS and browser, device class and place. The
   * same address is written as the first element of {@code request.ipChain}. A null {@code place}
   * writes {@code geographicalContext: null} (loopback and private addresses).
   */
  public SimEvent client(String ip, String rawUserAgent, String os, String browser, String deviceClass, Place place) {
    this.client = new Client(Objects.requireNonNull(ip, "ip"), rawUserAgent, os, browser, deviceClass, place);
    this.clientZone = "null";
    this.clientId = null;
    return this;
  }

  /**
   * Sets {@code client.id}: the OAuth client (or agent) the request came through. Call after
   * {@link #client}; without a client it does nothing.
   */
  public SimEvent clientId(String id) {
    if (client != null) {
      this.clientId = id;
    }
    return this;
  }

  /**
   * Sets {@code client.zone}: the name of the network zone the address is in. Call after
   * {@link #client}; without a client it does nothing.
   */
  public SimEvent zone(String name) {
    if (client != null) {
      this.clientZone = name;
    }
    return this;
  }

  /** Sets the top-level {@code device} object (OIE device context). */
  public SimEvent device(String id, String name, String osPlatform, String osVersion, boolean managed) {
    this.device = new Device(id, name, osPlatform, osVersion, managed);
    return this;
  }

  /** Sets {@code outcome.result} and {@code outcome.reason}. */
  public SimEvent result(String result, String reason) {
    this.outcomeResult = result;
    this.outcomeReason = reason;
    return this;
  }

  /** Appends a target. */
  public SimEvent target(String id, String type, String alternateId, String displayName) {
    targets.add(new Party(id, type, alternateId, displayName, null));
    return this;
  }

  /** Appends a target with a {@code detailEntry} map. */
  public SimEvent target(String id, String type, String alternateId, String displayName, Map<String, String> detail) {
    // a copy in the map's order now: the event is serialised later (a detail is a handful of entries)
    targets.add(new Party(id, type, alternateId, displayName, new LinkedHashMap<>(detail)));
    return this;
  }

  /** Sets the session ids; the root defaults to the external session. */
  public SimEvent session(String externalSessionId, String rootSessionId) {
    this.externalSessionId = externalSessionId;
    this.rootSessionId = rootSessionId;
    return this;
  }

  public SimEvent credentialType(String value) {
    this.credentialType = value;
    return this;
  }

  /** Sets {@code securityContext}: the network the request came from. */
  public SimEvent network(Long asNumber, String asOrg, String isp, String domain, Boolean isProxy) {
    this.asNumber = asNumber;
    this.asOrg = asOrg;
    this.isp = isp;
    this.domain = domain;
    this.isProxy = isProxy;
    return this;
  }

  /** Adds a {@code debugContext.debugData} entry; Okta writes these values as strings. */
  public SimEvent debug(String key, String value) {
    debugData.put(key, value);
    return this;
  }

  /** Sets the transaction (type {@code WEB} or {@code JOB}); its id is also the debug requestId. */
  public SimEvent transaction(String type, String id) {
    this.transactionType = type;
    this.transactionId = id;
    return this;
  }

  /** Adds a {@code transaction.detail} entry (e.g. {@code requestApiTokenId}). */
  public SimEvent transactionDetail(String key, String value) {
    transactionDetail.put(key, value);
    return this;
  }

  /** Returns the event as a {@link LogEvent} whose raw bytes are the compact serialisation. */
  public LogEvent build() {
    return build(new JsonBytes(3072));
  }

  /**
   * Builds {@code events} in order, as {@link #build} does each, through one buffer: a seeded
   * history is thousands of events, and a fresh buffer for each, grown past its first size, was
   * more than half of what building one allocated (issue 16: the collections it cost held up the
   * first answer).
   */
  public static List<LogEvent> buildAll(List<SimEvent> events) {
    JsonBytes buffer = new JsonBytes(8192);
    List<LogEvent> built = new ArrayList<>(events.size());
    for (SimEvent e : events) {
      built.add(e.build(buffer.reset()));
    }
    return built;
  }

  private LogEvent build(JsonBytes buffer) {
    String publishedText = Ids.time(published);
    return LogEvent.written(bytes(buffer, publishedText), uuid, publishedText, published, eventType);
  }

  /**
   * Returns the event as a JSON object, every top-level key present: the serialisation read back
   * (numbers as {@code long} and {@code double}, as they were written).
   */
  public ObjectNode toJson() {
    return (ObjectNode) TREE_READER.readTree(bytes(new JsonBytes(3072), Ids.time(published)));
  }

  /**
   * Writes the event key by key as Jackson wrote the tree this class used to build: written
   * straight to bytes, the seeded history of {@code okta-ir simulate} is ready sooner (issue 16).
   */
  private byte[] bytes(JsonBytes b, String publishedText) {
    b.raw(K_ACTOR);
    party(b, actor);
    b.raw(K_CLIENT);
    client(b);
    b.raw(K_DEVICE);
    device(b);
    b.raw(K_AUTH).string(credentialType).raw(K_AUTH_ROOT).string(rootSessionId != null ? rootSessionId : externalSessionId)
        .raw(K_AUTH_EXT).string(externalSessionId).raw(K_DISPLAY).string(displayMessage).raw(K_TYPE).string(eventType)
        .raw(K_OUTCOME).string(outcomeResult).raw(K_REASON).string(outcomeReason).raw(K_PUBLISHED).string(publishedText)
        .raw(K_SECURITY).nullable(asNumber).raw(K_AS_ORG).string(asOrg).raw(K_ISP).string(isp).raw(K_DOMAIN).string(domain)
        .raw(K_PROXY).nullable(isProxy).raw(K_SEVERITY).string(severity).raw(K_DEBUG);
    debugData(b);
    b.raw(K_LEGACY).string(legacyEventType).raw(K_TX).string(transactionType).raw(K_TX_ID).string(transactionId)
        .raw(K_TX_DETAIL).object(transactionDetail).raw(K_UUID).string(uuid).raw(K_REQUEST);
    if (client != null) {
      b.raw(K_HOP_IP).string(client.ip()).raw(K_GEO);
      place(b, client.place());
      b.raw(client.ip().contains(":") ? K_HOP_V6 : K_HOP_V4);
    }
    b.raw(K_TARGET);
    if (targets.isEmpty()) {
      b.raw(NULL);
    } else {
      b.raw('[');
      for (int i = 0; i < targets.size(); i++) {
        party(i == 0 ? b : b.raw(','), targets.get(i));
      }
      b.raw(']');
    }
    return b.raw('}').toByteArray();
  }

  /** Writes debugData: the transaction id as {@code requestId} first, where a later entry of that key also goes. */
  private void debugData(JsonBytes b) {
    b.raw('{');
    boolean first = true;
    if (transactionId != null) {
      b.raw(K_REQUEST_ID).string(debugData.getOrDefault("requestId", transactionId));
      first = false;
    }
    for (Map.Entry<String, String> e : debugData.entrySet()) {
      if (transactionId != null && e.getKey().equals("requestId")) {
        continue;
      }
      (first ? b : b.raw(',')).name(e.getKey()).string(e.getValue());
      first = false;
    }
    b.raw(K_DEBUG_END);
  }

  private void client(JsonBytes b) {
    Client c = client;
    if (c == null) {
      b.raw(NULL);
      return;
    }
    b.raw(K_UA).string(c.rawUserAgent()).raw(K_UA_OS).string(c.os()).raw(K_UA_BROWSER).string(c.browser())
        .raw(K_ZONE).string(clientZone).raw(K_CLIENT_DEVICE).string(c.deviceClass()).raw(K_CLIENT_ID).string(clientId)
        .raw(K_IP).string(c.ip()).raw(K_GEO);
    place(b, c.place());
    b.raw('}');
  }

  private void device(JsonBytes b) {
    Device d = device;
    if (d == null) {
      b.raw(NULL);
      return;
    }
    b.raw(K_DEVICE_ID).string(d.id()).raw(K_DEVICE_NAME).string(d.name()).raw(K_DEVICE_OS).string(d.osPlatform())
        .raw(K_DEVICE_OS_VERSION).string(d.osVersion()).raw(K_DEVICE_MANAGED).bool(d.managed()).raw(K_DEVICE_REST);
  }

  private static void party(JsonBytes b, Party p) {
    if (p == null) {
      b.raw(NULL);
      return;
    }
    b.raw(K_PARTY_ID).string(p.id()).raw(K_PARTY_TYPE).string(p.type()).raw(K_PARTY_ALT).string(p.alternateId())
        .raw(K_PARTY_NAME).string(p.displayName()).raw(K_PARTY_DETAIL);
    if (p.detail() == null) {
      b.raw(NULL);
    } else {
      b.object(p.detail());
    }
    b.raw('}');
  }

  private static void place(JsonBytes b, Place p) {
    if (p == null) {
      b.raw(NULL);
      return;
    }
    b.raw(K_CITY).string(p.city()).raw(K_STATE).string(p.state()).raw(K_COUNTRY).string(p.country())
        .raw(K_POSTAL).string(p.postalCode()).raw(K_LAT).number(p.lat()).raw(K_LON).number(p.lon()).raw(K_PLACE_END);
  }

  /**
   * Where a client is, as {@code geographicalContext}.
   *
   * @param city the city
   * @param state the state or region
   * @param country the country's English name, as Okta writes it
   * @param postalCode the postal code, or null
   * @param lat latitude
   * @param lon longitude
   */
  public record Place(String city, String state, String country, String postalCode, double lat, double lon) {
  }
}
