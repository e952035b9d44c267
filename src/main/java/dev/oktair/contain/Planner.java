package dev.oktair.contain;

import dev.oktair.detect.Finding;
import dev.oktair.downstream.Impact;
import dev.oktair.downstream.PlannedAction;
import dev.oktair.detect.Severity;
import dev.oktair.errors.Futures;
import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import dev.oktair.okta.Management;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * Turns findings and the incident window into a {@link Plan}, reading the live tenant (GETs only).
 * Rules: every user named by a finding of severity medium or above is a subject; per subject,
 * clear sessions (with OAuth tokens) strictly before the suspend; factors created in the window or
 * named by a finding are deleted, the others kept (or, opted in, every factor reset); grants,
 * refresh tokens, admin roles and the subject's API tokens created in the window or named by a
 * finding are revoked (an admin role before the suspend, which waits for it: a role the attacker
 * granted is gone before the user is suspended); identity providers named by a finding are
 * deactivated; the attacker's addresses are blocked when opted in; app assignments and group
 * memberships a finding about the user attributes to the attacker are removed unless opted out,
 * and the others of the window listed and left alone (an admin's change from the office in the
 * same hours is not the attacker's). Thread-safe; reads run concurrently per subject.
 */
public final class Planner {
  /** The name of the blocklist zone okta-ir creates and maintains. */
  public static final String ZONE = "okta-ir blocklist";

  private final Management okta;
  private final Clock clock;
  private final Downstream downstream;

  /** Returns a planner reading the tenant through {@code okta}, with no downstream connector. */
  public Planner(Management okta, Clock clock) {
    this(okta, clock, Downstream.NONE);
  }

  /** Returns a planner that also revokes at the SPs {@code downstream} names. */
  public Planner(Management okta, Clock clock, Downstream downstream) {
    this.okta = Objects.requireNonNull(okta, "okta");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.downstream = Objects.requireNonNull(downstream, "downstream");
  }

  /**
   * The downstream impact map of one subject (from {@code downstream.Downstream#impactMap}): the
   * apps it reached or holds, the SP behind each, and the automatic and manual actions there.
   */
  @FunctionalInterface
  public interface Downstream {
    /** No downstream revocation. */
    Downstream NONE = (userId, login) -> List.of();

    /** Returns the impact map of the subject {@code userId} ({@code login}). */
    List<Impact> of(String userId, String login);
  }

  /**
   * Returns the plan for {@code findings} over the window {@code [start, end]} (end null: open).
   *
   * @throws OktaIrException (USAGE) when a finding names a user the tenant does not have
   */
  public Plan plan(List<Finding> findings, Instant start, Instant end, Plan.Options options) {
    Facts facts = Facts.of(findings);
    Builder b = new Builder(start, end);
    List<Inventory> inventories = readSubjects(facts, b);
    List<Plan.Subject> subjects = new ArrayList<>();
    for (Inventory inv : inventories) {
      List<Finding> why = facts.findingsOfUser(inv.userId(), inv.login());
      Plan.Cited cited = Facts.cite(why);
      subjects.add(new Plan.Subject(inv.userId(), inv.login(), Guards.heldBefore(inv.roles(), start), cited.ids(),
          cited.total()));
      planUser(b, inv, why, facts, options);
    }
    planTenant(b, inventories, facts, options);
    return new Plan(clock.instant(), okta.orgUrl().toString(), start, end, options, subjects, b.actions, b.listed,
        b.downstream);
  }

  /**
   * Reads every subject the org has. One the org does not have (deleted since, or its login
   * reused by a newer user) has nothing left to contain and is listed; when the org has none of
   * them, the findings are of another org and planning stops.
   */
  private List<Inventory> readSubjects(Facts facts, Builder b) {
    List<String> ids = facts.subjects();
    if (ids.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, ids.size()));
    try {
      List<Future<Optional<Inventory>>> reads = new ArrayList<>();
      for (String id : ids) {
        reads.add(pool.submit(() -> okta.user(id).map(user -> Inventory.read(okta, user))));
      }
      List<Inventory> out = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (int i = 0; i < ids.size(); i++) {
        Optional<Inventory> inv = Futures.get(reads.get(i));
        if (inv.isEmpty()) {
          missing.add(ids.get(i));
        } else if (seen.add(inv.get().userId())) {
          out.add(inv.get());
        }
      }
      if (out.isEmpty()) {
        throw new OktaIrException(Kind.USAGE, "a finding names the user '" + missing.get(0) + "', whom the org does not have"
            + (missing.size() > 1 ? ", nor any of the " + (missing.size() - 1) + " other users the findings name:"
                + " are the findings of another org?" : ""));
      }
      listMissing(b, facts, missing);
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Lists the subjects the org does not have: each, or, when there are more than a responder reads
   * (a login reused thousands of times in a 1M-event log), one line with their count and the first.
   */
  private static void listMissing(Builder b, Facts facts, List<String> missing) {
    String why = "named by findings, not in the org (deleted, or its login now another user's): nothing to contain";
    if (missing.size() <= Facts.CITED) {
      missing.forEach(id -> b.listed.add(new Plan.Listed(new Target("user", id, id), why,
          Facts.cite(facts.findingsOfUser(id, null)))));
      return;
    }
    List<Finding> all = new ArrayList<>();
    missing.forEach(id -> all.addAll(facts.findingsOfUser(id, null)));
    List<String> first = missing.subList(0, Facts.CITED);
    b.listed.add(new Plan.Listed(new Target("users", String.join(",", missing), missing.size() + " users"),
        why + "; the first " + first.size() + ": " + String.join(", ", first),
        Facts.cite(all)));
  }

  private void planUser(Builder b, Inventory inv, List<Finding> why, Facts facts, Plan.Options options) {
    String u = inv.userId();
    String clear = b.add(new Action.ClearSessions(u, inv.login()), why, List.of(),
        "first: ends live Okta sessions and OAuth tokens, so downstream SAML/OIDC sessions cannot be renewed");
    List<String> beforeSuspend = new ArrayList<>(List.of(clear));
    for (JsonNode r : inv.roles()) {
      String id = r.path("id").asString();
      List<Finding> named = facts.naming("roleId", id);
      if (!named.isEmpty() || b.inWindow(r)) {
        String removal = b.add(new Action.RemoveAdminRole(u, id, r.path("label").asString(r.path("type").asString())),
            or(named, why), List.of(), why(named, r) + "; before the suspend, which waits for it");
        if (removal != null) {
          beforeSuspend.add(removal);
        }
      }
    }
    b.add(new Action.SuspendUser(u, inv.login()), why, beforeSuspend, beforeSuspend.size() > 1
        ? "after the sessions are cleared and the admin roles of the window removed: no new session can start,"
            + " and an admin role the attacker granted is never suspended with the user" : "after the sessions are cleared: no new session can start");
    planDownstream(b, inv, why, clear);
    if (options.resetFactors()) {
      b.add(new Action.ResetFactors(u, inv.login()), why, List.of(),
          "every factor is removed: the user re-enrols on a verified device with IT present, after identity is"
              + " confirmed out of band (not by phone number or email the attacker may control)");
    }
    for (JsonNode f : inv.factors()) {
      String id = f.path("id").asString();
      Target t = new Target("factor", u + "/" + id, describeFactor(f));
      List<Finding> named = facts.naming("factorId", id);
      if (!named.isEmpty() || b.inWindow(f)) {
        if (!options.resetFactors()) {
          boolean oktaVerify = "OKTA".equals(f.path("provider").asString())
              && Set.of("push", "signed_nonce", "token:software:totp").contains(f.path("factorType").asString());
          b.add(new Action.DeleteFactor(u, id, t.display()), or(named, why), List.of(), oktaVerify
              ? "Okta removes every Okta Verify enrolment of the user with it: the user re-enrols Okta Verify on a"
                  + " verified device" : why(named, f));
        }
      } else {
        b.listed.add(new Plan.Listed(t, "kept: enrolled " + f.path("created").asString() + ", before the window", List.of()));
      }
    }
    for (JsonNode g : inv.grants()) {
      String id = g.path("id").asString();
      List<Finding> named = facts.naming("grantId", id);
      if (!named.isEmpty() || b.inWindow(g)) {
        String scope = g.path("_embedded").path("scope").path("name").asString(g.path("scopeId").asString());
        b.add(new Action.RevokeGrant(u, id, inv.clientNames().getOrDefault(g.path("clientId").asString(),
            g.path("clientId").asString()) + " " + scope), or(named, why), List.of(), why(named, g));
      }
    }
    inv.refreshTokens().forEach((clientId, tokens) -> {
      List<Finding> named = facts.naming("clientId", clientId);
      boolean fresh = tokens.stream().anyMatch(b::inWindow);
      if (!named.isEmpty() || fresh) {
        b.add(new Action.RevokeRefreshTokens(u, clientId, inv.clientNames().get(clientId)), or(named, why), List.of(),
            "revokes every refresh token of the user for this client (" + tokens.size() + "), the user's own included");
      }
    });
    for (JsonNode app : inv.apps()) {
      JsonNode au = app.path("_embedded").path("user");
      String appId = app.path("id").asString();
      List<Finding> named = facts.naming("appId", appId);
      boolean direct = "USER".equals(au.path("scope").asString());
      if (named.isEmpty() && !b.inWindow(au)) {
        continue;
      }
      Target t = new Target("appUser", appId + "/" + u, app.path("label").asString(appId));
      List<Finding> attacker = facts.attributed(u, "appId", appId);
      if (direct && !options.keepAssignments() && !attacker.isEmpty()) {
        b.add(new Action.RemoveAppAssignment(appId, u, t.display()), attacker, List.of(), why(attacker, au));
      } else {
        b.listed.add(new Plan.Listed(t, !direct
            ? "assigned in the window through group " + au.path("_links").path("group").path("name").asString()
                + ": remove the group membership instead"
            : attacker.isEmpty() ? "assigned in the window (" + au.path("created").asString() + "), not from the"
                + " attacker's sources: may be legitimate; left alone" : "assigned in the window ("
                + au.path("created").asString() + ") from the attacker's sources; kept as asked (--keep-assignments)",
            Facts.cite(named)));
      }
    }
    for (JsonNode g : inv.groups()) {
      String groupId = g.path("id").asString();
      List<Finding> named = facts.naming("groupId", groupId);
      if (named.isEmpty()) {
        continue; // Okta does not say when a membership began: only findings name window memberships
      }
      Target t = new Target("groupMember", groupId + "/" + u, g.path("profile").path("name").asString(groupId));
      List<Finding> attacker = facts.attributed(u, "groupId", groupId);
      if (!options.keepAssignments() && !attacker.isEmpty()) {
        b.add(new Action.RemoveGroupMembership(groupId, u, t.display()), attacker, List.of(),
            "added in the window from the attacker's sources");
      } else {
        b.listed.add(new Plan.Listed(t, attacker.isEmpty() ? "a finding names the group, not as the attacker's:"
            + " may be legitimate; left alone" : "added in the window from the attacker's sources; kept as asked"
            + " (--keep-assignments)", Facts.cite(named)));
      }
    }
  }

  /**
   * Okta's revocation does not reach sessions an SP already issued: each automatic step of the
   * impact map becomes an action after the kill switch; manual and opt-in steps are listed.
   */
  private void planDownstream(Builder b, Inventory inv, List<Finding> why, String clear) {
    List<Impact> map = downstream.of(inv.userId(), inv.login());
    if (!map.isEmpty()) {
      b.downstream.add(new Plan.Downstream(inv.userId(), map));
    }
    for (Impact i : map) {
      String app = i.app().label() + " (" + i.app().appId() + ")";
      int n = 0;
      for (PlannedAction p : i.actions()) {
        n++;
        if (!p.manual() && !p.optIn() && clear != null) {
          b.add(new Action.RevokeDownstream(i.sp(), i.app().appId(), i.spIdentity(), p.step()), why, List.of(clear),
              "after the Okta kill switch (" + app + "): kills " + p.kills() + "; survives: " + p.survives());
        } else {
          Target t = new Target("downstream", i.app().appId() + "/" + n, app);
          b.listed.add(new Plan.Listed(t, (p.manual() ? "manual: " : "opt-in, not planned: ") + p.action()
              + "; kills " + p.kills() + "; survives: " + p.survives(), Facts.cite(why)));
        }
      }
    }
  }

  private void planTenant(Builder b, List<Inventory> subjects, Facts facts, Plan.Options options) {
    Map<String, List<Finding>> whyOf = new LinkedHashMap<>();
    subjects.forEach(s -> whyOf.put(s.userId(), facts.findingsOfUser(s.userId(), s.login())));
    if (!subjects.isEmpty() || !facts.values("tokenId").isEmpty()) {
      for (JsonNode t : okta.apiTokens()) {
        String id = t.path("id").asString();
        List<Finding> named = facts.naming("tokenId", id);
        List<Finding> owner = whyOf.get(t.path("userId").asString());
        if (!named.isEmpty() || (owner != null && b.inWindow(t))) {
          b.add(new Action.RevokeApiToken(id, t.path("name").asString(id)), or(named, owner), List.of(), why(named, t));
        }
      }
    }
    for (String idpId : facts.values("idpId")) {
      b.add(new Action.DeactivateIdp(idpId, idpId), facts.naming("idpId", idpId), List.of(),
          "an identity provider lets whoever controls it sign in as any user it maps");
    }
    List<String> ips = facts.attackerIps();
    if (!ips.isEmpty()) {
      Set<Finding> why = new LinkedHashSet<>();
      ips.forEach(ip -> why.addAll(facts.naming("ip", ip)));
      List<Finding> reasons = List.copyOf(why);
      if (options.blockIps()) {
        b.add(new Action.BlockIps(ZONE, ips), reasons, List.of(),
            "blocks the addresses tenant-wide; an attacker moves on quickly, so this slows, never stops, them");
      } else {
        b.listed.add(new Plan.Listed(new Target("ips", String.join(",", ips), addresses(ips)),
            "the attacker's addresses: not blocked (blocking is opt-in)", Facts.cite(reasons)));
      }
    }
  }

  /** Returns the addresses as a reviewer reads them: all of a few, else the first and how many more. */
  private static String addresses(List<String> ips) {
    return ips.size() <= Facts.CITED ? String.join(", ", ips)
        : String.join(", ", ips.subList(0, Facts.CITED)) + " and " + (ips.size() - Facts.CITED) + " more";
  }

  private static String describeFactor(JsonNode f) {
    JsonNode p = f.path("profile");
    String where = p.path("name").asString(p.path("phoneNumber").asString(p.path("credentialId").asString("")));
    return f.path("factorType").asString() + (where.isEmpty() ? "" : " " + where);
  }

  private static String why(List<Finding> named, JsonNode created) {
    return named.isEmpty() ? "created in the window (" + created.path("created").asString() + ")" : "named by a finding";
  }

  private static List<Finding> or(List<Finding> named, List<Finding> fallback) {
    return named.isEmpty() ? fallback : named;
  }

  /** Collects actions with sequential ids, and the listed objects. */
  private static final class Builder {
    final Instant start;
    final Instant end;
    final List<Plan.Entry> actions = new ArrayList<>();
    final List<Plan.Listed> listed = new ArrayList<>();
    final List<Plan.Downstream> downstream = new ArrayList<>();
    final Set<String> keys = new LinkedHashSet<>();

    Builder(Instant start, Instant end) {
      this.start = start;
      this.end = end;
    }

    String add(Action a, List<Finding> reasons, List<String> dependsOn, String note) {
      if (!keys.add(a.key())) {
        return null;
      }
      String id = "a" + (actions.size() + 1);
      Plan.Cited cited = Facts.cite(reasons);
      actions.add(new Plan.Entry(id, a, cited.ids(), dependsOn, note, cited.total()));
      return id;
    }

    boolean inWindow(JsonNode o) {
      try {
        Instant t = Instant.parse(o.path("created").asString(""));
        return !t.isBefore(start) && (end == null || !t.isAfter(end));
      } catch (DateTimeParseException e) {
        return false;
      }
    }
  }

  /** Severity floor for a finding to make its user a subject. */
  static final Severity SUBJECT_SEVERITY = Severity.MEDIUM;
}
