package dev.oktair.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Apps and assignments: {@code GET /api/v1/apps} (filters {@code user.id}, {@code group.id},
 * {@code status}, {@code name} with {@code eq}; {@code q} prefix on label and name;
 * {@code expand=user/{userId}}), one app, its users, and one assignment ({@code AppUser} with
 * {@code scope} USER or GROUP, {@code created}, {@code lastUpdated}); removing a direct assignment.
 */
final class AppsRoute implements Router.Routes {
  private static final Pattern FILTER = Pattern.compile("\\s*(user\\.id|group\\.id|status|name)\\s+eq\\s+\"([^\"]*)\"\\s*");

  private final Tenant tenant;
  private final AdminEvents events;

  AppsRoute(Tenant tenant, AdminEvents events) {
    this.tenant = tenant;
    this.events = events;
  }

  @Override
  public void register(Router router) {
    router.get("/api/v1/apps", "okta.apps.read", this::list);
    router.get("/api/v1/apps/{appId}", "okta.apps.read", r -> Response.ok(app(r.param("appId"))));
    router.get("/api/v1/apps/{appId}/users", "okta.apps.read", this::users);
    router.get("/api/v1/apps/{appId}/users/{userId}", "okta.apps.read", this::user);
    router.delete("/api/v1/apps/{appId}/users/{userId}", "okta.apps.manage", this::unassign);
  }

  /**
   * Removes a direct assignment (204, {@code application.user_membership.remove}); an assignment
   * a group grants is refused with 403 E0000046 as Okta does: remove the group membership instead.
   */
  private Response unassign(Request r) {
    ObjectNode app = app(r.param("appId"));
    String appId = app.path("id").asString();
    ObjectNode user = tenant.findUser(r.param("userId"));
    String userId = user == null ? r.param("userId") : user.path("id").asString();
    Map<String, ObjectNode> assigned = tenant.appUsers.getOrDefault(appId, Map.of());
    ObjectNode au = assigned.get(userId);
    if (au == null || user == null) {
      throw ApiException.notFound(r.param("userId"), "AppUser");
    }
    r.queryFlag("sendEmail", false); // validated; no email is modelled
    if ("GROUP".equals(au.path("scope").asString())) {
      throw new ApiException(403, "E0000046", "Deactivate application for user forbidden.",
          List.of("The application cannot be unassigned from the user while their group memberships grant them access"));
    }
    assigned.remove(userId);
    events.publish(events.forUser(AdminEvents.Kind.APP_MEMBERSHIP_REMOVE, r, user)
        .target(appId, "AppInstance", app.path("name").asString(), app.path("label").asString()));
    return Response.noContent();
  }

  private Response list(Request r) {
    Map.Entry<String, String> filter = filter(r.query("filter"));
    String q = r.query("q") == null ? null : r.query("q").toLowerCase(Locale.ROOT);
    String expandUser = r.query("expand") != null && r.query("expand").startsWith("user/")
        ? r.query("expand").substring(5) : null;
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode app : tenant.apps.values()) {
      if ((filter == null || matches(app, filter)) && (q == null || prefix(app, q))) {
        out.add(expanded(app, expandUser));
      }
    }
    return Paging.page(r, out, "id", 20, 200);
  }

  private Response users(Request r) {
    String appId = app(r.param("appId")).path("id").asString();
    boolean expand = "user".equals(r.query("expand"));
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode au : Tenant.children(tenant.appUsers, appId)) {
      ObjectNode user = tenant.users.get(au.path("id").asString());
      if (expand && user != null) {
        ObjectNode copy = au.deepCopy();
        copy.putObject("_embedded").set("user", UsersRoute.view(user, r.baseUrl()));
        out.add(copy);
      } else {
        out.add(au);
      }
    }
    return Paging.page(r, out, "id", 50, 500);
  }

  private Response user(Request r) {
    String appId = app(r.param("appId")).path("id").asString();
    ObjectNode user = tenant.findUser(r.param("userId"));
    String userId = user == null ? r.param("userId") : user.path("id").asString();
    ObjectNode au = tenant.appUsers.getOrDefault(appId, Map.of()).get(userId);
    if (au == null) {
      throw ApiException.notFound(r.param("userId"), "AppUser");
    }
    if ("user".equals(r.query("expand")) && user != null) {
      ObjectNode copy = au.deepCopy();
      copy.putObject("_embedded").set("user", UsersRoute.view(user, r.baseUrl()));
      return Response.ok(copy);
    }
    return Response.ok(au);
  }

  private ObjectNode app(String appId) {
    ObjectNode app = tenant.apps.get(appId);
    if (app == null) {
      throw ApiException.notFound(appId, "AppInstance");
    }
    return app;
  }

  private ObjectNode expanded(ObjectNode app, String userId) {
    if (userId == null) {
      return app;
    }
    ObjectNode au = tenant.appUsers.getOrDefault(app.path("id").asString(), Map.of()).get(userId);
    if (au == null) {
      return app;
    }
    ObjectNode copy = app.deepCopy();
    copy.putObject("_embedded").set("user", au);
    return copy;
  }

  private boolean matches(ObjectNode app, Map.Entry<String, String> filter) {
    String appId = app.path("id").asString();
    return switch (filter.getKey()) {
      case "user.id" -> tenant.appUsers.getOrDefault(appId, Map.of()).containsKey(filter.getValue());
      case "group.id" -> Tenant.children(tenant.appUsers, appId).stream()
          .anyMatch(au -> au.path("_links").path("group").path("href").asString("").endsWith("/" + filter.getValue()));
      default -> filter.getValue().equals(app.path(filter.getKey()).asString());
    };
  }

  private static boolean prefix(ObjectNode app, String q) {
    return app.path("label").asString("").toLowerCase(Locale.ROOT).startsWith(q)
        || app.path("name").asString("").toLowerCase(Locale.ROOT).startsWith(q);
  }

  private static Map.Entry<String, String> filter(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Matcher m = FILTER.matcher(text);
    if (!m.matches()) {
      throw ApiException.invalidParameter("filter: '" + text + "' is not a supported app filter");
    }
    return Map.entry(m.group(1), m.group(2));
  }
}
