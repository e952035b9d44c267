package dev.oktair.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Detections over credentials and factors: brute force, push fatigue, factor absence, new clients. */
final class CredentialDetections {
  private static final Duration BURST = Duration.ofMinutes(30);

  private CredentialDetections() {}

  /** At least five failed sign-ins from one source (against one user or several), then a success. */
  static final class BruteForce extends Named {
    private static final int FAILURES = 5;

    BruteForce() {
      super("brute-force", "Failed sign-ins, then a success from the same source", Severity.HIGH, "T1110",
          "Reset the password of the user signed in, clear their sessions, and block the source in a network zone.");
    }

    @Override
    public boolean wants(String type) {
      return type.equals("user.session.start") || type.equals("user.authentication.verify");
    }

    @Override
    public Scan start() {
      Map<Object, Deque<Seen>> failures = new HashMap<>();
      // every failure in the burst, oldest first: a source's failures are dropped once they leave the
      // burst even when the source never signs in again (on real-shaped events most never do, and
      // their failures were kept to the end of the pass)
      Deque<Seen> recent = new ArrayDeque<>();
      List<List<Seen>> hits = new ArrayList<>();
      return new Scan() {
        @Override
        public void see(Seen e, Infra infra) {
          if (e.ip() == null || e.published() == null) {
            return;
          }
          boolean attempt = e.type().equals("user.session.start") || e.type().equals("user.authentication.verify");
          if (!attempt) {
            return;
          }
          expire(e.published().minus(BURST));
          boolean failed = e.result().equals("FAILURE");
          // a source's failures are kept while it has some in the burst, not for every source that ever signed in
          Object ip = e.ipKey();
          Deque<Seen> d = failed ? failures.computeIfAbsent(ip, k -> new ArrayDeque<>()) : failures.get(ip);
          if (d == null) {
            return;
          }
          while (!d.isEmpty() && d.peekFirst().published().isBefore(e.published().minus(BURST))) {
            d.removeFirst();
          }
          if (failed) {
            d.addLast(e.kept());
            recent.addLast(e.kept());
            if (d.size() > 50) {
              d.removeFirst();
            }
          } else if (e.succeeded() && d.size() >= FAILURES) {
            List<Seen> l = new ArrayList<>(d);
            l.add(e.kept());
            hits.add(l);
            d.clear();
          }
          if (d.isEmpty()) {
            failures.remove(ip);
          }
        }

        /** Drops the failures from before {@code start} of each source that had one then. */
        private void expire(Instant start) {
          while (!recent.isEmpty() && recent.peekFirst().published().isBefore(start)) {
            Object ip = recent.removeFirst().ipKey();
            Deque<Seen> d = failures.get(ip);
            if (d != null) {
              while (!d.isEmpty() && d.peekFirst().published().isBefore(start)) {
                d.removeFirst();
              }
              if (d.isEmpty()) {
                failures.remove(ip);
              }
            }
          }
        }

        @Override
        public void finish(Infra infra, Drafts out) {
          for (List<Seen> l : hits) {
            Seen win = l.get(l.size() - 1);
            Set<String> users = new HashSet<>();
            l.forEach(s -> users.add(s.subject()));
            out.add(BruteForce.this, Severity.MEDIUM, win.subject(), (l.size() - 1) + " failed sign-ins from " + win.ip()
                + " against " + users.size() + " account(s), then " + win.subject() + " signed in.", l, EventRule.facts(List.of(win)));
          }
        }
      };
    }
  }

  /** Several pushes denied or unanswered in a burst; raised further when one is then approved. */
  static final class PushFatigue extends Named {
    private static final int PUSHES = 3;

    PushFatigue() {
      super("push-fatigue", "MFA push fatigue (pushes denied or unanswered, then approved)", Severity.HIGH, "T1621",
          "Ask the user whether they approved the last push; clear sessions, reset the password, and move them to"
              + " number matching or FastPass.");
    }

    @Override
    public boolean wants(String type) {
      return type.equals("user.authentication.auth_via_mfa");
    }

    @Override
    public Scan start() {
      Map<String, Deque<Seen>> rejected = new HashMap<>();
      Map<String, List<Seen>> hits = new LinkedHashMap<>();
      return new Scan() {
        @Override
        public void see(Seen e, Infra infra) {
          if (!e.type().equals("user.authentication.auth_via_mfa") || e.subject() == null || e.published() == null) {
            return;
          }
          EventFields f = e.fields();
          boolean push = f.pushResponse() != null || "Okta Verify".equalsIgnoreCase(f.factor())
              || String.valueOf(f.factor()).toUpperCase().contains("PUSH");
          if (!push) {
            return;
          }
          Deque<Seen> d = rejected.computeIfAbsent(e.subject(), k -> new ArrayDeque<>());
          while (!d.isEmpty() && d.peekFirst().published().isBefore(e.published().minus(BURST))) {
            d.removeFirst();
          }
          if (!e.succeeded()) {
            d.addLast(e.kept());
            if (d.size() >= PUSHES) {
              hits.put(e.subject() + "\n" + d.peekFirst().citation().uuid(), new ArrayList<>(d));
            }
          } else if (d.size() >= PUSHES) {
            List<Seen> l = new ArrayList<>(d);
            l.add(e.kept());
            hits.put(e.subject() + "\n" + d.peekFirst().citation().uuid(), l);
            d.clear();
          } else {
            d.clear();
          }
        }

        @Override
        public void finish(Infra infra, Drafts out) {
          hits.values().forEach(l -> {
            Seen last = l.get(l.size() - 1);
            boolean approved = last.succeeded();
            int n = approved ? l.size() - 1 : l.size();
            out.add(PushFatigue.this, approved ? Severity.HIGH : Severity.MEDIUM, last.subject(), n
                + " pushes to " + last.subject() + " were denied or unanswered within " + BURST.toMinutes() + " minutes"
                + (approved ? ", then one was approved from " + last.ip() : "") + ".", l, EventRule.facts(List.of(last)));
          });
        }
      };
    }
  }

