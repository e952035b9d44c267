package dev.oktair.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Detections over sign-ins and sessions: flagged sources let in, new sources, travel, hijack. */
final class SignInDetections {
  private SignInDetections() {}

  /** ThreatInsight flagged the source (or suspected the request) and the sign-on was allowed. */
  static final class ThreatAllowed extends Named {
    ThreatAllowed() {
      super("threat-allowed", "Sign-on allowed from a source ThreatInsight flagged", Severity.HIGH, "T1078.004",
          "Set ThreatInsight to block mode, or add a sign-on rule denying (or stepping up) high-risk and"
              + " flagged sources; treat the session as the attacker's.");
    }

    @Override
    public boolean wants(String type) {
      return type.equals("security.threat.detected") || type.equals("policy.evaluate_sign_on") || type.equals("user.session.start");
    }

    @Override
    public Scan start() {
      Map<Object, Seen> flagged = new HashMap<>();
      Map<String, List<Seen>> allowed = new LinkedHashMap<>();
      return new Scan() {
        @Override
        public void see(Seen e, Infra infra) {
          if (e.type().equals("security.threat.detected") && e.ip() != null) {
            flagged.putIfAbsent(e.ipKey(), e.kept());
          } else if ((e.type().equals("policy.evaluate_sign_on") || e.type().equals("user.session.start")) && e.succeeded()
              && e.ip() != null && (flagged.containsKey(e.ipKey()) || e.threatSuspected())) {
            List<Seen> l = allowed.computeIfAbsent(e.subject() + "\n" + e.ip(), k -> new ArrayList<>());
            if (l.isEmpty() && flagged.containsKey(e.ipKey())) {
              l.add(flagged.get(e.ipKey()));
            }
            if (l.size() < 8) {
              l.add(e.kept());
            }
          }
        }

        @Override
        public void finish(Infra infra, Drafts out) {
          allowed.values().forEach(l -> {
            Seen s = l.get(l.size() - 1);
            Map<String, String> facts = EventRule.facts(List.of(s));
            var rule = s.target("PolicyRule");
            if (rule != null) {
              facts.put("policyRuleId", rule.id());
            }
            out.add(ThreatAllowed.this, Severity.HIGH, s.subject(), "ThreatInsight flagged " + s.ip()
                + " yet the sign-on of " + s.subject() + " was allowed" + (rule == null ? "" : " by rule '" + rule.displayName() + "'")
                + ": ThreatInsight is not blocking and the policy has no risk condition.", l, facts);
          });
        }
      };
    }
  }

  /** A successful sign-in from an ASN and a user agent the user had never used before. */
  static final class NewSource extends Named {
    private static final Duration LEARN = Duration.ofDays(7);

    NewSource() {
      super("new-source", "Sign-in from a network and device new for the user", Severity.HIGH, "T1078",
          "Confirm with the user that they signed in from this network and device; if not, clear their sessions.");
    }

    @Override
    public boolean wants(String type) {
      return Seen.signInType(type);
    }

    @Override
    public Scan start() {
      Map<String, Known> known = new HashMap<>();
      Map<String, Seen> hits = new LinkedHashMap<>();
      return new Scan() {
        @Override
        public void see(Seen e, Infra infra) {
          if (!e.successfulSignIn() || e.subject() == null || e.published() == null || e.asn() == null) {
            return;
          }
          Known k = known.computeIfAbsent(e.subject(), x -> new Known(e.published()));
          if (k.last(e)) {
            return; // the network and user agent of the user's last sign-in: known, nothing to add
          }
          boolean fresh = !k.asns.contains(e.asn()) && !k.agents.contains(e.userAgent());
          if (fresh && !e.published().isBefore(k.since.plus(LEARN))) {
            hits.putIfAbsent(e.subject() + "\nasn:" + e.asn() + "\nua:" + e.userAgent(), e.kept());
          }
          k.asns.add(e.asn());
          k.agents.add(e.userAgent());
        }

        @Override
        public void finish(Infra infra, Drafts out) {
          hits.values().forEach(e -> out.add(NewSource.this, Severity.MEDIUM, e.subject(),
              e.subject() + " signed in from AS" + e.asn() + " (" + e.extra().asOrg() + ") at " + e.ip()
                  + " with a user agent never seen for them before.", List.of(e), EventRule.facts(List.of(e))));
        }
      };
    }
  }

  /** The networks and user agents a user signed in with, since their first sign-in. */
  private static final class Known {
    final Instant since;
    final Set<Long> asns = new HashSet<>();
    final Set<String> agents = new HashSet<>();
    /** The AS number and user agent of the last sign-in, both in the sets (a primitive and a kept set member). */
    private long lastAsn;
    private String lastAgent;
    private boolean any;

    Known(Instant since) {
      this.since = since;
    }

    /**
     * Returns true when {@code e} (with an AS number) has the last sign-in's network and user agent,
     * both then known; else remembers them as the last: the caller adds them to the sets.
     */
    boolean last(Seen e) {
      long asn = e.asn();
      String agent = e.userAgent();
      if (any && asn == lastAsn && java.util.Objects.equals(agent, lastAgent)) {
        return true;
      }
      any = true;
      lastAsn = asn;
      lastAgent = agent;
      return false;
    }
  }

  /** Two consecutive sign-ins of a user farther apart than travel allows. */
  static final class ImpossibleTravel extends Named {

    ImpossibleTravel() {
      super("impossible-travel", "Impossible travel between consecutive sign-ins", Severity.HIGH, "T1078",
          "Check whether either sign-in came through a VPN the user runs; otherwise treat the far one as the attacker's.");
    }

    @Override
    public boolean wants(String type) {
      return type.equals("user.session.start");
    }

