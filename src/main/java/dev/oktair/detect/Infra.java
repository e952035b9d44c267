package dev.oktair.detect;

import java.util.ArrayList;
import java.util.BitSet;
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
  /** What the pass knows per client IP, in columns ({@link Sources} says why); users and sessions hold its numbers. */
  private final Sources sources = new Sources();
  /** The sessions seen, by name and by number (in order of first use). */
  private final Map<String, Session> sessionSeen = new HashMap<>();
  private final List<Session> sessionByNumber = new ArrayList<>();
  private final Set<String> hijacked = new HashSet<>();
  private final Map<String, String> tokenCreatedIn = new HashMap<>();
  private final Map<String, User> users = new HashMap<>();
  private int userCount;
  /** How many users had an event with a time (and so a span). */
  private int timedUsers;
  private final Keyed<Map<String, String>> appsByKey = new Keyed<>();
  private final Reach reach = new Reach();
  private Set<String> attackerSessions;
  /** The sources of {@link #replayIps()}, by number. */
  private BitSet replaySources;

  /**
   * Sees one event, in published order; every event comes here, so it looks up, never builds
   * keys, and looks up a user once: what it keeps per source and session of the user's last
   * event it finds again by identity when the next event has them too, as it mostly does.
   */
  void see(Seen e) {
    attackerSessions = null;
    replaySources = null;
    User who = e.subject() == null ? null : users.computeIfAbsent(e.subject(), User::new);
    String ip = e.ip();
    String session = e.session();
    // the user's last event mostly came from the same address: its source is at hand without a lookup
    int src = ip == null ? Sources.NONE : who != null && who.source != Sources.NONE && who.at(ip, e.ip4()) ? who.source
        : sources.of(ip, e.ip4());
    if (who != null) {
      who.recall(src, ip, e.ip4(), session);
    }
    if (src != Sources.NONE) {
      if (e.proxy() || e.threatSuspected() || e.type().equals("security.threat.detected") || e.highRisk()) {
        sources.flag(src);
      }
      sources.asnUnlessKnown(src, e.asn());
      // the user's last event of this session from this source already added it
      if (session != null && (who == null || !who.sessionHasIp)) {
        Session seen = who != null && who.sessionSeen != null ? who.sessionSeen : sessionSeen.get(session);
        if (seen == null) {
          seen = new Session(session, sessionByNumber.size(), src);
          sessionSeen.put(session, seen);
          sessionByNumber.add(seen);
        }
        sources.join(src, seen.number());
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
          if (src != Sources.NONE) {
            label(sources.apps(src), app);
          }
          if (session != null) {
            label(who.sessionApps(), app);
          }
          if (e.apiToken() != null) {
            label(appsByKey.byToken.computeIfAbsent(e.apiToken(), k -> apps()), app);
          }
        } else {
          if (src != Sources.NONE) {
            label(sources.apps(src), app);
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
      replaySources = null;
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
    for (int src = 0; src < sources.size(); src++) {
      if (attacker(src)) {
        out.put(sources.ip(src), sources.asn(src));
      }
    }
    return out;
  }

  /** Returns the apps the attacker's sources, sessions and tokens signed into: app id to label. */
  public Map<String, String> appsReached() {
    Map<String, String> out = new TreeMap<>();
    sources.withApps(src -> {
      if (attacker(src)) {
        out.putAll(sources.appsOrNull(src));
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
      sources.memberships((src, session) -> {
        if (attacker(src)) {
          out.add(sessionByNumber.get(session).name());
        }
      });
      attackerSessions = out;
    }
    return attackerSessions;
  }

  private boolean attackerIp(String ip) {
    int src = sources.find(ip);
    return src != Sources.NONE && attacker(src);
  }

  private boolean attacker(int src) {
    return sources.flagged(src) || replaySources().get(src);
  }

  /**
   * The addresses a hijacked session was used from other than the one it began at: where the
   * stolen cookie was replayed, flagged or not (a plain VPS is not a proxy), so the hunt follows
   * them to the other sessions the attacker replayed from there.
   */
  private BitSet replaySources() {
    if (replaySources == null) {
      BitSet sessions = new BitSet();
      hijacked.forEach(s -> {
        Session seen = sessionSeen.get(s);
        if (seen != null) {
          sessions.set(seen.number());
        }
      });
      BitSet out = new BitSet();
      sources.memberships((src, session) -> {
        if (sessions.get(session) && src != sessionByNumber.get(session).first()) {
          out.set(src);
        }
      });
      replaySources = out;
    }
    return replaySources;
  }

  /**
   * A session: its name, its number at {@link Sources} (which records the sessions each address
   * was used for, so a session keeps no list of addresses; on real-shaped events a session is
   * replayed from tens of thousands of new addresses) and the source it began at.
   */
  private record Session(String name, int number, int first) {}

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
    /** The user's number at {@link Sources}. */
    final int number = userCount++;
    /** Spans per session and API token; per source, {@link #sourceList}. */
    final Keyed<Span> spans = new Keyed<>();
    /** The sources of the user's events, each once: each holds the user's span there ({@link Sources#claim}). */
    private int[] sourceList = new int[4];
    private int sourceCount;
    final Reach.Recent reach = new Reach.Recent();
    private boolean timed;
    private int source = Sources.NONE;
    /** The address of {@link #source}: its IPv4 bits, else (-1) its text. */
    private long sourceBits;
    private String sourceIp;
    /** Whether the user's span at {@link #source} is known: the source's first user's, or {@link #ipSpan}. */
    private boolean ipSpanKnown;
    private Span ipSpan;
    private String session;
    private Span sessionSpan;
    private Map<String, String> sessionApps;
    private Session sessionSeen;
    /** True when {@link #sessionSeen} holds {@link #ip}. */
    private boolean sessionHasIp;

    User(String name) {
      this.name = name;
    }

    /** Forgets what was kept under the last source or session when the event's differ. */
    /** Returns true when the address of an event ({@code ip}, {@code bits} as {@link Seen#ip4}) is {@link #source}'s. */
    boolean at(String ip, long bits) {
      return bits >= 0 ? bits == sourceBits : sourceBits < 0 && ip.equals(sourceIp);
    }

    void recall(int source, String ip, long bits, String session) {
      if (source == Sources.NONE || source != this.source) {
        this.source = source;
        this.sourceBits = bits;
        this.sourceIp = bits >= 0 ? null : ip;
        ipSpanKnown = false;
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
      if (source != Sources.NONE) {
        if (!ipSpanKnown) {
          if (sources.claim(source, number)) {
            listSource(source);
          }
          ipSpan = sources.first(source, number) ? null : sources.otherSpan(source, number);
          ipSpanKnown = true;
        }
        if (ipSpan == null) {
          sources.addTime(source, e.published());
        } else {
          ipSpan.add(e.published());
        }
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
      for (int i = 0; i < sourceCount; i++) {
        if (attacker(sourceList[i])) {
          use.accept(sources.span(sourceList[i], number));
        }
      }
      spans.attributed(Infra.this, use);
    }

    private void listSource(int src) {
      if (sourceCount == sourceList.length) {
        sourceList = java.util.Arrays.copyOf(sourceList, sourceCount * 2);
      }
      sourceList[sourceCount++] = src;
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
