package dev.oktair.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * User reads: {@code GET /api/v1/users} ({@code search}, {@code filter} and {@code q}, see
 * {@link UserSearch}), {@code GET /api/v1/users/{id}} by id, login or short name, the user's
 * groups and app links. Users are served with the lifecycle {@code _links} valid for their status.
 */
final class UsersRoute implements Router.Routes {
  private static final Map<String, List<String>> LIFECYCLE = Map.of(
      "ACTIVE", List.of("suspend", "deactivate", "resetPassword", "expirePassword", "resetFactors"),
      "SUSPENDED", List.of("unsuspend", "deactivate"),
      "LOCKED_OUT", List.of("unlock", "deactivate", "resetPassword"),
      "PASSWORD_EXPIRED", List.of("deactivate", "resetPassword"),
      "RECOVERY", List.of("deactivate", "resetPassword"),
      "STAGED", List.of("deactivate"),
      "PROVISIONED", List.of("deactivate"));

  private final Tenant tenant;

  UsersRoute(Tenant tenant) {
    this.tenant = tenant;
  }

  @Override
  public void register(Router router) {
    router.get("/api/v1/users", "okta.users.read", this::list);
    router.get("/api/v1/users/{id}", "okta.users.read", r -> Response.ok(view(tenant.requireUser(r.param("id")), r.baseUrl())));
    router.get("/api/v1/users/{id}/groups", "okta.users.read", this::groups);
    router.get("/api/v1/users/{id}/appLinks", "okta.users.read", this::appLinks);
  }

  /** Returns the user as Okta serves it: a copy with {@code _links} for its current status. */
  static ObjectNode view(ObjectNode user, String baseUrl) {
    ObjectNode u = user.deepCopy();
    String self = baseUrl + "/api/v1/users/" + u.path("id").asString();
    ObjectNode links = u.putObject("_links");
    for (String op : LIFECYCLE.getOrDefault(u.path("status").asString(), List.of())) {
      String path = switch (op) {
        case "resetPassword" -> "reset_password";
        case "expirePassword" -> "expire_password";
        case "resetFactors" -> "reset_factors";
        default -> op;
      };
      links.putObject(op).put("href", self + "/lifecycle/" + path).put("method", "POST");
    }
    links.putObject("self").put("href", self);
    return u;
  }

  /**
   * Lists users: {@code search} (every status, DEPROVISIONED included), else {@code filter}
   * (DEPROVISIONED only when the filter asks for a status), else {@code q} (prefix of first name,
   * last name or email; never DEPROVISIONED), else every user but the DEPROVISIONED, as Okta does.
   */
  private Response list(Request r) {
    String search = r.query("search");
    String filter = r.query("filter");
    String q = r.query("q");
    Predicate<JsonNode> keep;
    boolean deprovisioned;
    if (search != null && !search.isBlank()) {
      keep = UserSearch.search(search);
      deprovisioned = true;
    } else if (filter != null && !filter.isBlank()) {
      keep = UserSearch.filter(filter);
      deprovisioned = filter.contains("status");
    } else {
      keep = u -> q == null || prefixMatch(u, q);
      deprovisioned = false;
    }
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode u : tenant.users.values()) {
      boolean visible = deprovisioned || !"DEPROVISIONED".equals(u.path("status").asString());
      if (visible && keep.test(u)) {
        out.add(view(u, r.baseUrl()));
      }
    }
    return Paging.page(r, out, "id", 200, 200);
  }

  private Response groups(Request r) {
    String userId = tenant.requireUser(r.param("id")).path("id").asString();
    List<ObjectNode> out = new ArrayList<>();
    tenant.groupMembers.forEach((groupId, members) -> {
      ObjectNode g = tenant.groups.get(groupId);
      if (g != null && members.contains(userId)) {
        out.add(g);
      }
    });
    return Paging.all(out);
  }

  private Response appLinks(Request r) {
    ObjectNode user = tenant.requireUser(r.param("id"));
    String userId = user.path("id").asString();
    List<ObjectNode> out = new ArrayList<>();
    int order = 0;
    for (ObjectNode app : tenant.apps.values()) {
      String appId = app.path("id").asString();
      if (!Tenant.children(tenant.appUsers, appId).stream().anyMatch(a -> userId.equals(a.path("id").asString()))) {
        continue;
      }
      ObjectNode link = user.objectNode();
      link.put("id", Ids.derived("00a", appId + "/" + userId));
      link.put("label", app.path("label").asString());
      link.put("linkUrl", r.baseUrl() + "/home/" + app.path("name").asString() + "/" + appId + "/" + Ids.derived("aln", appId));
      link.put("logoUrl", r.baseUrl() + "/assets/img/logos/default.png");
      link.put("appName", app.path("name").asString());
      link.put("appInstanceId", appId);
      link.put("appAssignmentId", Ids.derived("0ua", appId + "/" + userId));
      link.put("credentialsSetup", false);
      link.put("hidden", false);
      link.put("sortOrder", order++);
      out.add(link);
    }
    return Paging.all(out);
  }

  private static boolean prefixMatch(JsonNode user, String q) {
    String p = q.toLowerCase(Locale.ROOT);
    JsonNode profile = user.path("profile");
    for (String field : List.of("firstName", "lastName", "email")) {
      if (profile.path(field).asString("").toLowerCase(Locale.ROOT).startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
