package dev.oktair.detect;

import static dev.oktair.detect.EventRule.rule;

import dev.oktair.events.LogEvent;
import dev.oktair.store.CaseDatabase;
import dev.oktair.store.RowSink;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The front door of detection: the built-in detections, and one pass of all of them over a
 * case's events (or any events in published order) giving the findings and the attacker's
 * infrastructure. Thread-safe: each run has its own state.
 */
public final class Detections {
  private static final List<Detection> BUILT_IN = List.of(
      rule("proxy-auth", "Authentication through an anonymising proxy", "T1090.003",
          "user.session.start", "user.authentication.sso", "user.authentication.auth_via_mfa", "user.authentication.verify")
          .when(e -> e.succeeded() && e.proxy()).severity(Severity.MEDIUM, Severity.HIGH)
          .groupBy(e -> e.subject() + "\n" + e.ip())
          .recommend("Confirm the user does not use this VPN or proxy; if not, clear sessions and block the source."),
      rule("threat-detected", "ThreatInsight flagged a source", "T1110", "security.threat.detected")
          .severity(Severity.MEDIUM, Severity.MEDIUM).groupBy(Seen::ip)
          .recommend("Check what else the address did: pivot on the IP across all users."),
      new SignInDetections.ThreatAllowed(),
      rule("factor-activated", "MFA factor enrolled", "T1556.006", "user.mfa.factor.activate")
          .when(Seen::succeeded)
          .recommend("Confirm the user enrolled this factor on their own device; delete it if not."),
      rule("factor-removed", "MFA factor removed, reset or suspended", "T1556.006",
          "user.mfa.factor.deactivate", "user.mfa.factor.reset_all", "user.mfa.factor.suspend", "system.mfa.factor.deactivate")
          .recommend("Find out who removed the factor and why; re-enrol it over a verified channel."),
      new CredentialDetections.FactorAbsence(),
      rule("password-changed", "Password changed", "T1098", "user.account.update_password")
          .when(Seen::succeeded)
          .recommend("If the user did not change it, reset it, expire it and clear sessions."),
      rule("password-reset", "Password reset, recovery or unlock", "T1098",
          "user.account.reset_password", "user.account.unlock", "user.account.unlock_by_admin",
          "user.account.reset_password_by_admin", "user.credential.forgot_password")
          .baseBy(e -> e.selfService() ? Severity.LOW : Severity.MEDIUM)
          .recommend("Verify the request came from the user through a verified channel (help desk call-back)."),
      rule("api-token-created", "API token created", "T1098", "system.api_token.create")
          .severity(Severity.MEDIUM, Severity.HIGH)
          .recommend("Revoke the token unless an administrator can vouch for it."),
      rule("admin-role-granted", "Administrator role granted", "T1098.003",
          "user.account.privilege.grant", "group.privilege.grant", "iam.resourceset.bindings.add")
          .severity(Severity.HIGH, Severity.CRITICAL)
          .recommend("Remove the role unless the grant is approved; review what the grantee did since."),
      rule("user-created", "User created", "T1136.003", "user.lifecycle.create")
          .recommend("Confirm the account belongs to a real person or service; deactivate it if not."),
      rule("idp-changed", "Identity provider created or changed", "T1484.002",
          "system.idp.lifecycle.create", "system.idp.lifecycle.update", "system.idp.lifecycle.activate")
          .severity(Severity.HIGH, Severity.CRITICAL)
          .recommend("Deactivate the identity provider unless it is approved: it lets its owner sign in as your users."),
      rule("tenant-policy-changed", "Network zone, policy or rule changed", "T1562.001",
          "zone.update", "zone.deactivate", "zone.delete", "policy.lifecycle.update", "policy.lifecycle.deactivate",
          "policy.lifecycle.delete", "policy.rule.update", "policy.rule.deactivate", "policy.rule.delete",
          "application.policy.sign_on.update", "application.policy.sign_on.rule.delete",
          "security.threat.configuration.update", "system.log_stream.lifecycle.deactivate",
          "system.log_stream.lifecycle.delete")
          .severity(Severity.MEDIUM, Severity.HIGH)
          .recommend("Compare the change with change records; restore the previous configuration if unapproved."),
      rule("app-changed", "App created, modified, deactivated or deleted (incl. Org2Org)", "T1484.002",
          "application.lifecycle.create", "application.lifecycle.update", "application.lifecycle.deactivate",
          "application.lifecycle.delete")
          .recommend("Compare the app's settings with change records; an Org2Org or SAML app changed by an attacker is a way back in."),
      rule("app-password-revealed", "App password revealed", "T1555", "application.user_membership.show_password")
          .severity(Severity.LOW, Severity.HIGH)
          .recommend("Rotate the revealed password at the app and check who holds the session that revealed it."),
      rule("ad-agent-created", "Active Directory agent created", "T1556", "system.agent.ad.create")
          .severity(Severity.MEDIUM, Severity.HIGH)
          .recommend("Confirm the agent host is yours; a rogue AD agent can authenticate any AD-mastered user."),
      rule("support-impersonation", "Okta support impersonation granted", "T1078", "user.session.impersonation.grant")
          .severity(Severity.MEDIUM, Severity.HIGH)
          .recommend("Confirm an open support case asked for it; revoke the grant if not."),
      rule("app-assigned", "App assigned to user", "T1098", "application.user_membership.add")
          .baseBy(e -> e.selfService() ? Severity.MEDIUM : Severity.LOW)
          .recommend("Remove the assignment if the user (or their manager) did not ask for it; sign out the app."),
      rule("group-added", "User added to group", "T1098", "group.user_membership.add")
          .recommend("Remove the membership unless approved; check which apps and roles the group grants."),
      rule("oauth-consent", "OAuth consent granted", "T1528", "app.oauth2.as.consent.grant", "app.oauth2.consent.grant")
          .baseBy(e -> String.valueOf(e.extra().scope()).startsWith("okta.") ? Severity.MEDIUM : Severity.LOW)
          .groupBy(e -> e.subject() + "\n" + e.fields().clientId() + "\n" + e.session())
          .recommend("Revoke the grants and refresh tokens of this client for the user; admin okta.* scopes first."),
      new CredentialDetections.NewOAuthClient(),
      rule("oauth-token-reuse", "OAuth token reuse detected", "T1550.001", "app.oauth2.token.detect_reuse", "app.token.reuse")
          .severity(Severity.MEDIUM, Severity.HIGH)
          .recommend("A refresh or session token was replayed: revoke the user's tokens for the client and clear sessions."),
      rule("fastpass-phishing", "FastPass declined a phishing attempt", "T1566.002", "user.authentication.auth_via_mfa")
          .when(e -> String.valueOf(e.fields().reason()).toLowerCase().contains("phishing"))
          .severity(Severity.MEDIUM, Severity.HIGH)
          .recommend("The user was phished (FastPass held): reset their password and look for other sign-ins from the source."),
      rule("account-locked", "Account locked out after failed sign-ins", "T1110", "user.account.lock")
          .severity(Severity.LOW, Severity.MEDIUM)
          .recommend("Check the sources of the failed sign-ins; several locked accounts from one source is a spray."),
      rule("user-reported-suspicious", "User reported suspicious activity", "T1078",
          "user.account.report_suspicious_activity_by_enduser")
          .severity(Severity.MEDIUM, Severity.HIGH)
          .recommend("Talk to the user; investigate the reported sign-in or factor enrolment as a possible compromise."),
      rule("unauthorized-app-access", "Attempted access to an app the user is not assigned", "T1078",
          "app.generic.unauth_app_access_attempt")
          .recommend("Usually harmless once; many attempts from one account suggest an attacker probing what it can reach."),
      rule("rate-limit", "Rate limit violated", "T1499", "system.operation.rate_limit.violation",
          "application.integration.rate_limit_exceeded", "core.concurrency.org.limit.violation")
          .severity(Severity.INFO, Severity.LOW).groupBy(e -> e.actor() + "\n" + e.ip())
          .recommend("Check the acting client or user: enumeration, enrolment abuse or a runaway integration."),
      new SignInDetections.NewSource(),
      new SignInDetections.ImpossibleTravel(),
      new SignInDetections.SessionHijack(),
      new CredentialDetections.BruteForce(),
      new CredentialDetections.PushFatigue());

