package dev.oktair.sim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * The kill switch and lifecycle: {@code DELETE /api/v1/users/{id}/sessions} ({@code oauthTokens},
 * {@code forgetDevices}) and {@code POST /api/v1/users/{id}/lifecycle/{op}} with Okta's status
 * rules (suspend only from ACTIVE, unsuspend only from SUSPENDED, ...). Each change writes the
 * System Log event Okta writes.
 */
final class LifecycleRoute implements Router.Routes {
  private final Tenant tenant;
  private final AdminEvents events;
  private final Clock clock;

  LifecycleRoute(Tenant tenant, AdminEvents events, Clock clock) {
    this.tenant = tenant;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void register(Router router) {
    router.delete("/api/v1/users/{id}/sessions", "okta.users.manage", this::clearSessions);
    router.post("/api/v1/users/{id}/lifecycle/{op}", "okta.users.manage", this::lifecycle);
  }

  private Response clearSessions(Request r) {
    ObjectNode user = tenant.requireUser(r.param("id"));
    boolean oauthTokens = r.queryFlag("oauthTokens", false);
    r.queryFlag("forgetDevices", true); // validated; remembered devices are not modelled
    String userId = user.path("id").asString();
    tenant.sessions.put(userId, 0);
    List<SimEvent> emitted = new ArrayList<>();
    emitted.add(events.forUser(AdminEvents.Kind.SESSION_CLEAR, r, user));
    if (oauthTokens) {
      emitted.addAll(ConsentRoute.revokeTokens(tenant, events, r, user, null));
    }
    events.publish(emitted);
    return Response.noContent();
  }

  private Response lifecycle(Request r) {
    ObjectNode user = tenant.requireUser(r.param("id"));
    String op = r.param("op");
    String status = user.path("status").asString();
    return switch (op) {
      case "suspend" -> transition(r, user, "suspendUser", Set.of("ACTIVE"), "SUSPENDED",
          "Cannot suspend a user that is not active", AdminEvents.Kind.SUSPEND, true);
      case "unsuspend" -> transition(r, user, "unsuspendUser", Set.of("SUSPENDED"), "ACTIVE",
          "Cannot unsuspend a user that is not suspended", AdminEvents.Kind.UNSUSPEND, false);
      case "unlock" -> transition(r, user, "unlockUser", Set.of("LOCKED_OUT"), "ACTIVE",
          "Cannot unlock a user that is not locked out", AdminEvents.Kind.UNLOCK, false);
      case "deactivate" -> deactivate(r, user, status);
      case "reset_factors" -> resetFactors(r, user, status);
      case "expire_password" -> expirePassword(r, user);
      case "reset_password" -> resetPassword(r, user);
      default -> throw ApiException.notFound(op, "Lifecycle operation");
    };
  }

  private Response transition(Request r, ObjectNode user, String operation, Set<String> from, String to,
      String refusal, AdminEvents.Kind kind, boolean clearsSessions) {
    if (!from.contains(user.path("status").asString())) {
      throw ApiException.validation(operation, refusal);
    }
    setStatus(user, to);
    if (clearsSessions) {
      tenant.sessions.put(user.path("id").asString(), 0);
    }
    events.publish(events.forUser(kind, r, user));
    return Response.emptyObject();
  }

  private Response deactivate(Request r, ObjectNode user, String status) {
    if ("DEPROVISIONED".equals(status)) {
      throw ApiException.validation("deactivateUser", "Cannot deactivate a user that is already deactivated");
    }
    String userId = user.path("id").asString();
    setStatus(user, "DEPROVISIONED");
    tenant.sessions.put(userId, 0);
    List<SimEvent> emitted = new ArrayList<>();
    emitted.add(events.forUser(AdminEvents.Kind.DEACTIVATE, r, user));
    for (Map.Entry<String, java.util.Map<String, ObjectNode>> app : tenant.appUsers.entrySet()) {
      if (app.getValue().remove(userId) != null) {
        ObjectNode a = tenant.apps.get(app.getKey());
        emitted.add(events.forUser(AdminEvents.Kind.APP_MEMBERSHIP_REMOVE, r, user).target(app.getKey(), "AppInstance",
            a == null ? app.getKey() : a.path("name").asString(), a == null ? app.getKey() : a.path("label").asString()));
      }
    }
    tenant.refreshTokens.remove(userId);
    tenant.grants.remove(userId);
    events.publish(emitted);
    return Response.emptyObject();
  }

  private Response resetFactors(Request r, ObjectNode user, String status) {
    if ("DEPROVISIONED".equals(status)) {
      throw ApiException.validation("resetFactors", "Cannot reset factors of a deactivated user");
    }
    tenant.factors.remove(user.path("id").asString());
    touch(user);
    events.publish(events.forUser(AdminEvents.Kind.RESET_FACTORS, r, user));
    return Response.emptyObject();
  }

  private Response expirePassword(Request r, ObjectNode user) {
    if (!Set.of("ACTIVE", "PASSWORD_EXPIRED", "RECOVERY", "LOCKED_OUT").contains(user.path("status").asString())) {
      throw ApiException.validation("expirePassword", "Cannot expire the password of a user that is not active");
    }
    setStatus(user, "PASSWORD_EXPIRED");
    events.publish(events.forUser(AdminEvents.Kind.EXPIRE_PASSWORD, r, user));
    return Response.ok(UsersRoute.view(user, r.baseUrl()));
  }

  private Response resetPassword(Request r, ObjectNode user) {
    if (r.query("sendEmail") == null) {
      throw ApiException.validation("resetPassword", "sendEmail: The sendEmail parameter is required.");
    }
    boolean sendEmail = r.queryFlag("sendEmail", false);
    if (!Set.of("ACTIVE", "PASSWORD_EXPIRED", "RECOVERY", "LOCKED_OUT").contains(user.path("status").asString())) {
      throw ApiException.validation("resetPassword", "Cannot reset the password of a user that is not active");
    }
    setStatus(user, "RECOVERY");
    if (r.queryFlag("revokeSessions", false)) {
      tenant.sessions.put(user.path("id").asString(), 0);
    }
    events.publish(events.forUser(AdminEvents.Kind.RESET_PASSWORD, r, user));
    ObjectNode body = user.objectNode();
    if (!sendEmail) {
      body.put("summary", "Reset password without sending email");
      body.put("resetPasswordUrl", r.baseUrl() + "/reset_password/drp" + Ids.randomText(17));
    }
    return Response.ok(body);
  }

  private void setStatus(ObjectNode user, String status) {
    String now = Ids.time(clock.instant());
    user.put("status", status);
    user.put("statusChanged", now);
    user.put("lastUpdated", now);
    user.putNull("transitioningToStatus");
  }

  private void touch(ObjectNode user) {
    user.put("lastUpdated", Ids.time(clock.instant()));
  }
}
