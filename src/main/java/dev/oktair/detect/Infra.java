package dev.oktair.detect;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
  private final Map<String, Instant> flaggedIps = new LinkedHashMap<>();
  private final Map<String, Set<String>> sessionIps = new HashMap<>();
  private final Set<String> hijacked = new HashSet<>();
  private final Map<String, String> tokenCreatedIn = new HashMap<>();
  private final Map<String, Span> spans = new HashMap<>();
  private final Map<String, Long> asnOfIp = new HashMap<>();
  private final Map<String, Map<String, String>> appsByKey = new HashMap<>();
  private final Map<String, String> sessionFirstIp = new HashMap<>();
  private Set<String> attackerSessions;
  private Set<String> replayIps;

  /** Sees one event, in published order. */
  void see(Seen e) {
    String ip = e.ip();
    if (ip != null) {
      if (e.type().equals("security.threat.detected") || e.proxy() || e.threatSuspected() || highRisk(e)) {
        flaggedIps.putIfAbsent(ip, e.published());
      }
      if (e.asn() != null) {
        asnOfIp.putIfAbsent(ip, e.asn());
      }
    }
    if (e.session() != null && ip != null) {
      sessionIps.computeIfAbsent(e.session(), k -> new HashSet<>(2)).add(ip);
      sessionFirstIp.putIfAbsent(e.session(), ip);
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
        for (String k : keys(e)) {
          appsByKey.computeIfAbsent(k, x -> new TreeMap<>()).put(app.id(), app.displayName());
        }
      }
    }
    if (e.subject() != null && e.published() != null) {
      for (String k : keys(e)) {
        spans.computeIfAbsent(e.subject() + "\n" + k, x -> new Span()).add(e.published());
      }
    }
  }

  /** Marks a session as the attacker's (a detection found it used from elsewhere). */
  void hijacked(String session) {
    hijacked.add(session);
    attackerSessions = null;
    replayIps = null;
  }

  /** Returns true when the event came from the attacker's sources, sessions or API tokens. */
  public boolean attributed(Seen e) {
    for (String k : keys(e)) {
      if (attributedKey(k)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the first and last attributed activity of {@code subject}, or null when none. */
  public Span window(String subject) {
    Span out = null;
    String prefix = subject + "\n";
    for (Map.Entry<String, Span> s : spans.entrySet()) {
      if (s.getKey().startsWith(prefix) && attributedKey(s.getKey().substring(prefix.length()))) {
        out = out == null ? s.getValue().copy() : out.union(s.getValue());
      }
    }
    return out;
  }

  /** Returns the users with attributed activity, sorted. */
  public Set<String> victims() {
    Set<String> out = new TreeSet<>();
    for (String k : spans.keySet()) {
      int nl = k.indexOf('\n');
      if (attributedKey(k.substring(nl + 1))) {
        out.add(k.substring(0, nl));
      }
    }
    return out;
  }

  /** Returns the flagged client IPs with their AS numbers (null when unknown), sorted. */
  public Map<String, Long> ips() {
    Map<String, Long> out = new TreeMap<>();
    flaggedIps.keySet().forEach(ip -> out.put(ip, asnOfIp.get(ip)));
    replayIps().forEach(ip -> out.put(ip, asnOfIp.get(ip)));
    return out;
  }

  /** Returns the apps the attacker's sources, sessions and tokens signed into: app id to label. */
  public Map<String, String> appsReached() {
    Map<String, String> out = new TreeMap<>();
    appsByKey.forEach((k, apps) -> {
      if (attributedKey(k)) {
        out.putAll(apps);
      }
    });
    return out;
  }

  /** Returns the attacker's sessions, sorted. */
  public Set<String> sessions() {
    return new TreeSet<>(attackerSessions());
  }

  private boolean attributedKey(String k) {
    if (k.startsWith("ip:")) {
      return attackerIp(k.substring(3));
    }
    if (k.startsWith("s:")) {
      return attackerSessions().contains(k.substring(2));
    }
    if (k.startsWith("t:")) {
      String createdIn = tokenCreatedIn.get(k.substring(2));
      return createdIn != null && !createdIn.startsWith("t:") && attributedKey(createdIn);
    }
    return false;
  }

  private Set<String> attackerSessions() {
    if (attackerSessions == null) {
      Set<String> out = new HashSet<>(hijacked);
      sessionIps.forEach((s, ips) -> {
        for (String ip : ips) {
          if (attackerIp(ip)) {
            out.add(s);
          }
        }
      });
      attackerSessions = out;
    }
    return attackerSessions;
  }

  private boolean attackerIp(String ip) {
    return flaggedIps.containsKey(ip) || replayIps().contains(ip);
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
        for (String ip : sessionIps.getOrDefault(s, Set.of())) {
          if (!ip.equals(sessionFirstIp.get(s))) {
            out.add(ip);
          }
        }
      }
      replayIps = out;
    }
    return replayIps;
  }

  private static String key(Seen e) {
    return e.session() != null ? "s:" + e.session() : e.ip() != null ? "ip:" + e.ip() : "none";
  }

  private static Set<String> keys(Seen e) {
    Set<String> out = new HashSet<>(4);
    if (e.ip() != null) {
      out.add("ip:" + e.ip());
    }
    if (e.session() != null) {
      out.add("s:" + e.session());
    }
    String token = e.apiToken();
    if (token != null) {
      out.add("t:" + token);
    }
    return out;
  }

  private static boolean highRisk(Seen e) {
    String risk = e.debug("risk");
    return risk != null && risk.contains("level=HIGH");
  }

  /** The first and last time of something; mutable while a pass runs. */
  public static final class Span {
    private Instant first;
    private Instant last;

    void add(Instant t) {
      if (first == null || t.isBefore(first)) {
        first = t;
      }
      if (last == null || t.isAfter(last)) {
        last = t;
      }
    }

    Span copy() {
      Span s = new Span();
      s.first = first;
      s.last = last;
      return s;
    }

    Span union(Span o) {
      add(o.first);
      add(o.last);
      return this;
    }

    /** Returns the earliest time. */
    public Instant first() {
      return first;
    }

    /** Returns the latest time. */
    public Instant last() {
      return last;
    }

    /** Returns true when {@code t} lies within [first, last]. */
    public boolean contains(Instant t) {
      return t != null && !t.isBefore(first) && !t.isAfter(last);
    }
  }
}
