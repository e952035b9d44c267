package dev.oktair.sim.scenario;

import dev.oktair.sim.scenario.Model.ApiToken;
import dev.oktair.sim.scenario.Model.App;
import dev.oktair.sim.scenario.Model.Assignment;
import dev.oktair.sim.scenario.Model.Factor;
import dev.oktair.sim.scenario.Model.Grant;
import dev.oktair.sim.scenario.Model.Group;
import dev.oktair.sim.scenario.Model.Person;
import dev.oktair.sim.scenario.Model.RefreshToken;
import dev.oktair.sim.scenario.Model.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders the tenant as the Okta Management API returns it (users, groups, apps, app users,
 * factors, roles, grants, clients, tokens); policies are in {@link PolicyJson}.
 */
final class TenantJson {
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Map<String, String> ROLE_LABELS = Map.of(
      "SUPER_ADMIN", "Super Administrator", "ORG_ADMIN", "Organizational Administrator",
      "APP_ADMIN", "Application Administrator", "USER_ADMIN", "Group Administrator",
      "HELP_DESK_ADMIN", "Help Desk Administrator", "READ_ONLY_ADMIN", "Read Only Administrator",
      "REPORT_ADMIN", "Report Administrator", "GROUP_MEMBERSHIP_ADMIN", "Group Membership Administrator");

  private final Tenant t;

  TenantJson(Tenant t) {
    this.t = t;
  }

  static String time(Instant at) {
    return at == null ? null : TIME.format(at);
  }

  private ObjectNode links(String... relAndPath) {
    ObjectNode l = F.objectNode();
    for (int i = 0; i < relAndPath.length; i += 2) {
      l.set(relAndPath[i], F.objectNode().put("href", t.orgUrl() + relAndPath[i + 1]));
    }
    return l;
  }

  List<JsonNode> users() {
    List<JsonNode> out = new ArrayList<>();
    for (Person p : t.people) {
      ObjectNode u = F.objectNode().put("id", p.id).put("status", "ACTIVE").put("created", time(p.created))
          .put("activated", time(p.created.plusSeconds(40))).put("statusChanged", time(p.created.plusSeconds(40)))
          .put("lastLogin", time(p.lastLogin)).put("lastUpdated", time(p.lastUpdated))
          .put("passwordChanged", time(p.passwordChanged));
      u.set("type", F.objectNode().put("id", "oty" + p.id.substring(3)));
      ObjectNode profile = F.objectNode().put("firstName", p.firstName).put("lastName", p.lastName)
          .putNull("mobilePhone").putNull("secondEmail").put("login", p.login).put("email", p.login)
          .put("title", p.title).put("department", p.department).put("organization", t.spec.org().name());
      u.set("profile", profile);
      ObjectNode cred = F.objectNode();
      cred.set("password", F.objectNode());
      cred.set("provider", F.objectNode().put("type", "OKTA").put("name", "OKTA"));
      u.set("credentials", cred);
      u.set("_links", links("self", "/api/v1/users/" + p.id, "suspend", "/api/v1/users/" + p.id + "/lifecycle/suspend",
          "resetPassword", "/api/v1/users/" + p.id + "/lifecycle/reset_password",
          "deactivate", "/api/v1/users/" + p.id + "/lifecycle/deactivate"));
      out.add(u);
    }
    return out;
  }

  List<JsonNode> groups() {
    List<JsonNode> out = new ArrayList<>();
    for (Group g : t.groups) {
      ObjectNode n = F.objectNode().put("id", g.id).put("created", time(g.created)).put("lastUpdated", time(g.created))
          .put("lastMembershipUpdated", time(g.lastMembershipUpdated));
      n.set("objectClass", F.arrayNode().add("okta:user_group"));
      n.put("type", "BUILT_IN".equals(g.spec.type()) ? "BUILT_IN" : "OKTA_GROUP");
      n.set("profile", F.objectNode().put("name", g.name()).put("description", g.spec.description()));
      n.set("_links", links("self", "/api/v1/groups/" + g.id, "users", "/api/v1/groups/" + g.id + "/users",
          "apps", "/api/v1/groups/" + g.id + "/apps"));
      out.add(n);
    }
    return out;
  }

