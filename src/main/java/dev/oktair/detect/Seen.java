package dev.oktair.detect;

import static dev.oktair.detect.ViewValues.lower;
import static dev.oktair.detect.ViewValues.upper;

import dev.oktair.events.LogEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Predicate;

/**
 * One event as the detections see it: the event plus the fields every detection asks for, read
 * once ({@link EventFields}: from the bytes, or from the tree), since every event of a case
 * passes through here. A scan that keeps an event past its turn keeps {@link #kept}
 * instead: the same fields, the citation and what findings read beyond them ({@link Extra}),
 * without the event; a scan that keeps most of a case's events packs them into a {@link KeptViews}
 * store ({@link #writeTo}), which reads back a kept view. Not shared between threads.
 */
public final class Seen {
  /** The event; null in a kept view, and in a {@link #ready} view once the pass let it go. */
  private LogEvent event;
  private final boolean uuidCollision;
  private final Instant published;
  private final String type;
  private final String subject;
  private final String subjectId;
  private final String actorId;
  private final String actor;
  private final String ip;
  /** The bits of {@link #ip} when it is plain IPv4 text ({@link Sources#v4}), else -1: read here, on a parsing thread. */
  private final long ip4;
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
  /** Made once when first asked for (a rule groups by it, then keeps the view); a kept view has it from the start. */
  private Citation.Event citation;
  /** In a full view: the event's fields as read, for what single scans read beyond the fields above; null in a kept view. */
  private EventFields fields;
  /** In a kept or {@link #ready} view: what findings read of the event beyond the fields above. */
  private final Extra extra;
  /**
   * Prepared to be kept: made on a parsing thread with the citation, {@link #extra} and the
   * canonical strings a kept view holds, so keeping it is marking it ({@link #kept}) and the pass
   * lets its event go after the event's turn ({@link #settle}); no copy on the pass's one thread.
   */
  private final boolean ready;
  /** A {@link #ready} view a scan keeps. */
  private boolean keep;
  /** This event's kept view once a scan made one: the scans that keep one per session and per user share it. */
  private Seen kept;

  private Seen(LogEvent event, boolean uuidCollision, Predicate<String> keepable) {
    this.event = event;
    this.uuidCollision = uuidCollision;
    EventFields f = EventFields.of(event);
    this.published = Published.parse(f.text(EventFields.PUBLISHED));
    String t = f.text(EventFields.EVENT_TYPE);
    this.type = t == null ? "" : Canon.TYPES.of(t);
    this.ready = keepable != null && keepable.test(type);
    String id = f.text(EventFields.ACTOR_ID);
    this.actorId = ready ? Canon.IDS.of(id) : id;
    boolean actorIsUser = "User".equals(f.text(EventFields.ACTOR_TYPE));
    this.targets = ViewValues.targets(f, ready);
    String targetLogin = null;
    String targetId = null;
    for (LogEvent.Target target : targets) {
      if ("User".equals(target.type())) {
        targetLogin = target.alternateId();
        targetId = target.id();
        break;
      }
    }
    String outcome = upper(f.text(EventFields.RESULT));
    this.result = ready ? Canon.TYPES.of(outcome) : outcome;
    String actorLogin = f.text(EventFields.ACTOR_LOGIN);
    String actorName = redact(lower(actorLogin != null ? actorLogin : actorId), actorIsUser);
    this.actor = ready ? Canon.LOGINS.of(actorName) : actorName;
    String login = lower(targetLogin != null ? targetLogin : actorIsUser ? actorLogin : null);
    this.subjectId = targetLogin != null ? targetId : actorIsUser ? actorId : null;
    this.subject = Canon.LOGINS.of(login != null && subjectId != null && subjectId.equals(actorId) ? redact(login, actorIsUser) : login);
    this.ip = f.text(EventFields.IP);
    this.ip4 = ip == null ? -1 : Sources.v4(ip);
    this.userAgent = Canon.AGENTS.of(f.text(EventFields.USER_AGENT));
    this.deviceId = Canon.DEVICES.of(f.text(EventFields.DEVICE_ID));
    this.asn = f.asn();
    this.proxy = "true".equalsIgnoreCase(f.text(EventFields.PROXY));
    String ext = f.text(EventFields.EXTERNAL_SESSION);
    this.session = Canon.SESSIONS.of(ext != null && !"unknown".equals(ext) ? ext : f.text(EventFields.ROOT_SESSION));
    this.threatSuspected = "true".equalsIgnoreCase(f.text(EventFields.THREAT));
    String risk = f.text(EventFields.RISK);
    this.highRisk = risk != null && risk.contains("level=HIGH");
    this.apiToken = f.text(EventFields.API_TOKEN);
    this.extra = ready ? ViewValues.extra(f) : null;
    this.fields = f;
    if (ready) {
      citation();
    }
  }

