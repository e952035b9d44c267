package dev.oktair.detect;

import dev.oktair.events.LogEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One event as the detections see it: the parsed event plus the fields every detection asks for,
 * read once. Immutable once built; not shared between threads.
 */
public final class Seen {
  private static final dev.oktair.events.FieldPath API_TOKEN = dev.oktair.events.FieldPath.parse("transaction.detail.requestApiTokenId");

  private final LogEvent event;
  private final boolean uuidCollision;
  private final Instant published;
  private final String type;
  private final String subject;
  private final String subjectId;
  private final String ip;
  private final Long asn;
  private final String session;
  private final String userAgent;
  private final String result;
  private final boolean proxy;
  private final boolean threatSuspected;
  private final String apiToken;

  private Seen(LogEvent event, boolean uuidCollision) {
    this.event = event;
    this.uuidCollision = uuidCollision;
    this.published = event.published();
    this.type = event.eventType() == null ? "" : event.eventType();
    LogEvent.Actor actor = event.actor();
    String targetLogin = null;
    String targetId = null;
    for (LogEvent.Target t : event.targets()) {
      if ("User".equals(t.type())) {
        targetLogin = t.alternateId();
        targetId = t.id();
        break;
      }
    }
    boolean actorIsUser = "User".equals(actor.type());
    this.subject = lower(targetLogin != null ? targetLogin : actorIsUser ? actor.alternateId() : null);
    this.subjectId = targetLogin != null ? targetId : actorIsUser ? actor.id() : null;
    LogEvent.Client c = event.client();
    this.ip = c.ipAddress();
    this.userAgent = c.rawUserAgent();
    this.asn = event.security().asNumber();
    String ext = event.externalSessionId();
    this.session = ext != null && !"unknown".equals(ext) ? ext : event.rootSessionId();
    this.result = event.outcome().result();
    this.proxy = Boolean.TRUE.equals(event.security().isProxy());
    this.threatSuspected = "true".equalsIgnoreCase(event.debugData("threatSuspected"));
    this.apiToken = dev.oktair.events.Json.text(API_TOKEN.first(event.json()));
  }

  /** Returns the view of {@code event}; {@code uuidCollision} when another event has its uuid. */
  public static Seen of(LogEvent event, boolean uuidCollision) {
    return new Seen(event, uuidCollision);
  }

  /** Returns the event. */
  public LogEvent event() {
    return event;
  }

  /** Returns the citation: the uuid, or {@code sha256:<hex>} when it has none or shares it. */
  public Citation.Event citation() {
    String uuid = event.uuid();
    if (uuid == null || uuidCollision) {
      uuid = "sha256:" + sha256(event.raw());
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
    return subject != null && subjectId != null && subjectId.equals(event.actor().id()) ? redact(subject) : subject;
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
    LogEvent.Actor a = event.actor();
    return redact(lower(a.alternateId() != null ? a.alternateId() : a.id()));
  }

  private String redact(String login) {
    if (login == null || login.contains("@") || succeeded() || !"User".equals(event.actor().type())) {
      return login;
    }
    return "[redacted]";
  }

  /** Returns true when the actor is the affected user themselves. */
  public boolean selfService() {
    LogEvent.Actor a = event.actor();
    return subjectId != null && subjectId.equals(a.id());
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

  /** Returns outcome.result upper case, or "". */
  public String result() {
    return result == null ? "" : result.toUpperCase(Locale.ROOT);
  }

  /** Returns true for SUCCESS or ALLOW. */
  public boolean succeeded() {
    String r = result();
    return r.equals("SUCCESS") || r.equals("ALLOW");
  }

  /** Returns true when the source is an anonymising proxy ({@code securityContext.isProxy}). */
  public boolean proxy() {
    return proxy;
  }

  /** Returns true when ThreatInsight suspected the request ({@code debugData.threatSuspected}). */
  public boolean threatSuspected() {
    return threatSuspected;
  }

  /** Returns the API token the request was made with ({@code transaction.detail.requestApiTokenId}), or null. */
  public String apiToken() {
    return apiToken;
  }

  /** Returns {@code debugContext.debugData.<key>} as text, or null. */
  public String debug(String key) {
    return event.debugData(key);
  }

  /** Returns the first target of {@code targetType}, or null. */
  public LogEvent.Target target(String targetType) {
    for (LogEvent.Target t : event.targets()) {
      if (targetType.equals(t.type())) {
        return t;
      }
    }
    return null;
  }

  /** Returns true when the event is a successful interactive authentication of a user. */
  public boolean successfulSignIn() {
    return succeeded()
        && (type.equals("user.session.start") || type.equals("user.authentication.sso")
            || type.equals("user.authentication.auth_via_mfa") || type.equals("user.authentication.verify"));
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
}
