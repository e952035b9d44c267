package dev.oktair.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * Groups and membership: list ({@code q} prefix on the name), one group, its members, and
 * {@code PUT}/{@code DELETE /api/v1/groups/{groupId}/users/{userId}} (204 both). Only
 * {@code OKTA_GROUP} membership can be changed through the API (the Everyone group and imported
 * app groups answer 403 E0000006, as Okta refuses them). Removing a non-member and adding a member
 * are no-ops answering 204 without an event (Okta's answer here is UNCONFIRMED; okta-api.md).
 */
final class GroupsRoute implements Router.Routes {
  private static final String MEMBER = "/api/v1/groups/{groupId}/users/{userId}";

  private final Tenant tenant;
  private final AdminEvents events;

  GroupsRoute(Tenant tenant, AdminEvents events) {
    this.tenant = tenant;
    this.events = events;
  }

  @Override
  public void register(Router router) {
    router.get("/api/v1/groups", "okta.groups.read", this::list);
    router.get("/api/v1/groups/{groupId}", "okta.groups.read", r -> Response.ok(group(r.param("groupId"))));
    router.get("/api/v1/groups/{groupId}/users", "okta.groups.read", this::members);
    router.put(MEMBER, "okta.groups.manage", r -> change(r, true));
    router.delete(MEMBER, "okta.groups.manage", r -> change(r, false));
  }

  private Response list(Request r) {
    String q = r.query("q") == null ? null : r.query("q").toLowerCase(Locale.ROOT);
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode g : tenant.groups.values()) {
      if (q == null || g.path("profile").path("name").asString("").toLowerCase(Locale.ROOT).startsWith(q)) {
        out.add(g);
      }
    }
    return Paging.page(r, out, "id", 10_000, 10_000);
  }

  private Response members(Request r) {
    String groupId = group(r.param("groupId")).path("id").asString();
    List<ObjectNode> out = new ArrayList<>();
    for (String userId : tenant.groupMembers.getOrDefault(groupId, List.of())) {
      ObjectNode u = tenant.users.get(userId);
      if (u != null) {
        out.add(UsersRoute.view(u, r.baseUrl()));
      }
    }
    return Paging.page(r, out, "id", 1000, 10_000);
  }

  private Response change(Request r, boolean add) {
    ObjectNode group = group(r.param("groupId"));
    ObjectNode user = tenant.requireUser(r.param("userId"));
    if (!"OKTA_GROUP".equals(group.path("type").asString("OKTA_GROUP"))) {
      throw ApiException.forbidden();
    }
    String groupId = group.path("id").asString();
    String userId = user.path("id").asString();
    List<String> members = tenant.groupMembers.computeIfAbsent(groupId, k -> new ArrayList<>());
    if (members.contains(userId) == add) {
      return Response.noContent();
    }
    if (add) {
      members.add(userId);
    } else {
      members.remove(userId);
    }
    events.publish(events.forUser(add ? AdminEvents.Kind.GROUP_MEMBERSHIP_ADD : AdminEvents.Kind.GROUP_MEMBERSHIP_REMOVE,
        r, user).target(groupId, "UserGroup", "unknown", group.path("profile").path("name").asString(groupId)));
    return Response.noContent();
  }

  private ObjectNode group(String id) {
    ObjectNode g = tenant.groups.get(id);
    if (g == null) {
      throw ApiException.notFound(id, "UserGroup");
    }
    return g;
  }
}