  /**
   * A kept copy: the values many events share (types, logins, addresses, user agents, targets) are
   * the {@link Canon canonical} instances where a table holds them, so the views a scan keeps per
   * session share one copy of each, without a map of its own that grows with every kept value
   * (on real-shaped events most kept addresses are unique, and the map cost more than it saved).
   */
  private Seen(Seen s) {
    this.event = null;
    this.fields = null;
    this.ready = false;
    this.citation = s.citation();
    this.extra = s.extra();
    this.uuidCollision = s.uuidCollision;
    this.published = s.published;
    this.type = s.type;
    this.subject = s.subject;
    this.subjectId = Canon.IDS.of(s.subjectId);
    this.actorId = Canon.IDS.of(s.actorId);
    this.actor = Canon.LOGINS.of(s.actor);
    this.ip = s.ip;
    this.ip4 = s.ip4;
    this.asn = s.asn;
    this.session = s.session;
    this.userAgent = s.userAgent;
    this.deviceId = s.deviceId;
    this.result = Canon.TYPES.of(s.result);
    this.proxy = s.proxy;
    this.threatSuspected = s.threatSuspected;
    this.highRisk = s.highRisk;
    this.targets = s.targets.length == 0 ? ViewValues.NO_TARGETS : new LogEvent.Target[s.targets.length];
    for (int i = 0; i < s.targets.length; i++) {
      LogEvent.Target t = s.targets[i];
      targets[i] = ViewValues.canonical(t.id(), t.type(), t.alternateId(), t.displayName());
    }
    this.apiToken = s.apiToken;
  }

  /** A kept view read back from a {@link KeptViews store}, in the order {@link #writeTo} wrote it. */
  private Seen(KeptViews.Reader in) {
    this.event = null;
    this.fields = null;
    this.ready = false;
    int flags = in.getInt();
    this.uuidCollision = (flags & 1) != 0;
    this.proxy = (flags & 2) != 0;
    this.threatSuspected = (flags & 4) != 0;
    this.highRisk = (flags & 8) != 0;
    String uuid = in.getUuid();
    this.published = in.getInstant();
    this.type = in.getString();
    this.citation = new Citation.Event(uuid, published, type);
    this.subject = in.getString();
    this.subjectId = in.getString();
    this.actorId = in.getString();
    this.actor = in.getString();
    this.ip = in.getIp();
    this.ip4 = ip == null ? -1 : Sources.v4(ip);
    this.asn = in.getOptionalLong();
    this.session = in.getString();
    this.userAgent = in.getString();
    this.deviceId = in.getString();
    this.result = in.getString();
    this.apiToken = in.getString();
    this.extra = (flags & 16) != 0 ? Extra.NONE : new Extra(in.getString(), in.getString(), in.getString(),
        in.getString(), in.getString(), in.getString(), in.getString(), in.getString());
    int n = in.getInt();
    this.targets = n == 0 ? ViewValues.NO_TARGETS : new LogEvent.Target[n];
    for (int i = 0; i < n; i++) {
      targets[i] = new LogEvent.Target(in.getString(), in.getString(), in.getString(), in.getString());
    }
  }

  /** Writes what a kept view holds to {@code out}, for {@link #readFrom} (the citation's time and type are the view's). */
  void writeTo(KeptViews out) {
    Citation.Event c = citation();
    Extra x = extra();
    out.putInt((uuidCollision ? 1 : 0) | (proxy ? 2 : 0) | (threatSuspected ? 4 : 0) | (highRisk ? 8 : 0)
        | (x.equals(Extra.NONE) ? 16 : 0));
    out.putUuid(c.uuid());
    out.putInstant(published);
    out.putString(type);
    out.putString(subject);
    out.putString(subjectId);
    out.putString(actorId);
    out.putString(actor);
    out.putIp(ip, ip4);
    out.putOptionalLong(asn);
    out.putString(session);
    out.putString(userAgent);
    out.putString(deviceId);
    out.putString(result);
    out.putString(apiToken);
    if (!x.equals(Extra.NONE)) {
      for (String v : new String[] {x.clientId(), x.grantId(), x.roleId(), x.scope(), x.factor(), x.grantedScopes(),
          x.asOrg(), x.actorName()}) {
        out.putString(v);
      }
    }
    out.putInt(targets.length);
    for (LogEvent.Target t : targets) {
      out.putString(t.id());
      out.putString(t.type());
      out.putString(t.alternateId());
      out.putString(t.displayName());
    }
  }

