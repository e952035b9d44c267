package dev.oktair.sim;

import java.time.Clock;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The System Log events Okta writes when the Management API changes something: published at the
 * simulator's now, actor = the admin (or service app) behind the credential, client = the caller,
 * {@code transaction.id} = the request id, {@code transaction.detail.requestApiTokenId} for SSWS.
 * Display messages and legacy types follow the samples in ../shared/data where one exists, else
 * Okta's catalog wording (best effort, not confirmed against a live org).
 */
final class AdminEvents {
  /** Which event a mutation writes. */
  enum Kind {
    SESSION_CLEAR("user.session.clear", "Clear user session", "core.user_auth.session_clear"),
    SUSPEND("user.lifecycle.suspend", "Suspend Okta user", "core.user.config.user_suspended"),
    UNSUSPEND("user.lifecycle.unsuspend", "Unsuspend Okta user", "core.user.config.user_unsuspended"),
    DEACTIVATE("user.lifecycle.deactivate", "Deactivate Okta User", "core.user.config.user_deactivated"),
    UNLOCK("user.account.unlock_by_admin", "Unlock user account by admin", "core.user.config.user_unlocked"),
    EXPIRE_PASSWORD("user.account.expire_password", "Expire password for user", "core.user.config.password_expired"),
    RESET_PASSWORD("user.account.reset_password", "Reset password for user", "core.user.config.password_reset"),
    RESET_FACTORS("user.mfa.factor.reset_all", "Reset all factors for user", "core.user.factor.reset_all"),
    FACTOR_DEACTIVATE("user.mfa.factor.deactivate", "Reset factor for user", "core.user.factor.deactivate"),
    CONSENT_REVOKE("app.oauth2.as.consent.revoke", "Consent revoked", null),
    TOKEN_REVOKE("app.oauth2.as.token.revoke", "OAuth2 token revocation request", null),
    PRIVILEGE_REVOKE("user.account.privilege.revoke", "User's admin privilege revoked", null),
    APP_MEMBERSHIP_REMOVE(
        "application.user_membership.remove", "Remove user's application membership", "core.user.app.user_membership.remove"),
    API_TOKEN_REVOKE("system.api_token.revoke", "Revoke API token", "api.token.revoke"),
    APP_MEMBERSHIP_ADD(
        "application.user_membership.add", "Add user to application membership", "core.user.app.user_membership.add"),
    GROUP_MEMBERSHIP_REMOVE(
        "group.user_membership.remove", "Remove user from group membership", "core.user_group_member.user_remove"),
    GROUP_MEMBERSHIP_ADD("group.user_membership.add", "Add user to group membership", "core.user_group_member.user_add"),
    IDP_ACTIVATE("system.idp.lifecycle.activate", "Activate identity provider", null),
    IDP_DEACTIVATE("system.idp.lifecycle.deactivate", "Deactivate identity provider", null),
    ZONE_CREATE("zone.create", "Create network zone", null),
    ZONE_UPDATE("zone.update", "Update network zone", null),
    ZONE_ACTIVATE("zone.activate", "Activate network zone", null),
    ZONE_DEACTIVATE("zone.deactivate", "Deactivate network zone", null),
    UNIVERSAL_LOGOUT("user.authentication.universal_logout", "User logged out by Universal Logout", null),
    THREAT_CONFIG_UPDATE("security.threat.configuration.update", "ThreatInsight configuration updated", null);

    final String eventType;
    final String displayMessage;
    final String legacyEventType;

    Kind(String eventType, String displayMessage, String legacyEventType) {
      this.eventType = eventType;
      this.displayMessage = displayMessage;
      this.legacyEventType = legacyEventType;
    }
  }

  private final LogStore store;
  private final Clock clock;

  AdminEvents(LogStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Starts the event of {@code kind} for request {@code r}; the caller adds targets and publishes. */
  SimEvent start(Kind kind, Request r) {
    Principal p = r.principal();
    String ua = r.header("User-Agent");
    SimEvent e = SimEvent.of(Ids.uuid(), clock.instant(), kind.eventType)
        .displayMessage(kind.displayMessage)
        .legacyEventType(kind.legacyEventType)
        .actor(p.actorId(), p.actorType(), p.alternateId(), p.displayName())
        .client(r.remoteAddress(), ua == null ? "unknown" : ua, "Unknown", "UNKNOWN", "Unknown", null)
        .network(null, null, null, null, null)
        .transaction("WEB", r.requestId())
        .debug("requestUri", r.rawPath())
        .debug("url", r.rawPath() + "?" + (r.rawQuery() == null ? "" : r.rawQuery()));
    if (p.clientId() != null) {
      e.clientId(p.clientId());
    }
    if (p.apiTokenId() != null) {
      e.transactionDetail("requestApiTokenId", p.apiTokenId());
    }
    return e;
  }

  /** Starts an event whose target is {@code user}. */
  SimEvent forUser(Kind kind, Request r, JsonNode user) {
    return start(kind, r).target(user.path("id").asString(), "User",
        user.path("profile").path("login").asString(), displayName(user));
  }

  /** Persists events now, so later System Log reads see them. */
  void publish(SimEvent... events) {
    store.add(java.util.Arrays.stream(events).map(SimEvent::build).toList(), clock.instant());
  }

  void publish(List<SimEvent> events) {
    store.add(events.stream().map(SimEvent::build).toList(), clock.instant());
  }

  /** Returns "First Last" of an Okta user, or its login. */
  static String displayName(JsonNode user) {
    JsonNode profile = user.path("profile");
    String first = profile.path("firstName").asString("");
    String last = profile.path("lastName").asString("");
    String name = (first + " " + last).trim();
    return name.isEmpty() ? profile.path("login").asString("unknown") : name;
  }
}
