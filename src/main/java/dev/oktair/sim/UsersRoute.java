package dev.oktair.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * User reads: {@code GET /api/v1/users} (filter on status / id / profile.login / profile.email,
 * {@code q} prefix search), {@code GET /api/v1/users/{id}} by id, login or short name, the user's
 * groups and app links. Users are served with the lifecycle {@code _links} valid for their status.
 */
final class UsersRoute implements Router.Routes {
  private static final Pattern FILTER_TERM =
      Pattern.compile("\\s*(status|id|profile\\.login|profile\\.email|profile\\.firstName|profile\\.lastName)\\s+eq\\s+\"([^\"]*)\"\\s*");
  private static final Map<String, List<String>> LIFECYCLE = Map.of(
      "ACTIVE", List.of("suspend", "deactivate", "resetPassword", "expirePassword", "resetFactors"),
      "SUSPENDED", List.of("unsuspend", "deactivate"),
      "LOCKED_OUT", List.of("unlock", "deactivate", "resetPassword"),
      "PASSWORD_EXPIRED", List.of("deactivate", "resetPassword"),
      "RECOVERY", List.of("deactivate", "resetPassword"),
      "DEPROVISIONED", List.of("activate"),
      "STAGED", List.of("activate", "deactivate"),
      "PROVISIONED", List.of("reactivate", "deactivate"));

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

  private Response list(Request r) {
    List<Map.Entry<String, String>> terms = filterTerms(r.query("filter"));
    String q = r.query("q");
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode u : tenant.users.values()) {
      if (matches(u, terms) && (q == null || prefixMatch(u, q))) {
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

  private static List<Map.Entry<String, String>> filterTerms(String filter) {
    List<Map.Entry<String, String>> terms = new ArrayList<>();
    if (filter == null || filter.isBlank()) {
      return terms;
    }
    for (String part : filter.split("(?i)\\s+and\\s+")) {
      Matcher m = FILTER_TERM.matcher(part);
      if (!m.matches()) {
        throw ApiException.invalidParameter("filter: '" + filter + "' is not a supported user filter");
      }
      terms.add(Map.entry(m.group(1), m.group(2)));
    }
    return terms;
  }

  private static boolean matches(ObjectNode user, List<Map.Entry<String, String>> terms) {
    for (Map.Entry<String, String> t : terms) {
      JsonNode v = t.getKey().startsWith("profile.")
          ? user.path("profile").path(t.getKey().substring(8))
          : user.path(t.getKey());
      boolean caseless = t.getKey().equals("profile.login") || t.getKey().equals("profile.email");
      String actual = v.asString("");
      if (caseless ? !actual.equalsIgnoreCase(t.getValue()) : !actual.equals(t.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean prefixMatch(ObjectNode user, String q) {
    String p = q.toLowerCase(Locale.ROOT);
    JsonNode profile = user.path("profile");
    for (String field : List.of("firstName", "lastName", "email", "login")) {
      if (profile.path(field).asString("").toLowerCase(Locale.ROOT).startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
