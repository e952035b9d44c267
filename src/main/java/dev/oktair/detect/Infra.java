package dev.oktair.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one pass learns about the attacker's infrastructure: sources ThreatInsight or the proxy
 * flag marked, the sessions that touched them (or that a detection found hijacked), the API
 * tokens created from them, and per user the first and last time attributed activity was seen.
 * State is per source, session and token, not per event. Attribution is only final after the
 * pass ({@link #attributed}); not thread-safe.
 */
public final class Infra {
  /**
   * What the pass knows per client IP, one entry each: a new address costs one insert rather than
   * one in each of several maps (on real-shaped events most of 635k addresses are new), and the
   * sessions and users that keep an address point at its one {@link Source}.
   */
  private final Map<String, Source> sources = new HashMap<>();
  private final Map<String, SessionSeen> sessionSeen = new HashMap<>();
  private final Set<String> hijacked = new HashSet<>();
  private final Map<String, String> tokenCreatedIn = new HashMap<>();
  private final Map<String, User> users = new HashMap<>();
  /** How many users had an event with a time (and so a span). */
  private int timedUsers;
  private final Keyed<Map<String, String>> appsByKey = new Keyed<>();
  private final Reach reach = new Reach();
  private Set<String> attackerSessions;
  private Set<String> replayIps;

  /**
   * Sees one event, in published order; every event comes here, so it looks up, never builds
   * keys, and looks up a user once: what it keeps per source and session of the user's last
   * event it finds again by identity when the next event has them too, as it mostly does.
   */
  void see(Seen e) {
    attackerSessions = null;
    replayIps = null;
    User who = e.subject() == null ? null : users.computeIfAbsent(e.subject(), User::new);
    String ip = e.ip();
    String session = e.session();
    // the user's last event mostly came from the same address: its source is at hand without a lookup
    Source src = ip == null ? null : who != null && who.source != null && ip.equals(who.source.ip) ? who.source
        : sources.computeIfAbsent(ip, Source::new);
    if (who != null) {
      who.recall(src, session);
    }
    if (src != null) {
      if (e.proxy() || e.threatSuspected() || e.type().equals("security.threat.detected") || e.highRisk()) {
        src.flagged = true;
      }
      if (src.asn == null) {
        src.asn = e.asn();
      }
      // the user's last event of this session from this source already added it
      if (session != null && (who == null || !who.sessionHasIp)) {
        SessionSeen seen = who != null && who.sessionSeen != null ? who.sessionSeen : sessionSeen.get(session);
        if (seen == null) {
          seen = new SessionSeen(src);
          sessionSeen.put(session, seen);
        } else {
          seen.add(src);
        }
        if (who != null) {
          who.sessionSeen = seen;
          who.sessionHasIp = true;
        }
      }
    }
    if (e.type().equals("system.api_token.create")) {
      var token = e.target("Token");
      if (token != null && token.id() != null) {
        tokenCreatedIn.put(token.id(), key(e));
      }
    }
    if (e.type().equals("user.authentication.sso") && e.succeeded()) {
      var app = e.target("AppInstance");
      if (app != null && app.id() != null) {
        if (who != null) {
          // a user's sign-ins mostly follow their last event's source and session: their maps are at hand
          if (src != null) {
            label(src.apps(), app);
          }
          if (session != null) {
            label(who.sessionApps(), app);
          }
          if (e.apiToken() != null) {
            label(appsByKey.byToken.computeIfAbsent(e.apiToken(), k -> apps()), app);
          }
        } else {
          if (src != null) {
            label(src.apps(), app);
          }
          appsByKey.each(e, Infra::apps, apps -> label(apps, app));
        }
      }
    }
    if (who != null) {
      if (e.published() != null) {
        who.span(e);
      }
      reach.see(e, who.name, who.reach);
    }
  }

  /**
   * A new map of the apps one source, session or token reached: a hash map, looked up on every
   * SSO; {@link #appsReached} sorts what it gives out.
   */
  private static Map<String, String> apps() {
    return new HashMap<>(4);
  }

  /** Labels {@code app} in {@code apps}, written only when the label changes: the maps are long-lived, the event's strings are not. */
  private static void label(Map<String, String> apps, dev.oktair.events.LogEvent.Target app) {
    String was = apps.get(app.id());
    if (was == null ? app.displayName() != null || !apps.containsKey(app.id()) : !was.equals(app.displayName())) {
      apps.put(app.id(), app.displayName());
    }
  }

  /** Marks a session as the attacker's (a detection found it used from elsewhere). */
  void hijacked(String session) {
    if (hijacked.add(session)) {
      attackerSessions = null;
      replayIps = null;
    }
  }

  /** Returns true when the event came from the attacker's sources, sessions or API tokens. */
  public boolean attributed(Seen e) {
    return e.ip() != null && attackerIp(e.ip())
        || e.session() != null && attackerSessions().contains(e.session())
        || e.apiToken() != null && attackerToken(e.apiToken());
  }

  /** Returns the first and last attributed activity of {@code subject}, or null when none. */
  public Span window(String subject) {
    User of = users.get(subject);
    if (of == null) {
      return null;
    }
    Span[] out = {null};
    of.attributed(s -> out[0] = out[0] == null ? s.copy() : out[0].union(s));
    return out[0];
  }

  /**
   * Returns the users with attributed activity, and those only a rare device id, user agent or
   * ASN of the attacker's reached (see {@link Reach} for the rule), sorted.
   */
  public Set<String> victims() {
    Set<String> out = new TreeSet<>();
    users.forEach((subject, of) -> {
      boolean[] any = {false};
      of.attributed(s -> any[0] = true);
      if (any[0]) {
        out.add(subject);
      }
    });
    if (!out.isEmpty()) {
      reach.addReached(out, timedUsers, this::attackerIp);
    }
    return out;
  }

  /**
   * The most users or client IPs a device id or user agent may be used for and still name anyone
   * ({@link #victims}); a hunt that collects by such a value tenant-wide applies the same cap.
   */
  public static final int COMMON = Reach.CAP;

  /**
   * Returns the device ids ({@code device.id}) the attacker used from one of their addresses, but
   * none that the case shows used for more than {@link #COMMON} users or addresses; sorted.
   */
  public Set<String> devices() {
    return reach.attackerDevices(this::attackerIp);
  }

  /** Returns the exact user agents the attacker used from one of their addresses, as {@link #devices}; sorted. */
  public Set<String> userAgents() {
    return reach.attackerAgents(this::attackerIp);
  }

  /** Returns the flagged client IPs with their AS numbers (null when unknown), sorted. */
  public Map<String, Long> ips() {
    Map<String, Long> out = new TreeMap<>();
    sources.values().forEach(src -> {
      if (src.flagged) {
        out.put(src.ip, src.asn);
      }
    });
    replayIps().forEach(ip -> out.put(ip, sources.get(ip).asn));
    return out;
  }

  /** Returns the apps the attacker's sources, sessions and tokens signed into: app id to label. */
  public Map<String, String> appsReached() {
    Map<String, String> out = new TreeMap<>();
    sources.values().forEach(src -> {
      if (src.apps != null && attacker(src)) {
        out.putAll(src.apps);
      }
    });
    appsByKey.attributed(this, out::putAll);
    return out;
  }

  /** Returns the attacker's sessions, sorted. */
  public Set<String> sessions() {
    return new TreeSet<>(attackerSessions());
  }

  private boolean attackerToken(String token) {
    String createdIn = tokenCreatedIn.get(token);
    if (createdIn == null) {
      return false;
    }
    return createdIn.startsWith("s:") ? attackerSessions().contains(createdIn.substring(2))
        : createdIn.startsWith("ip:") && attackerIp(createdIn.substring(3));
  }

  private Set<String> attackerSessions() {
    if (attackerSessions == null) {
      Set<String> out = new HashSet<>(hijacked);
      sessionSeen.forEach((s, seen) -> {
        for (Source src : seen.sources()) {
          if (attacker(src)) {
            out.add(s);
            break;
          }
        }
      });
      attackerSessions = out;
    }
    return attackerSessions;
  }

  private boolean attackerIp(String ip) {
    Source src = sources.get(ip);
    return src != null && attacker(src);
  }

  private boolean attacker(Source src) {
    return src.flagged || replayIps().contains(src.ip);
  }

  /**
   * The addresses a hijacked session was used from other than the one it began at: where the
   * stolen cookie was replayed, flagged or not (a plain VPS is not a proxy), so the hunt follows
   * them to the other sessions the attacker replayed from there.
   */
  private Set<String> replayIps() {
    if (replayIps == null) {
      Set<String> out = new HashSet<>();
      for (String s : hijacked) {
        SessionSeen seen = sessionSeen.get(s);
        if (seen != null) {
          for (Source src : seen.sources()) {
            if (src != seen.first) {
              out.add(src.ip);
            }
          }
        }
      }
      replayIps = out;
    }
    return replayIps;
  }

  /** Where an API token was created: its session, else its source; the attribution follows them. */
  private static String key(Seen e) {
    return e.session() != null ? "s:" + e.session() : e.ip() != null ? "ip:" + e.ip() : "none";
  }

  /**
   * A user's spans per key, and the source and session of their last event with what is kept
   * under them (compared by identity first: the strings are {@link Canon canonical}).
   */
  private final class User {
    final String name;
    /** Spans per session and API token; per source, {@link #sources}. */
    final Keyed<Span> spans = new Keyed<>();
    /** The sources of the user's events, each once: each holds the user's span there ({@link Source#spanOf}). */
    private final List<Source> sources = new ArrayList<>();
    final Reach.Recent reach = new Reach.Recent();
    private boolean timed;
    private Source source;
    private Span ipSpan;
    private String session;
    private Span sessionSpan;
    private Map<String, String> sessionApps;
    private SessionSeen sessionSeen;
    /** True when {@link #sessionSeen} holds {@link #ip}. */
    private boolean sessionHasIp;

    User(String name) {
      this.name = name;
    }

    /** Forgets what was kept under the last source or session when the event's differ. */
    void recall(Source source, String session) {
      if (source == null || source != this.source) {
        this.source = source;
        ipSpan = null;
        sessionHasIp = false;
      }
      if (session == null || !session.equals(this.session)) {
        this.session = session;
        sessionSpan = null;
        sessionApps = null;
        sessionSeen = null;
        sessionHasIp = false;
      }
    }

    /** Returns the apps reached in the session of the user's last event (not null), made when new. */
    Map<String, String> sessionApps() {
      if (sessionApps == null) {
        sessionApps = appsByKey.bySession.computeIfAbsent(session, k -> apps());
      }
      return sessionApps;
    }

    /** Moves the spans of the event's source, session and API token on to its time. */
    void span(Seen e) {
      if (!timed) {
        timed = true;
        timedUsers++;
      }
      if (source != null) {
        if (ipSpan == null) {
          ipSpan = source.spanOf(this);
        }
        ipSpan.add(e.published());
      }
      if (session != null) {
        if (sessionSpan == null) {
          sessionSpan = spans.bySession.computeIfAbsent(session, k -> new Span());
        }
        sessionSpan.add(e.published());
      }
      if (e.apiToken() != null) {
        spans.byToken.computeIfAbsent(e.apiToken(), k -> new Span()).add(e.published());
      }
    }

    /** Hands {@code use} each of the user's spans under a key attributed to the attacker. */
    void attributed(java.util.function.Consumer<Span> use) {
      for (Source src : sources) {
        if (attacker(src)) {
          use.accept(src.spanOf(this));
        }
      }
      spans.attributed(Infra.this, use);
    }
  }

  /**
   * One client IP: whether a flag marked it, its first AS number, the apps reached from it, each
   * user's span there (the first user's in a field: an address mostly serves one) and the sessions
   * used from it.
   */
  static final class Source {
    final String ip;
    private boolean flagged;
    private Long asn;
    private Map<String, String> apps;
    private User firstUser;
    private Span firstSpan;
    private Map<User, Span> otherSpans;
    /** The first session used from here; an address mostly serves one. */
    private SessionSeen firstSession;
    private Set<SessionSeen> otherSessions;

    Source(String ip) {
      this.ip = ip;
    }

    /** Records that {@code session} was used from here; returns false when it already was. */
    boolean join(SessionSeen session) {
      if (firstSession == null || firstSession == session) {
        boolean fresh = firstSession == null;
        firstSession = session;
        return fresh;
      }
      if (otherSessions == null) {
        otherSessions = new HashSet<>(4);
      }
      return otherSessions.add(session);
    }

    Map<String, String> apps() {
      if (apps == null) {
        apps = Infra.apps();
      }
      return apps;
    }

    /** Returns {@code user}'s span at this source, made (and listed with the user) when new. */
    Span spanOf(User user) {
      if (firstUser == null || firstUser == user) {
        if (firstUser == null) {
          firstUser = user;
          firstSpan = new Span();
          user.sources.add(this);
        }
        return firstSpan;
      }
      if (otherSpans == null) {
        otherSpans = new HashMap<>(4);
      }
      Span span = otherSpans.get(user);
      if (span == null) {
        span = new Span();
        otherSpans.put(user, span);
        user.sources.add(this);
      }
      return span;
    }
  }

  /** Values per session and per API token, kept apart by kind (per client IP: {@link Source}). */
  private static final class Keyed<V> {
    private final Map<String, V> bySession = new HashMap<>();
    private final Map<String, V> byToken = new HashMap<>();

    /** Hands {@code use} the value of each key of {@code e}, made when new. */
    void each(Seen e, java.util.function.Supplier<V> make, java.util.function.Consumer<V> use) {
      if (e.session() != null) {
        use.accept(bySession.computeIfAbsent(e.session(), k -> make.get()));
      }
      if (e.apiToken() != null) {
        use.accept(byToken.computeIfAbsent(e.apiToken(), k -> make.get()));
      }
    }

    /** Hands {@code use} the value of each key attributed to the attacker. */
    void attributed(Infra infra, java.util.function.Consumer<V> use) {
      bySession.forEach((s, v) -> {
        if (infra.attackerSessions().contains(s)) {
          use.accept(v);
        }
      });
      byToken.forEach((t, v) -> {
        if (infra.attackerToken(t)) {
          use.accept(v);
        }
      });
    }
  }
}