  /**
   * A factor removed and not re-enrolled within 12 hours, or removed and replaced by another of
   * its kind (an SMS factor swapped is a changed phone number).
   */
  static final class FactorAbsence extends Named {
    private static final Duration GRACE = Duration.ofHours(12);

    FactorAbsence() {
      super("factor-removed-not-restored", "MFA factor removed and not re-enrolled, or replaced", Severity.HIGH,
          "T1556.006", "Compare the user's factors with what they hold; delete factors they do not recognise and"
              + " have them re-enrol the removed one in person or over a verified channel.");
    }

    @Override
    public boolean wants(String type) {
      return type.equals("user.mfa.factor.deactivate") || type.equals("user.mfa.factor.reset_all")
          || type.equals("user.mfa.factor.activate");
    }

    @Override
    public Scan start() {
      Map<String, Seen> removed = new LinkedHashMap<>();
      List<List<Seen>> swapped = new ArrayList<>();
      return new Scan() {
        @Override
        public void see(Seen e, Infra infra) {
          if (e.subject() == null || !e.succeeded()) {
            return;
          }
          String kind = String.valueOf(e.fields().factor());
          if (e.type().equals("user.mfa.factor.deactivate") || e.type().equals("user.mfa.factor.reset_all")) {
            removed.put(e.subject() + "\n" + kind, e.kept());
          } else if (e.type().equals("user.mfa.factor.activate")) {
            Seen r = removed.remove(e.subject() + "\n" + kind);
            // A removal without a time cannot be paired with a later enrolment; it stays an absence.
            if (r != null && (r.published() == null || e.published() == null)) {
              removed.put(e.subject() + "\n" + kind, r);
            } else if (r != null && Duration.between(r.published(), e.published()).compareTo(GRACE) <= 0) {
              swapped.add(List.of(r, e.kept()));
            }
          }
        }

        @Override
        public void finish(Infra infra, Drafts out) {
          for (Seen r : removed.values()) {
            out.add(FactorAbsence.this, Severity.MEDIUM, r.subject(), "The " + r.extra().factor() + " factor of "
                + r.subject() + " was removed and not re-enrolled afterwards.", List.of(r), EventRule.facts(List.of(r)));
          }
          for (List<Seen> l : swapped) {
            Seen a = l.get(1);
            Map<String, String> facts = EventRule.facts(List.of(a));
            out.add(FactorAbsence.this, Severity.LOW, a.subject(), "The " + a.extra().factor() + " factor of " + a.subject()
                + " was removed and a new one enrolled " + Duration.between(l.get(0).published(), a.published()).toMinutes()
                + " minutes later (for SMS or voice: the phone number changed).", l, facts);
          }
        }
      };
    }
  }

  /** The OAuth clients a user was issued tokens for, since their first. */
  private static final class Clients {
    final Instant since;
    final Set<String> ids = new HashSet<>();

    Clients(Instant since) {
      this.since = since;
    }
  }

  /** OAuth tokens issued to a client the user had never used before (after a learning week). */
  static final class NewOAuthClient extends Named {
    private static final Duration LEARN = Duration.ofDays(7);

    NewOAuthClient() {
      super("oauth-new-client", "OAuth tokens issued to a client the user never used", Severity.HIGH, "T1528",
          "Review the client and its scopes; revoke the user's grants and refresh tokens for it if not theirs.");
    }

    @Override
    public boolean wants(String type) {
      return type.startsWith("app.oauth2.") && type.contains("token.grant");
    }

    @Override
    public Scan start() {
      Map<String, Clients> used = new HashMap<>();
      Map<String, Seen> hits = new LinkedHashMap<>();
      return new Scan() {
        @Override
        public void see(Seen e, Infra infra) {
          if (!e.type().startsWith("app.oauth2.") || !e.type().contains("token.grant") || e.subject() == null
              || e.published() == null || !e.succeeded()) {
            return;
          }
          String client = e.fields().clientId();
          if (client == null) {
            client = e.actorId();
          }
          Clients c = used.computeIfAbsent(e.subject(), k -> new Clients(e.published()));
          if (c.ids.add(client) && !e.published().isBefore(c.since.plus(LEARN))) {
            hits.put(e.subject() + "\n" + client, e.kept());
          }
        }

        @Override
        public void finish(Infra infra, Drafts out) {
          hits.values().forEach(e -> {
            Map<String, String> facts = EventRule.facts(List.of(e));
            facts.put("clientId", e.actorId());
            String scopes = e.extra().grantedScopes();
            if (scopes != null) {
              facts.put("scopes", scopes);
            }
            Severity base = scopes != null && (scopes.contains("okta.") || scopes.contains("offline_access"))
                ? Severity.MEDIUM : Severity.LOW;
            out.add(NewOAuthClient.this, base, e.subject(), "A " + e.type() + " was issued to " + e.extra().actorName()
                + " for " + e.subject() + ", a client they had not used before" + (scopes == null ? "" : " (scopes " + scopes + ")")
                + ".", List.of(e), facts);
          });
        }
      };
    }
  }
}
