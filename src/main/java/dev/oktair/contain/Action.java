package dev.oktair.contain;

import dev.oktair.downstream.Connector;
import dev.oktair.downstream.Outcome;
import dev.oktair.downstream.SpIdentity;
import dev.oktair.downstream.Step;
import dev.oktair.okta.OktaResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One containment change, a closed set: each knows its target, reads the tenant back to tell
 * whether it is already done or cannot be done ({@link #check}), makes its one call
 * ({@link #apply}), and names its undo where one exists. Records; immutable and thread-safe.
 */
public sealed interface Action {
  /** Returns what kind of action this is. */
  ActionKind kind();

  /** Returns what it changes. */
  Target target();

  /** Returns its parameters as plan.json stores them (ids only, never secrets). */
  Map<String, String> params();

  /**
   * Reads the tenant back: done, to do, or blocked. {@code sentAt} is when an earlier run sent it
   * without learning the answer (a crash or a lost response), else null.
   */
  Check check(Effects fx, Instant sentAt);

  /** Makes the call, once; throws when Okta or the SP refuses or does not answer. */
  Sent apply(Effects fx);

  /** Returns the action that reverses this one, or null when there is none. */
  default Action undo() {
    return null;
  }

  /** Returns the key that identifies this action across runs: kind and target. */
  default String key() {
    return kind().label() + ":" + target().id();
  }

  /**
   * The answer to one call.
   *
   * @param status the HTTP status (0 when none applies, e.g. an SP connector)
   * @param requestId Okta's {@code X-Okta-Request-Id} or the SP's, else null
   * @param detail one line for the journal
   * @param verification for an SP step, {@code requested}, {@code verified} or {@code already-done}
   *     (an SP may accept a revocation and apply it later); null for Okta's calls
   */
  record Sent(int status, String requestId, String detail, String verification) {
    Sent(int status, String requestId, String detail) {
      this(status, requestId, detail, null);
    }

    static Sent of(OktaResponse r) {
      return new Sent(r.status(), r.requestId(), r.isDryRun() ? r.dryRunNote() : "HTTP " + r.status());
    }
  }

  // ---- the kill switch ----

  /** Clears every Okta session of the user and revokes its OAuth tokens: first, always. */
  record ClearSessions(String userId, String login) implements Action {
    public ClearSessions {
      Objects.requireNonNull(userId, "userId");
    }

    public ActionKind kind() { return ActionKind.CLEAR_SESSIONS; }
    public Target target() { return new Target("user", userId, login); }
    public Map<String, String> params() { return ReadBack.map("userId", userId, "login", login); }

    /** Sessions cannot be listed; an earlier call shows as its user.session.clear event. */
    public Check check(Effects fx, Instant sentAt) {
      if (sentAt != null && fx.okta().logShows("user.session.clear", userId, sentAt.minusSeconds(1))) {
        return Check.done("the System Log shows the sessions cleared since " + sentAt);
      }
      return Check.todo("clear sessions and OAuth tokens");
    }

    public Sent apply(Effects fx) { return Sent.of(fx.okta().clearSessions(userId)); }
  }

  /** Suspends the user so no new session starts; only after its sessions are cleared. */
  record SuspendUser(String userId, String login) implements Action {
    public SuspendUser {
      Objects.requireNonNull(userId, "userId");
    }

    public ActionKind kind() { return ActionKind.SUSPEND_USER; }
    public Target target() { return new Target("user", userId, login); }
    public Map<String, String> params() { return ReadBack.map("userId", userId, "login", login); }

    public Check check(Effects fx, Instant sentAt) {
      String status = ReadBack.status(fx.okta(), userId);
      return switch (status) {
        case "SUSPENDED" -> Check.done("the user is SUSPENDED");
        case "DEPROVISIONED" -> Check.done("the user is deactivated (DEPROVISIONED)");
        case "ACTIVE" -> Check.todo("the user is ACTIVE");
        default -> Check.blocked("the user is " + status + ": Okta suspends only ACTIVE users");
      };
    }

    public Sent apply(Effects fx) { return Sent.of(fx.okta().suspend(userId)); }
    public Action undo() { return new UnsuspendUser(userId, login); }
  }

  /** Reverses a suspension (a false positive). */
  record UnsuspendUser(String userId, String login) implements Action {
    public UnsuspendUser {
      Objects.requireNonNull(userId, "userId");
    }

    public ActionKind kind() { return ActionKind.UNSUSPEND_USER; }
    public Target target() { return new Target("user", userId, login); }
    public Map<String, String> params() { return ReadBack.map("userId", userId, "login", login); }

    public Check check(Effects fx, Instant sentAt) {
      String status = ReadBack.status(fx.okta(), userId);
      return switch (status) {
        case "ACTIVE" -> Check.done("the user is ACTIVE");
        case "SUSPENDED" -> Check.todo("the user is SUSPENDED");
        default -> Check.blocked("the user is " + status + ": Okta unsuspends only SUSPENDED users");
      };
    }

    public Sent apply(Effects fx) { return Sent.of(fx.okta().unsuspend(userId)); }
  }

  /** Universal Logout where the org offers it (Identity Threat Protection); idempotent, no read-back. */
  record UniversalLogout(String userId, String login) implements Action {
    public UniversalLogout {
      Objects.requireNonNull(userId, "userId");
    }

    public ActionKind kind() { return ActionKind.UNIVERSAL_LOGOUT; }
    public Target target() { return new Target("user", userId, login); }
    public Map<String, String> params() { return ReadBack.map("userId", userId, "login", login); }
    public Check check(Effects fx, Instant sentAt) { return Check.todo("Universal Logout is idempotent"); }
    public Sent apply(Effects fx) { return Sent.of(fx.okta().globalTokenRevocation(userId)); }
  }

  // ---- rogue artefacts ----

  /** Unenrols one rogue factor. */
  record DeleteFactor(String userId, String factorId, String display) implements Action {
    public DeleteFactor {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(factorId, "factorId");
    }

    public ActionKind kind() { return ActionKind.DELETE_FACTOR; }
    public Target target() { return new Target("factor", userId + "/" + factorId, display); }
    public Map<String, String> params() { return ReadBack.map("userId", userId, "factorId", factorId, "display", display); }

    public Check check(Effects fx, Instant sentAt) {
      return ReadBack.present(fx.okta().factors(userId), "id", factorId, "the factor is enrolled", "the factor is gone");
    }

    public Sent apply(Effects fx) { return Sent.of(fx.okta().deleteFactor(userId, factorId)); }
  }

  /** Resets every factor of the user (opt-in): the user re-enrols on a verified device. */
  record ResetFactors(String userId, String login) implements Action {
    public ResetFactors {
      Objects.requireNonNull(userId, "userId");
    }

    public ActionKind kind() { return ActionKind.RESET_FACTORS; }
    public Target target() { return new Target("user", userId, login); }
    public Map<String, String> params() { return ReadBack.map("userId", userId, "login", login); }

    public Check check(Effects fx, Instant sentAt) {
      int n = fx.okta().factors(userId).size();
      return n == 0 ? Check.done("no factor is enrolled") : Check.todo(n + " factors enrolled");
    }

    public Sent apply(Effects fx) { return Sent.of(fx.okta().resetFactors(userId)); }
  }

  /** Revokes one consent grant. */
  record RevokeGrant(String userId, String grantId, String display) implements Action {
    public RevokeGrant {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(grantId, "grantId");
    }

    public ActionKind kind() { return ActionKind.REVOKE_GRANT; }
    public Target target() { return new Target("grant", userId + "/" + grantId, display); }
    public Map<String, String> params() { return ReadBack.map("userId", userId, "grantId", grantId, "display", display); }

    public Check check(Effects fx, Instant sentAt) {
      return ReadBack.present(fx.okta().grants(userId), "id", grantId, "the grant is active", "the grant is gone");
    }

    public Sent apply(Effects fx) { return Sent.of(fx.okta().revokeGrant(userId, grantId)); }
  }

  /** Revokes the user's refresh tokens of one OAuth client. */
  record RevokeRefreshTokens(String userId, String clientId, String display) implements Action {
    public RevokeRefreshTokens {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(clientId, "clientId");
    }

    public ActionKind kind() { return ActionKind.REVOKE_REFRESH_TOKENS; }
    public Target target() { return new Target("refreshTokens", userId + "/" + clientId, display); }
    public Map<String, String> params() { return ReadBack.map("userId", userId, "clientId", clientId, "display", display); }

    public Check check(Effects fx, Instant sentAt) {
      boolean any = fx.okta().clients(userId).stream().anyMatch(c -> clientId.equals(c.path("client_id").asString()))
          && !fx.okta().refreshTokens(userId, clientId).isEmpty();
      return any ? Check.todo("the client holds refresh tokens") : Check.done("no refresh token of the client is left");
    }

    public Sent apply(Effects fx) { return Sent.of(fx.okta().revokeRefreshTokens(userId, clientId)); }
  }

  /** Revokes an API token. */
  record RevokeApiToken(String tokenId, String display) implements Action {
    public RevokeApiToken {
      Objects.requireNonNull(tokenId, "tokenId");
    }

    public ActionKind kind() { return ActionKind.REVOKE_API_TOKEN; }
    public Target target() { return new Target("apiToken", tokenId, display); }
    public Map<String, String> params() { return ReadBack.map("tokenId", tokenId, "display", display); }

    public Check check(Effects fx, Instant sentAt) {
      return ReadBack.present(fx.okta().apiTokens(), "id", tokenId, "the token is active", "the token is revoked");
    }

    public Sent apply(Effects fx) { return Sent.of(fx.okta().revokeApiToken(tokenId)); }
  }

  /** Removes a direct app assignment (opt-in: it may be legitimate). */
  record RemoveAppAssignment(String appId, String userId, String display) implements Action {
    public RemoveAppAssignment {
      Objects.requireNonNull(appId, "appId");
      Objects.requireNonNull(userId, "userId");
    }

    public ActionKind kind() { return ActionKind.REMOVE_APP_ASSIGNMENT; }
    public Target target() { return new Target("appUser", appId + "/" + userId, display); }
    public Map<String, String> params() { return ReadBack.map("appId", appId, "userId", userId, "display", display); }

    public Check check(Effects fx, Instant sentAt) {
      return fx.okta().appUser(appId, userId).isPresent() ? Check.todo("the user is assigned")
          : Check.done("the user is not assigned");
    }

    public Sent apply(Effects fx) { return Sent.of(fx.okta().removeAppAssignment(appId, userId)); }
  }

  /** Removes a group membership (opt-in: it may be legitimate). */
  record RemoveGroupMembership(String groupId, String userId, String display) implements Action {
    public RemoveGroupMembership {
      Objects.requireNonNull(groupId, "groupId");
      Objects.requireNonNull(userId, "userId");
    }

    public ActionKind kind() { return ActionKind.REMOVE_GROUP_MEMBERSHIP; }
    public Target target() { return new Target("groupMember", groupId + "/" + userId, display); }
    public Map<String, String> params() { return ReadBack.map("groupId", groupId, "userId", userId, "display", display); }

    public Check check(Effects fx, Instant sentAt) {
      return ReadBack.present(fx.okta().groupsOf(userId), "id", groupId, "the user is a member", "the user is not a member");
    }

    public Sent apply(Effects fx) { return Sent.of(fx.okta().removeGroupMember(groupId, userId)); }
  }

  /** Unassigns an admin role granted in the window. */
  record RemoveAdminRole(String userId, String roleId, String display) implements Action {
    public RemoveAdminRole {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(roleId, "roleId");
    }

    public ActionKind kind() { return ActionKind.REMOVE_ADMIN_ROLE; }
    public Target target() { return new Target("role", userId + "/" + roleId, display); }
    public Map<String, String> params() { return ReadBack.map("userId", userId, "roleId", roleId, "display", display); }

    public Check check(Effects fx, Instant sentAt) {
      return ReadBack.present(fx.okta().roles(userId), "id", roleId, "the role is assigned", "the role is unassigned");
    }

    public Sent apply(Effects fx) { return Sent.of(fx.okta().removeRole(userId, roleId)); }
  }

  /** Deactivates an identity provider the attacker added. */
  record DeactivateIdp(String idpId, String display) implements Action {
    public DeactivateIdp {
      Objects.requireNonNull(idpId, "idpId");
    }

    public ActionKind kind() { return ActionKind.DEACTIVATE_IDP; }
    public Target target() { return new Target("idp", idpId, display); }
    public Map<String, String> params() { return ReadBack.map("idpId", idpId, "display", display); }

    public Check check(Effects fx, Instant sentAt) {
      return fx.okta().idp(idpId)
          .map(i -> "ACTIVE".equals(i.path("status").asString()) ? Check.todo("the IdP is ACTIVE")
              : Check.done("the IdP is " + i.path("status").asString()))
          .orElse(Check.done("the IdP no longer exists"));
    }

    public Sent apply(Effects fx) { return Sent.of(fx.okta().deactivateIdp(idpId)); }
  }

  /** Adds the attacker's addresses to okta-ir's blocklist zone (creating it when missing). */
  record BlockIps(String zone, List<String> ips) implements Action {
    public BlockIps {
      Objects.requireNonNull(zone, "zone");
      ips = List.copyOf(ips);
    }

    public ActionKind kind() { return ActionKind.BLOCK_IPS; }
    public Target target() { return new Target("zone", zone, zone + ": " + String.join(", ", ips)); }
    public Map<String, String> params() { return ReadBack.map("zone", zone, "ips", String.join(",", ips)); }

    public Check check(Effects fx, Instant sentAt) {
      List<String> listed = Zones.listed(fx.okta(), zone);
      return listed.containsAll(ips) ? Check.done("the zone blocks every address") : Check.todo("addresses to add");
    }

    public Sent apply(Effects fx) { return Sent.of(Zones.block(fx.okta(), zone, ips)); }
    public Action undo() { return new UnblockIps(zone, ips); }
  }

  /** Takes addresses off okta-ir's blocklist zone (the undo of {@link BlockIps}). */
  record UnblockIps(String zone, List<String> ips) implements Action {
    public UnblockIps {
      Objects.requireNonNull(zone, "zone");
      ips = List.copyOf(ips);
    }

    public ActionKind kind() { return ActionKind.UNBLOCK_IPS; }
    public Target target() { return new Target("zone", zone, zone + ": " + String.join(", ", ips)); }
    public Map<String, String> params() { return ReadBack.map("zone", zone, "ips", String.join(",", ips)); }

    public Check check(Effects fx, Instant sentAt) {
      List<String> listed = Zones.listed(fx.okta(), zone);
      return ips.stream().noneMatch(listed::contains) ? Check.done("the zone blocks none of them")
          : Check.todo("addresses to remove");
    }

    public Sent apply(Effects fx) { return Sent.of(Zones.unblock(fx.okta(), zone, ips)); }
  }

  // ---- downstream ----

  /** One SP-side revocation through a connector; runs after the Okta kill switch. */
  record RevokeDownstream(String sp, String appId, SpIdentity who, Step step) implements Action {
    public RevokeDownstream {
      Objects.requireNonNull(sp, "sp");
      Objects.requireNonNull(appId, "appId");
      Objects.requireNonNull(who, "who");
      Objects.requireNonNull(step, "step");
    }

    public ActionKind kind() { return ActionKind.REVOKE_DOWNSTREAM; }
    public Target target() { return new Target("spUser", sp + "/" + step + "/" + who.userName(), sp + " " + step.name().toLowerCase(java.util.Locale.ROOT) + " " + who.userName()); }

    public Map<String, String> params() {
      return ReadBack.map("sp", sp, "appId", appId, "userName", who.userName(), "roles", String.join(",", who.roles()),
          "step", step.name());
    }

    /** A connector answers ALREADY_DONE itself when there is nothing left to revoke. */
    public Check check(Effects fx, Instant sentAt) {
      Connector c = fx.connector(sp);
      if (c == null) {
        return Check.blocked("no connector for " + sp + " is configured");
      }
      return c.steps().contains(step) ? Check.todo("run " + step + " at " + sp)
          : Check.blocked(sp + " offers no " + step + " step");
    }

    public Sent apply(Effects fx) {
      Outcome o = fx.connector(sp).run(step, who);
      if (!o.done() && o.status() != Outcome.Status.DRY_RUN) {
        throw new IllegalStateException(sp + " " + step + " failed: " + o.detail());
      }
      String verification = o.status() == Outcome.Status.DRY_RUN ? null
          : o.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      return new Sent(0, o.requestId(), o.detail(), verification);
    }
  }

}
