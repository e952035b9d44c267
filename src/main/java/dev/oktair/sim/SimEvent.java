package dev.oktair.sim;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds one System Log event the way real Okta serialises it: every top-level key present, in
 * Okta's order, {@code null} where empty. Used by scenarios and by the simulator's mutations.
 * Not thread-safe; build one event per builder.
 */
public final class SimEvent {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** Okta always writes three fraction digits ({@code ISO_INSTANT} drops them at .000). */
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

  private final String uuid;
  private final Instant published;
  private final String eventType;
  private String displayMessage;
  private String severity = "INFO";
  private String legacyEventType;
  private JsonNode actor = F.nullNode();
  private JsonNode client = F.nullNode();
  private JsonNode device = F.nullNode();
  private ObjectNode outcome = outcome("SUCCESS", null);
  private final ArrayNode targets = F.arrayNode();
  private String externalSessionId;
  private String rootSessionId;
  private String credentialType;
  private JsonNode securityContext = securityContext(null, null, null, null, null);
  private final Map<String, String> debugData = new LinkedHashMap<>();
  private String transactionType = "WEB";
  private String transactionId;
  private ObjectNode transactionDetail = F.objectNode();
  private JsonNode ipChain = F.nullNode();

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
    this.actor = principal(id, type, alternateId, displayName);
    return this;
  }

  /**
   * Sets the client: address, user agent with its OS and browser, device class and place. The
   * same address is written as the first element of {@code request.ipChain}. A null {@code place}
   * writes {@code geographicalContext: null} (loopback and private addresses).
   */
  public SimEvent client(String ip, String rawUserAgent, String os, String browser, String deviceClass, Place place) {
    ObjectNode ua = F.objectNode();
    ua.put("rawUserAgent", rawUserAgent);
    ua.put("os", os);
    ua.put("browser", browser);
    ObjectNode c = F.objectNode();
    c.set("userAgent", ua);
    c.put("zone", "null");
    c.put("device", deviceClass);
    c.putNull("id");
    c.put("ipAddress", ip);
    c.set("geographicalContext", place == null ? F.nullNode() : place.toJson());
    this.client = c;
    ObjectNode hop = F.objectNode();
    hop.put("ip", ip);
    hop.set("geographicalContext", place == null ? F.nullNode() : place.toJson());
    hop.put("version", ip.contains(":") ? "V6" : "V4");
    hop.putNull("source");
    this.ipChain = F.arrayNode().add(hop);
    return this;
  }

  /**
   * Sets {@code client.id}: the OAuth client (or agent) the request came through. Call after
   * {@link #client}; without a client it does nothing.
   */
  public SimEvent clientId(String id) {
    if (client instanceof ObjectNode c) {
      c.put("id", id);
    }
    return this;
  }

  /**
   * Sets {@code client.zone}: the name of the network zone the address is in. Call after
   * {@link #client}; without a client it does nothing.
   */
  public SimEvent zone(String name) {
    if (client instanceof ObjectNode c) {
      c.put("zone", name);
    }
    return this;
  }

  /** Sets the top-level {@code device} object (OIE device context). */
  public SimEvent device(String id, String name, String osPlatform, String osVersion, boolean managed) {
    ObjectNode d = F.objectNode();
    d.put("id", id);
    d.put("name", name);
    d.put("os_platform", osPlatform);
    d.put("os_version", osVersion);
    d.put("managed", managed);
    d.put("registered", true);
    d.putNull("device_integrator");
    d.put("disk_encryption_type", "ALL_INTERNAL_VOLUMES");
    d.put("screen_lock_type", "BIOMETRIC");
    d.putNull("jailbreak");
    d.put("secure_hardware_present", true);
    this.device = d;
    return this;
  }

  /** Sets {@code outcome.result} and {@code outcome.reason}. */
  public SimEvent result(String result, String reason) {
    this.outcome = outcome(result, reason);
    return this;
  }

  /** Appends a target. */
  public SimEvent target(String id, String type, String alternateId, String displayName) {
    targets.add(principal(id, type, alternateId, displayName));
    return this;
  }

  /** Appends a target with a {@code detailEntry} map. */
  public SimEvent target(String id, String type, String alternateId, String displayName, Map<String, String> detail) {
    ObjectNode t = principal(id, type, alternateId, displayName);
    ObjectNode d = F.objectNode();
    detail.forEach(d::put);
    t.set("detailEntry", d);
    targets.add(t);
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
    this.securityContext = securityContext(asNumber, asOrg, isp, domain, isProxy);
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
    // Only the bytes are kept (the tree is parsed again if asked for): a seeded history holds
    // tens of thousands of events, and their trees were most of the heap the garbage collector
    // copied while building it (issue 16: ready in under 2 s).
    return LogEvent.written(Json.MAPPER.writeValueAsBytes(toJson()), uuid, MILLIS.format(published), published, eventType);
  }

  /** Returns the event as a JSON object, every top-level key present. */
  public ObjectNode toJson() {
    ObjectNode e = F.objectNode();
    e.set("actor", actor);
    e.set("client", client);
    e.set("device", device);
    ObjectNode auth = F.objectNode();
    auth.putNull("authenticationProvider");
    auth.putNull("credentialProvider");
    auth.put("credentialType", credentialType);
    auth.putNull("issuer");
    auth.putNull("interface");
    auth.put("authenticationStep", 0);
    auth.put("rootSessionId", rootSessionId != null ? rootSessionId : externalSessionId);
    auth.put("externalSessionId", externalSessionId);
    e.set("authenticationContext", auth);
    e.put("displayMessage", displayMessage);
    e.put("eventType", eventType);
    e.set("outcome", outcome);
    e.put("published", MILLIS.format(published));
    e.set("securityContext", securityContext);
    e.put("severity", severity);
    ObjectNode debug = F.objectNode();
    ObjectNode data = F.objectNode();
    if (transactionId != null) {
      data.put("requestId", transactionId);
    }
    debugData.forEach(data::put);
    debug.set("debugData", data);
    e.set("debugContext", debug);
    e.put("legacyEventType", legacyEventType);
    ObjectNode tx = F.objectNode();
    tx.put("type", transactionType);
    tx.put("id", transactionId);
    tx.set("detail", transactionDetail);
    e.set("transaction", tx);
    e.put("uuid", uuid);
    e.put("version", "0");
    ObjectNode request = F.objectNode();
    request.set("ipChain", ipChain.isNull() ? F.arrayNode() : ipChain);
    e.set("request", request);
    e.set("target", targets.isEmpty() ? F.nullNode() : targets);
    return e;
  }

  private static ObjectNode principal(String id, String type, String alternateId, String displayName) {
    ObjectNode p = F.objectNode();
    p.put("id", id);
    p.put("type", type);
    p.put("alternateId", alternateId);
    p.put("displayName", displayName);
    p.putNull("detailEntry");
    return p;
  }

  private static ObjectNode outcome(String result, String reason) {
    ObjectNode o = F.objectNode();
    o.put("result", result);
    o.put("reason", reason);
    return o;
  }

  private static ObjectNode securityContext(Long asNumber, String asOrg, String isp, String domain, Boolean isProxy) {
    ObjectNode s = F.objectNode();
    if (asNumber == null) {
      s.putNull("asNumber");
    } else {
      s.put("asNumber", asNumber.longValue());
    }
    s.put("asOrg", asOrg);
    s.put("isp", isp);
    s.put("domain", domain);
    if (isProxy == null) {
      s.putNull("isProxy");
    } else {
      s.put("isProxy", isProxy.booleanValue());
    }
    return s;
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
    ObjectNode toJson() {
      ObjectNode g = F.objectNode();
      g.put("city", city);
      g.put("state", state);
      g.put("country", country);
      g.put("postalCode", postalCode);
      ObjectNode loc = F.objectNode();
      loc.put("lat", lat);
      loc.put("lon", lon);
      g.set("geolocation", loc);
      return g;
    }
  }
}