  private Detections() {}

  /** Returns the built-in detections, in a fixed order. */
  public static List<Detection> builtIn() {
    return BUILT_IN;
  }

  /**
   * Runs the built-in detections over the events of the case database, in published order;
   * {@code windowStart}/{@code windowEnd} (both or neither null) are the analyst's compromise window.
   */
  public static Result run(Path caseDir, Clock clock, Instant windowStart, Instant windowEnd) {
    Pass pass = new Pass(BUILT_IN);
    pass.window(windowStart, windowEnd);
    // the database reads and sorts on its own threads, this one takes the rows and runs the pass,
    // and the events are parsed beside it
    int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    try (PreparedInOrder events = new PreparedInOrder(workers, pass)) {
      CaseDatabase.open(caseDir, clock).sql(
          "SELECT raw, uuid_collision FROM events ORDER BY published NULLS FIRST, evidence_file, evidence_line",
          new RowSink() {
            @Override public void columns(List<Column> columns) {}
            @Override public void row(List<Object> values) {
              events.add((String) values.get(0), Boolean.TRUE.equals(values.get(1)));
            }
            @Override public void end() {}
          });
      events.finish();
    }
    return pass.finish();
  }

  /**
   * Runs {@code detections} over {@code events}, which must be in published order; an event
   * whose uuid another event with other bytes also has is cited by the hash of its bytes.
   */
  public static Result run(List<Detection> detections, List<LogEvent> events) {
    Map<String, Integer> uuids = new HashMap<>();
    Map<String, String> bytesOf = new HashMap<>();
    for (LogEvent e : events) {
      if (e.uuid() != null) {
        String sha = Seen.sha256(e.raw());
        String before = bytesOf.putIfAbsent(e.uuid(), sha);
        uuids.merge(e.uuid(), before == null || before.equals(sha) ? 0 : 1, Integer::sum);
      }
    }
    Pass pass = new Pass(detections);
    events.forEach(e -> pass.accept(Seen.of(e, e.uuid() != null && uuids.get(e.uuid()) > 0)));
    return pass.finish();
  }

