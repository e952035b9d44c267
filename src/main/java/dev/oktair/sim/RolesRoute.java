package dev.oktair.sim;

import java.util.ArrayList;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Admin role assignments of a user: list, read one, and unassign one; unassigning writes
 * {@code user.account.privilege.revoke} naming the revoked role.
 */
final class RolesRoute implements Router.Routes {
  private final Tenant tenant;
  private final AdminEvents events;

  RolesRoute(Tenant tenant, AdminEvents events) {
    this.tenant = tenant;
    this.events = events;
  }

  @Override
  public void register(Router router) {
    router.get("/api/v1/users/{userId}/roles", "okta.roles.read", r -> {
      ObjectNode user = tenant.requireUser(r.param("userId"));
      return Paging.all(new ArrayList<>(Tenant.children(tenant.roles, user.path("id").asString())));
    });
    router.get("/api/v1/users/{userId}/roles/{roleId}", "okta.roles.read", r -> Response.ok(role(r)));
    router.delete("/api/v1/users/{userId}/roles/{roleId}", "okta.roles.manage", this::unassign);
  }

  private ObjectNode role(Request r) {
    ObjectNode user = tenant.requireUser(r.param("userId"));
    ObjectNode role = tenant.roles.getOrDefault(user.path("id").asString(), Map.of()).get(r.param("roleId"));
    if (role == null) {
      throw ApiException.notFound(r.param("roleId"), "Role");
    }
    return role;
  }

  private Response unassign(Request r) {
    ObjectNode user = tenant.requireUser(r.param("userId"));
    ObjectNode role = role(r);
    tenant.roles.get(user.path("id").asString()).remove(r.param("roleId"));
    String label = role.path("label").asString(role.path("type").asString());
    events.publish(events.forUser(AdminEvents.Kind.PRIVILEGE_REVOKE, r, user).debug("privilegeRevoked", label));
    return Response.noContent();
  }
}