    @Override
    public Scan start() {
      Map<String, Place> last = new HashMap<>();
      List<Seen[]> hits = new ArrayList<>();
      Map<Seen, String> places = new HashMap<>();
      return new Scan() {
        @Override
        public void see(Seen e, Infra infra) {
          Double lat;
          if (!e.type().equals("user.session.start") || !e.succeeded() || e.subject() == null || e.published() == null
              || (lat = e.fields().lat()) == null) {
            return;
          }
          // the last sign-in of each user is kept light, with where it came from: no bytes to parse again,
          // and the place's text is only written for a finding
          Double lon = e.fields().lon();
          Place here = new Place(e.kept(), lat, lon == null ? Double.NaN : lon, e.fields().city(), e.fields().country());
          Place prev = last.put(e.subject(), here);
          if (prev != null && !java.util.Objects.equals(e.ipKey(), prev.seen.ipKey())) {
            double km = km(prev.lat, prev.lon, here.lat, here.lon);
            double hours = Math.max(Duration.between(prev.seen.published(), e.published()).toSeconds(), 60) / 3600.0;
            if (km > 500 && km / hours > 900) {
              Seen now = e.kept();
              hits.add(new Seen[] {prev.seen, now});
              places.put(prev.seen, prev.place());
              places.put(now, here.place());
            }
          }
        }

        @Override
        public void finish(Infra infra, Drafts out) {
          for (Seen[] h : hits) {
            out.add(ImpossibleTravel.this, Severity.MEDIUM, h[1].subject(), h[1].subject() + " signed in from "
                + places.get(h[0]) + " (" + h[0].ip() + ") and then " + places.get(h[1]) + " (" + h[1].ip() + ") "
                + Duration.between(h[0].published(), h[1].published()).toMinutes() + " minutes later.",
                List.of(h[0], h[1]), EventRule.facts(List.of(h[1])));
          }
        }
      };
    }

    /** A sign-in's light view with where it came from ({@code lon} NaN when the event has none), and "city, country". */
    private record Place(Seen seen, double lat, double lon, String city, String country) {
      /** "city, country" (each "null" when the event has none), as the event's own geo reads. */
      String place() {
        return city + ", " + country;
      }
    }

    static double km(double lat1, double lon1, double lat2, double lon2) {
      double dLat = Math.toRadians(lat2 - lat1);
      double dLon = Math.toRadians(lon2 - lon1);
      double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
          + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
      return 6371 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
  }

  /**
   * One session used from several networks: a stolen cookie replayed. Two device-token hashes
   * alone are ordinary, so it takes a change of ASN and of IP (elastic/detection-rules#5947).
   */
  static final class SessionHijack extends Named {
    SessionHijack() {
      super("session-hijack", "One session used from several networks (cookie replay)", Severity.HIGH, "T1539",
          "Clear the user's sessions and OAuth tokens now; the session cookie is in the attacker's hands.");
    }

    @Override
    public Scan start() {
      Map<String, Networks> sessions = new HashMap<>();
      Map<String, Recent> recent = new HashMap<>();
      return new Scan() {
        @Override
        public void see(Seen e, Infra infra) {
          if (e.session() == null || e.asn() == null || e.subject() == null) {
            return;
          }
          // a user's events mostly follow their last one's session: found by identity (canonical
          // strings) in the few users' records rather than in the many sessions' map
          Recent r = recent.computeIfAbsent(e.subject(), k -> new Recent());
          boolean same = e.session().equals(r.session);
          if (same && r.asn == e.asn()) {
            return; // that event's network is the session's already, or the session keeps no more
          }
          Networks n = same ? r.networks : sessions.get(e.session());
          if (n == null) {
            // one light view per session, the state a pass over a million events keeps most of
            n = new Networks(e.kept());
            sessions.put(e.session(), n);
          } else if (n.add(e) && n.severalIps()) {
            infra.hijacked(e.session());
          }
          r.session = e.session();
          r.networks = n;
          r.asn = e.asn();
        }

        @Override
        public void finish(Infra infra, Drafts out) {
          sessions.forEach((session, n) -> {
            if (n.size > 1 && n.severalIps()) {
              List<Seen> l = java.util.Arrays.asList(n.seen).subList(0, n.size);
              List<String> where = new ArrayList<>();
              l.forEach(s -> where.add(s.ip() + " (AS" + s.asn() + ")"));
              Map<String, String> facts = EventRule.facts(l);
              facts.put("sessionId", session);
              out.add(SessionHijack.this, Severity.HIGH, l.get(0).subject(), "Session " + session + " of "
                  + l.get(0).subject() + " was used from " + String.join(", ", where) + ".", l, facts);
            }
          });
        }
      };
    }

    /** A user's last session with its networks, and the AS number of their last event in it. */
    private static final class Recent {
      String session;
      Networks networks;
      long asn;
    }

    /** A session's first event on each network (AS number), up to {@value #MOST}. */
    private static final class Networks {
      static final int MOST = 6;
      Seen[] seen = new Seen[1];
      int size = 1;

      Networks(Seen first) {
        seen[0] = first;
      }

      /** Keeps {@code e} when it is the session's first on its network; returns true when kept. */
      boolean add(Seen e) {
        if (size >= MOST) {
          return false;
        }
        for (int i = 0; i < size; i++) {
          if (seen[i].asn().equals(e.asn())) {
            return false;
          }
        }
        if (size == seen.length) {
          seen = java.util.Arrays.copyOf(seen, MOST);
        }
        seen[size++] = e.kept();
        return true;
      }

      /** Returns true when the events name more than one client IP (a missing one counts as one). */
      boolean severalIps() {
        for (int i = 1; i < size; i++) {
          if (!java.util.Objects.equals(seen[0].ip(), seen[i].ip())) {
            return true;
          }
        }
        return false;
      }
    }
  }
}
