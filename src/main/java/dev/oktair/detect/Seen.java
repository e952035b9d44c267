package dev.oktair.detect;

import dev.oktair.events.FieldPath;
import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * One event as the detections see it: the parsed event plus the fields every detection asks for,
 * read once straight from the tree (no per-event records or string building, since every event
 * of a case passes through here). A scan that keeps an event past its turn keeps {@link #kept}
 * instead, which drops the parsed tree and parses the raw bytes again only if a finding needs
 * more than the fields read here. Not shared between threads.
 */
public final class Seen {
  private static final FieldPath API_TOKEN = FieldPath.parse("transaction.detail.requestApiTokenId");
  private static final FieldPath DEBUG_CLIENT = FieldPath.parse("debugContext.debugData.clientId");
  private static final FieldPath CLIENT_ID = FieldPath.parse("client.id");

  private static final LogEvent.Target[] NO_TARGETS = {};

  private final LogEvent event;
  private final byte[] raw;
  private final boolean uuidCollision;
  private final Instant published;
  private final String type;
  private final String subject;
  private final String subjectId;
  private final String actorId;
  private final String actor;
  private final String ip;
  private final Long asn;
  private final String session;
  private final String userAgent;
  private final String deviceId;
  private final String result;
  private final boolean proxy;
  private final boolean threatSuspected;
  private final boolean highRisk;
  private final LogEvent.Target[] targets;
  private final String apiToken;
  /** Only in a light view ({@link #light}): what findings read of the event beyond the fields above. */
  private final Citation.Event citation;
  private final Extra extra;
  /** This event's light view once a scan made one: the scans that keep one per session and per user share it. */
  private Seen light;

  private Seen(LogEvent event, boolean uuidCollision) {
    this.event = event;
    this.raw = null;
    this.citation = null;
    this.extra = null;
    this.uuidCollision = uuidCollision;
    JsonNode json = event.json();
    this.published = Published.parse(text(json, "published"));
    String t = text(json, "eventType");
    this.type = t == null ? "" : Canon.TYPES.of(t);
    JsonNode a = json.get("actor");
    this.actorId = text(a, "id");
    boolean actorIsUser = "User".equals(text(a, "type"));
    this.targets = targets(json.get("target"));
    String targetLogin = null;
    String targetId = null;
    for (LogEvent.Target target : targets) {
      if ("User".equals(target.type())) {
        targetLogin = target.alternateId();
        targetId = target.id();
        break;
      }
    }
    this.result = upper(text(json.get("outcome"), "result"));
    String actorLogin = text(a, "alternateId");
    this.actor = redact(lower(actorLogin != null ? actorLogin : actorId), actorIsUser);
    String login = lower(targetLogin != null ? targetLogin : actorIsUser ? actorLogin : null);
    this.subjectId = targetLogin != null ? targetId : actorIsUser ? actorId : null;
    this.subject = Canon.LOGINS.of(login != null && subjectId != null && subjectId.equals(actorId) ? redact(login, actorIsUser) : login);
    JsonNode c = json.get("client");
    this.ip = Canon.IPS.of(text(c, "ipAddress"));
    this.userAgent = Canon.AGENTS.of(text(child(c, "userAgent"), "rawUserAgent"));
    this.deviceId = Canon.DEVICES.of(text(json.get("device"), "id"));
    JsonNode sec = json.get("securityContext");
    JsonNode asNumber = child(sec, "asNumber");
    this.asn = asNumber != null && asNumber.isNumber() ? Long.valueOf(asNumber.asLong()) : Json.longOf(Json.text(asNumber));
    this.proxy = "true".equalsIgnoreCase(text(sec, "isProxy"));
    JsonNode auth = json.get("authenticationContext");
    String ext = text(auth, "externalSessionId");
    this.session = Canon.SESSIONS.of(ext != null && !"unknown".equals(ext) ? ext : text(auth, "rootSessionId"));
    this.threatSuspected = "true".equalsIgnoreCase(debug(json, "threatSuspected"));
    String risk = debug(json, "risk");
    this.highRisk = risk != null && risk.contains("level=HIGH");
    JsonNode tx = json.get("transaction");
    JsonNode detail = child(tx, "detail");
    // the field path also walks arrays; only an odd transaction has one
    this.apiToken = (tx == null || tx.isObject()) && (detail == null || !detail.isArray())
        ? text(detail, "requestApiTokenId") : Json.text(API_TOKEN.first(json));
  }

  /**
   * A kept copy; the values many events share (types, logins, addresses, user agents, targets)
   * come from the pass's {@code pool}, so a scan that keeps one view per session holds one copy of each, not one per view.
   */
  private Seen(Seen s, boolean light, Pool pool) {
    this.event = null;
    this.raw = light ? null : s.event().raw();
    this.citation = light ? s.citation() : null;
    this.extra = light ? s.extra(pool) : null;
    this.uuidCollision = s.uuidCollision;
    this.published = s.published;
    this.type = pool.of(s.type);
    this.subject = pool.of(s.subject);
    this.subjectId = pool.of(s.subjectId);
    this.actorId = pool.of(s.actorId);
    this.actor = pool.of(s.actor);
    this.ip = pool.of(s.ip);
    this.asn = s.asn;
    this.session = s.session;
    this.userAgent = pool.of(s.userAgent);
    this.deviceId = pool.of(s.deviceId);
    this.result = pool.of(s.result);
    this.proxy = s.proxy;
    this.threatSuspected = s.threatSuspected;
    this.highRisk = s.highRisk;
    this.targets = s.targets.length == 0 ? NO_TARGETS : new LogEvent.Target[s.targets.length];
    for (int i = 0; i < s.targets.length; i++) {
      LogEvent.Target t = s.targets[i];
      targets[i] = new LogEvent.Target(pool.of(t.id()), pool.of(t.type()), pool.of(t.alternateId()), pool.of(t.displayName()));
    }
    this.apiToken = s.apiToken;
  }


  /** Returns the view of {@code event}; {@code uuidCollision} when another event has its uuid. */
  public static Seen of(LogEvent event, boolean uuidCollision) {
    if (!uuidCollision && event.prepared() instanceof Seen s && s.event == event) {
      return s;
    }
    return new Seen(event, uuidCollision);
  }

  /**
   * Returns this view for keeping past the event's turn: the same fields, holding the raw bytes
   * rather than the parsed tree (a tree weighs several times its bytes, and a pass over a million
   * events keeps one per session).
   */
  Seen kept(Pool pool) {
    return event == null ? this : new Seen(this, false, pool);
  }

  /**
   * Returns this view for keeping when a scan keeps one per session or source, not per rare event:
   * the fields, the citation and {@link #extra}, without the event (no bytes, a few hundred bytes
   * in all); {@link #event} and {@link #debug} then fail, so only scans whose findings read no
   * more than {@link EventRule#facts} does keep this.
   */
  Seen light(Pool pool) {
    if (event == null && raw == null) {
      return this;
    }
    if (light == null) {
      light = new Seen(this, true, pool);
    }
    return light;
  }

  /**
   * Returns the event. A kept view parses its bytes at each call and does not keep the tree: a pass
   * keeps one per event a rule matched, and on a case where most events match one (the real-shaped
   * 1 GB: 100k findings in 200k events) the kept trees, ten times the bytes they came from, were
   * what ran investigate out of memory as it built the findings.
   */
  public LogEvent event() {
    if (event != null) {
      return event;
    }
    if (raw == null) {
      throw new IllegalStateException("a light view keeps no event");
    }
    return LogEvent.parse(raw);
  }

  /** Returns the citation: the uuid, or {@code sha256:<hex>} when it has none or shares it. */
  public Citation.Event citation() {
    if (citation != null) {
      return citation;
    }
    LogEvent e = event(); // a kept view parses at each call: once here
    String uuid = e.uuid();
    if (uuid == null || uuidCollision) {
      uuid = "sha256:" + sha256(e.raw());
    }
    return new Citation.Event(uuid, published, type);
  }

  /** Returns when it happened, or null. */
  public Instant published() {
    return published;
  }

  /** Returns the eventType ("" when absent). */
  public String type() {
    return type;
  }

  /** Returns the affected user's login, lower case: the target user, else the acting user (redacted as {@link #actor}). */
  public String subject() {
    return subject;
  }

  /** Returns the affected user's id, or null. */
  public String subjectId() {
    return subjectId;
  }

  /**
   * Returns the acting principal's login or id (lower case), or null. On a failed event an
   * alternateId that looks like no login (no {@code @}) may be a password typed into the username
   * box, so it reads as {@code [redacted]}.
   */
  public String actor() {
    return actor;
  }

  private String redact(String login, boolean actorIsUser) {
    if (login == null || login.contains("@") || succeeded() || !actorIsUser) {
      return login;
    }
    return "[redacted]";
  }

  /** Returns true when the actor is the affected user themselves. */
  public boolean selfService() {
    return subjectId != null && subjectId.equals(actorId);
  }

  /** Returns the client IP, or null. */
  public String ip() {
    return ip;
  }

  /** Returns the AS number, or null. */
  public Long asn() {
    return asn;
  }

  /** Returns the session: externalSessionId, else rootSessionId; null when none. */
  public String session() {
    return session;
  }

  /** Returns the raw user agent, or null. */
  public String userAgent() {
    return userAgent;
  }

  /** Returns the Okta device id ({@code device.id}), or null. */
  public String deviceId() {
    return deviceId;
  }

  /** Returns outcome.result upper case, or "". */
  public String result() {
    return result;
  }

  /** Returns true for SUCCESS or ALLOW. */
  public boolean succeeded() {
    return result.equals("SUCCESS") || result.equals("ALLOW");
  }

  /** Returns true when the source is an anonymising proxy ({@code securityContext.isProxy}). */
  public boolean proxy() {
    return proxy;
  }

  /** Returns true when ThreatInsight suspected the request ({@code debugData.threatSuspected}). */
  public boolean threatSuspected() {
    return threatSuspected;
  }

  /** Returns true when Okta rated the request high risk ({@code debugData.risk} has {@code level=HIGH}). */
  boolean highRisk() {
    return highRisk;
  }

  /** Returns the API token the request was made with ({@code transaction.detail.requestApiTokenId}), or null. */
  public String apiToken() {
    return apiToken;
  }

  /** Returns {@code debugContext.debugData.<key>} as text, or null. */
  public String debug(String key) {
    return debug(event().json(), key);
  }

  /** Returns what {@link EventRule#facts} reads of the event beyond the fields of this view. */
  Extra extra() {
    return extra(null);
  }

  /** As {@link #extra()}, its shared values from {@code pool} when one is given (for a kept view). */
  private Extra extra(Pool pool) {
    if (extra != null) {
      return extra;
    }
    JsonNode json = event().json();
    String client = Json.text(DEBUG_CLIENT.first(json));
    Extra x = new Extra(client != null ? client : Json.text(CLIENT_ID.first(json)), debug(json, "consentGrantId"),
        debug(json, "privilegeGranted"), debug(json, "scope"));
    if (x.equals(Extra.NONE)) {
      return Extra.NONE;
    }
    return pool == null ? x : new Extra(pool.of(x.clientId()), x.grantId(), pool.of(x.roleId()), pool.of(x.scope()));
  }

  /**
   * The facts of an event that its fields above do not give.
   *
   * @param clientId {@code debugData.clientId}, else {@code client.id}
   * @param grantId {@code debugData.consentGrantId}
   * @param roleId {@code debugData.privilegeGranted}
   * @param scope {@code debugData.scope}
   */
  record Extra(String clientId, String grantId, String roleId, String scope) {
    static final Extra NONE = new Extra(null, null, null, null);
  }

  /** Returns the first target of {@code targetType}, or null. */
  public LogEvent.Target target(String targetType) {
    for (LogEvent.Target t : targets) {
      if (targetType.equals(t.type())) {
        return t;
      }
    }
    return null;
  }

  /** Returns true when the event is a successful interactive authentication of a user. */
  public boolean successfulSignIn() {
    return succeeded() && signInType(type);
  }

  /** Returns true for the event types of an interactive authentication of a user. */
  static boolean signInType(String type) {
    return type.equals("user.session.start") || type.equals("user.authentication.sso")
        || type.equals("user.authentication.auth_via_mfa") || type.equals("user.authentication.verify");
  }

  static String sha256(byte[] raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  /** As {@link LogEvent#targets}, read once: the pass asks for targets on the reading thread. */
  private static LogEvent.Target[] targets(JsonNode array) {
    if (array == null || !array.isArray() || array.isEmpty()) {
      return NO_TARGETS;
    }
    LogEvent.Target[] out = new LogEvent.Target[array.size()];
    int i = 0;
    for (JsonNode t : array) {
      out[i++] = new LogEvent.Target(text(t, "id"), text(t, "type"), text(t, "alternateId"), text(t, "displayName"));
    }
    return out;
  }

  private static String upper(String s) {
    return s == null ? "" : s.toUpperCase(Locale.ROOT);
  }

  /** As {@link LogEvent#debugData}, without building anything. */
  private static String debug(JsonNode json, String key) {
    return Json.text(child(child(child(json, "debugContext"), "debugData"), key));
  }

  private static JsonNode child(JsonNode node, String name) {
    return node == null ? null : node.get(name);
  }

  /** As the event's own accessors read a field: JSON null and the string "null" are absent. */
  private static String text(JsonNode node, String name) {
    return Json.text(child(node, name));
  }

}