  /** Returns the view {@code in} reads, as {@link #writeTo} wrote it. */
  static Seen readFrom(KeptViews.Reader in) {
    return new Seen(in);
  }

  /** Returns the view of {@code event}; {@code uuidCollision} when another event has its uuid. */
  public static Seen of(LogEvent event, boolean uuidCollision) {
    if (!uuidCollision && event.prepared() instanceof Seen s && s.event == event) {
      return s;
    }
    return new Seen(event, uuidCollision, null);
  }

  /**
   * Returns the view of {@code event} for a parsing thread to prepare ({@code uuidCollision} as
   * {@link #of}); made {@link #ready} to be kept when a scan may keep an event of its type ({@code keepable}).
   */
  static Seen prepared(LogEvent event, boolean uuidCollision, Predicate<String> keepable) {
    return new Seen(event, uuidCollision, keepable);
  }

  /**
   * Returns this view for keeping past the event's turn: the fields, the citation and {@link #extra},
   * without the event (a parsed tree weighs several times its bytes, and on a case where most events
   * are findings, as in the real-shaped 1 GB, even the kept bytes ran investigate out of memory);
   * {@link #event} and {@link #fields} then fail, so findings read no more than these.
   */
  Seen kept() {
    if (event == null) {
      return this;
    }
    if (ready) {
      keep = true;
      return this;
    }
    if (kept == null) {
      kept = new Seen(this);
    }
    return kept;
  }

  /** Ends the event's turn in the pass: a {@link #ready} view a scan kept lets its event go. */
  void settle() {
    if (keep) {
      event = null;
      fields = null;
    }
  }

  /** Returns the event; a kept view has none. */
  public LogEvent event() {
    if (event == null) {
      throw new IllegalStateException("a kept view keeps no event");
    }
    return event;
  }

  /** Returns the citation: the uuid, or {@code sha256:<hex>} when it has none or shares it. */
  public Citation.Event citation() {
    if (citation == null) {
      String uuid = event.uuid();
      if (uuid == null || uuidCollision) {
        uuid = "sha256:" + sha256(event.raw());
      }
      citation = new Citation.Event(uuid, published, type);
    }
    return citation;
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

  /** Returns the acting principal's id ({@code actor.id}) as the event gives it, or null. */
  String actorId() {
    return actorId;
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

  /**
   * Returns the bits of the client IP when it is plain IPv4 text, else -1: the pass compares and
   * looks up addresses by these without reading the text, which a parsing thread made.
   */
  long ip4() {
    return ip4;
  }

  /**
   * Returns a key equal for equal client IPs (null for none): the IPv4 bits when it is plain IPv4
   * text, else the text. A scan keyed by it reads no text a parsing thread made on another core.
   */
  Object ipKey() {
    return ip4 >= 0 ? (Object) ip4 : ip;
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

  /** Returns the event's fields, for what single scans read beyond this view's; a kept view reads only {@link #extra}. */
  EventFields fields() {
    if (fields == null) {
      throw new IllegalStateException("a kept view keeps no fields of its event beyond its extra");
    }
    return fields;
  }

  /** Returns what findings read of the event beyond the fields of this view. */
  Extra extra() {
    return extra != null ? extra : ViewValues.extra(fields());
  }

  /**
   * The facts of an event that its fields above do not give.
   *
   * @param clientId {@code debugData.clientId}, else {@code client.id}
   * @param grantId {@code debugData.consentGrantId}
   * @param roleId {@code debugData.privilegeGranted}
   * @param scope {@code debugData.scope}
   * @param factor {@code debugData.factor}
   * @param grantedScopes {@code debugData.grantedScopes}
   * @param asOrg {@code securityContext.asOrg}
   * @param actorName {@code actor.displayName}
   */
  record Extra(String clientId, String grantId, String roleId, String scope, String factor, String grantedScopes,
      String asOrg, String actorName) {
    static final Extra NONE = new Extra(null, null, null, null, null, null, null, null);
  }

  /** Returns the targets (not to be changed). */
  LogEvent.Target[] targets() {
    return targets;
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
}