  /**
   * Starts a streaming pass of {@code detections}: feed it events in published order with
   * {@link Pass#see}, then {@link Pass#finish}. For callers that read events themselves.
   */
  public static Pass start(List<Detection> detections) {
    return new Pass(detections);
  }

  /**
   * Reads what a pass needs of {@code event}; give it to {@link dev.oktair.events.EventReader#withPreparer}
   * so that this, half the per-event cost of a pass, runs on the parsing threads while the tree is in cache.
   */
  public static Object prepare(LogEvent event) {
    return prepare(event, false);
  }

  /** As {@link #prepare(LogEvent)}; {@code uuidCollision} when another event with other bytes has its uuid. */
  static Seen prepare(LogEvent event, boolean uuidCollision) {
    return Seen.prepared(event, uuidCollision, KEEPABLE);
  }

  /** Whether a built-in detection wants events of a type (and so may keep one), asked once per type. */
  private static final Predicate<String> KEEPABLE = new Predicate<>() {
    private final Map<String, Boolean> wanted = new ConcurrentHashMap<>();

    @Override
    public boolean test(String type) {
      Boolean w = wanted.get(type);
      return w != null ? w : wanted.computeIfAbsent(type, t -> BUILT_IN.stream().anyMatch(d -> d.wants(t)));
    }
  };

  /** One pass of several detections sharing the attacker's infrastructure; not thread-safe. */
  public static final class Pass implements Consumer<Seen> {
    private static final Detection.Scan[] NONE = {};

    private final List<Detection> detections;
    private final List<Detection.Scan> scans = new ArrayList<>();
    private final Map<String, Detection.Scan[]> scansOf = new HashMap<>();
    private final Infra infra = new Infra();
    private Instant windowStart;
    private Instant windowEnd;

    Pass(List<Detection> detections) {
      this.detections = List.copyOf(detections);
      // the rules share one store of kept views: one set of chunks and of the case's strings
      KeptViews kept = new KeptViews();
      detections.forEach(d -> scans.add(d instanceof EventRule r ? r.start(kept) : d.start()));
    }

    void window(Instant start, Instant end) {
      this.windowStart = start;
      this.windowEnd = end;
    }

    /** Sees one event (its uuid taken as unique). */
    public void see(LogEvent e) {
      accept(Seen.of(e, false));
    }

    @Override
    public void accept(Seen e) {
      infra.see(e);
      for (Detection.Scan s : scansOf.computeIfAbsent(e.type(), this::scansFor)) {
        s.see(e, infra);
      }
      e.settle();
    }

    /** The scans that want events of {@code type}, in the detections' order (built once per type). */
    private Detection.Scan[] scansFor(String type) {
      List<Detection.Scan> out = new ArrayList<>();
      for (int i = 0; i < scans.size(); i++) {
        if (detections.get(i).wants(type)) {
          out.add(scans.get(i));
        }
      }
      return out.toArray(NONE);
    }

    /**
     * Ends the pass and returns its findings. Each scan's state is let go once it has proposed its
     * findings, so what the scans kept and the findings made of it are not all held at once.
     */
    public Result finish() {
      Drafts drafts = new Drafts(infra, windowStart, windowEnd);
      scansOf.clear();
      for (int i = 0; i < scans.size(); i++) {
        scans.set(i, null).finish(infra, drafts);
      }
      return new Result(drafts.findings(), infra);
    }
  }

  /**
   * What a pass found.
   *
   * @param findings the findings, most severe first
   * @param infra the attacker's infrastructure as the pass saw it
   */
  public record Result(List<Finding> findings, Infra infra) {
    public Result {
      findings = List.copyOf(findings);
    }
  }
}