  Map<String, List<String>> groupMembers() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Group g : t.groups) {
      out.put(g.id, g.members.keySet().stream().map(p -> p.id).toList());
    }
    return out;
  }

  List<JsonNode> apps() {
    List<JsonNode> out = new ArrayList<>();
    for (App a : t.apps) {
      ObjectNode n = F.objectNode().put("id", a.id()).put("name", a.spec().name()).put("label", a.label())
          .put("status", "ACTIVE").put("lastUpdated", time(a.created())).put("created", time(a.created()));
      n.set("accessibility", F.objectNode().put("selfService", a.spec().selfService())
          .putNull("errorRedirectUrl").putNull("loginRedirectUrl"));
      n.set("visibility", F.objectNode().put("autoSubmitToolbar", false)
          .set("hide", F.objectNode().put("iOS", a.spec().builtIn()).put("web", a.spec().builtIn())));
      n.set("features", F.arrayNode());
      n.put("signOnMode", a.spec().signOnMode());
      ObjectNode cred = F.objectNode();
      cred.set("userNameTemplate", F.objectNode().put("template", "${source.login}").put("type", "BUILT_IN"));
      if (a.oidc()) {
        boolean nativeApp = "native".equals(a.spec().oauth().type());
        cred.set("oauthClient", F.objectNode().put("autoKeyRotation", true).put("client_id", a.id())
            .put("token_endpoint_auth_method", nativeApp ? "none" : "client_secret_basic"));
        ObjectNode oc = F.objectNode().put("application_type", nativeApp ? "native" : "web")
            .put("consent_method", a.spec().oauth().consent() == null ? "TRUSTED" : a.spec().oauth().consent());
        ArrayNode grants = oc.putArray("grant_types").add("authorization_code");
        if (a.spec().oauth().refreshTokens()) {
          grants.add("refresh_token");
        }
        n.set("settings", F.objectNode().set("oauthClient", oc));
      } else {
        cred.set("signing", F.objectNode().put("kid", t.ids.alnum(43)));
        n.set("settings", F.objectNode().set("app", F.objectNode()));
      }
      n.set("credentials", cred);
      n.set("_links", links("self", "/api/v1/apps/" + a.id(), "users", "/api/v1/apps/" + a.id() + "/users",
          "groups", "/api/v1/apps/" + a.id() + "/groups"));
      out.add(n);
    }
    return out;
  }

  /** One AppUser per user and app: direct ({@code USER}) wins over group, earliest {@code created}. */
  Map<String, List<JsonNode>> appUsers() {
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    for (App a : t.apps) {
      Map<Person, List<Assignment>> byUser = new LinkedHashMap<>();
      for (Assignment x : t.assignments) {
        if (x.app == a) {
          byUser.computeIfAbsent(x.user, k -> new ArrayList<>()).add(x);
        }
      }
      List<JsonNode> list = new ArrayList<>();
      byUser.forEach((p, xs) -> list.add(appUser(a, p, xs)));
      out.put(a.id(), list);
    }
    return out;
  }

  private JsonNode appUser(App a, Person p, List<Assignment> xs) {
    Assignment chosen = xs.stream().filter(x -> x.viaGroup == null).findFirst().orElse(xs.get(0));
    Instant created = xs.stream().map(x -> x.created).min(Instant::compareTo).orElseThrow();
    Instant updated = xs.stream().map(x -> x.created).max(Instant::compareTo).orElseThrow();
    ObjectNode n = F.objectNode().put("id", p.id).putNull("externalId").put("created", time(created))
        .put("lastUpdated", time(updated)).put("scope", chosen.scope()).put("status", "ACTIVE")
        .put("statusChanged", time(created)).putNull("passwordChanged").put("syncState", "DISABLED");
    n.set("credentials", F.objectNode().put("userName", a.spec().userNameFor(p.login)));
    ObjectNode profile = n.putObject("profile");
    if (!a.spec().samlRoles().isEmpty()) {
      a.spec().samlRoles().forEach(profile.putArray("samlRoles")::add);
    }
    ObjectNode l = links("app", "/api/v1/apps/" + a.id(), "user", "/api/v1/users/" + p.id);
    if (chosen.viaGroup != null) {
      l.set("group", F.objectNode().put("name", chosen.viaGroup.name())
          .put("href", t.orgUrl() + "/api/v1/groups/" + chosen.viaGroup.id));
    }
    n.set("_links", l);
    return n;
  }

  Map<String, List<JsonNode>> factors() {
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    for (Person p : t.people) {
      List<JsonNode> list = new ArrayList<>();
      for (Factor f : p.factors) {
        if (f.removed == null) {
          list.add(factor(p, f));
        }
      }
      out.put(p.id, list);
    }
    return out;
  }

  private JsonNode factor(Person p, Factor f) {
    ObjectNode n = F.objectNode().put("id", f.id).put("factorType", f.type.apiType).put("provider", f.type.provider)
        .put("vendorName", f.type.provider).put("status", "ACTIVE").put("created", time(f.created))
        .put("lastUpdated", time(f.created));
    ObjectNode profile = F.objectNode();
    switch (f.type) {
      case SMS -> profile.put("phoneNumber", f.phone);
      case PUSH -> profile.put("credentialId", p.login).put("deviceType",
              "IOS".equals(f.device.profile().platform()) ? "SmartPhone_IPhone" : "SmartPhone_Android")
          .put("name", f.device.name()).put("platform", f.device.profile().platform())
          .put("version", f.device.profile().osVersion());
      case TOTP -> profile.put("credentialId", p.login);
      case WEBAUTHN -> profile.put("credentialId", f.id.substring(3) + f.device.dtHash().substring(0, 20))
          .put("authenticatorName", f.device.profile().platform().equals("OSX") ? "MacBook Touch ID" : "Windows Hello");
    }
    n.set("profile", profile);
    n.set("_links", links("self", "/api/v1/users/" + p.id + "/factors/" + f.id, "user", "/api/v1/users/" + p.id));
    return n;
  }

  Map<String, List<JsonNode>> roles() {
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    for (Person p : t.people) {
      List<JsonNode> list = new ArrayList<>();
      for (Role r : p.roles) {
        ObjectNode n = F.objectNode().put("id", r.id()).put("label", ROLE_LABELS.getOrDefault(r.type(), r.type()))
            .put("type", r.type()).put("status", "ACTIVE").put("created", time(r.created()))
            .put("lastUpdated", time(r.created())).put("assignmentType", "USER");
        n.set("_links", links("assignee", "/api/v1/users/" + p.id));
        list.add(n);
      }
      if (!list.isEmpty()) {
        out.put(p.id, list);
      }
    }
    return out;
  }

  Map<String, List<JsonNode>> grants() {
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    for (Grant g : t.grants) {
      ObjectNode n = F.objectNode().put("id", g.id()).put("status", "ACTIVE").put("created", time(g.created()));
      n.set("createdBy", F.objectNode().put("id", g.user().id).put("type", "User"));
      n.put("lastUpdated", time(g.created())).put("issuer", t.issuer()).put("clientId", g.client().id())
          .put("userId", g.user().id).put("scopeId", g.scopeId()).put("source", "END_USER");
      n.set("_embedded", F.objectNode().set("scope", F.objectNode().put("id", g.scopeId()).put("name", g.scope())));
      n.set("_links", links("app", "/api/v1/apps/" + g.client().id(), "client", "/oauth2/v1/clients/" + g.client().id(),
          "user", "/api/v1/users/" + g.user().id, "self", "/api/v1/users/" + g.user().id + "/grants/" + g.id()));
      out.computeIfAbsent(g.user().id, k -> new ArrayList<>()).add(n);
    }
    return out;
  }

  List<JsonNode> clients() {
    List<JsonNode> out = new ArrayList<>();
    for (App a : t.apps) {
      if (a.oidc()) {
        ObjectNode n = F.objectNode().put("client_id", a.id()).put("client_name", a.label()).putNull("client_uri")
            .putNull("logo_uri");
        n.set("_links", links("app", "/api/v1/apps/" + a.id()));
        out.add(n);
      }
    }
    return out;
  }

  Map<String, List<JsonNode>> refreshTokens() {
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    for (RefreshToken r : t.refreshTokens) {
      ObjectNode n = F.objectNode().put("id", r.id).put("status", "ACTIVE").put("created", time(r.created))
          .put("lastUpdated", time(r.lastUpdated)).put("expiresAt", time(r.lastUpdated.plus(Duration.ofDays(90))))
          .put("issuer", t.issuer()).put("clientId", r.client.id()).put("userId", r.user.id);
      ArrayNode scopes = n.putArray("scopes");
      r.scopes.forEach(scopes::add);
      n.set("_links", links("app", "/api/v1/apps/" + r.client.id(), "client", "/oauth2/v1/clients/" + r.client.id(),
          "user", "/api/v1/users/" + r.user.id,
          "self", "/api/v1/users/" + r.user.id + "/clients/" + r.client.id() + "/tokens/" + r.id));
      out.computeIfAbsent(r.user.id, k -> new ArrayList<>()).add(n);
    }
    return out;
  }

  List<JsonNode> apiTokens() {
    List<JsonNode> out = new ArrayList<>();
    for (ApiToken a : t.apiTokens) {
      Instant used = a.created().isAfter(t.anchor.minus(Duration.ofDays(1))) ? a.created() : t.anchor.minus(Duration.ofHours(6));
      ObjectNode n = F.objectNode().put("id", a.id()).put("name", a.name()).put("userId", a.creator().id)
          .put("clientName", "Okta API").put("created", time(a.created())).put("lastUpdated", time(a.created()))
          .put("expiresAt", time(used.plus(Duration.ofDays(30)))).put("tokenWindow", "P30D");
      ObjectNode network = F.objectNode().put("connection", a.network());
      network.set("include", F.arrayNode());
      network.set("exclude", F.arrayNode());
      n.set("network", network);
      n.set("_links", links("self", "/api/v1/api-tokens/" + a.id(), "user", "/api/v1/users/" + a.creator().id));
      out.add(n);
    }
    return out;
  }
}
