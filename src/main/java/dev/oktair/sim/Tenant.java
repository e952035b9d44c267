package dev.oktair.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated tenant's current state, seeded from a {@link TenantSeed} and changed by the
 * Management API's mutations. Public methods are read-only snapshots for tests (deep copies);
 * the simulator changes state while holding this object's monitor. Thread-safe.
 */
public final class Tenant {
  final Map<String, ObjectNode> users = new LinkedHashMap<>();
  final Map<String, ObjectNode> groups = new LinkedHashMap<>();
  final Map<String, List<String>> groupMembers = new LinkedHashMap<>();
  final Map<String, ObjectNode> apps = new LinkedHashMap<>();
  final Map<String, Map<String, ObjectNode>> appUsers = new LinkedHashMap<>();
  final Map<String, Map<String, ObjectNode>> factors = new LinkedHashMap<>();
  final Map<String, Map<String, ObjectNode>> roles = new LinkedHashMap<>();
  final Map<String, Map<String, ObjectNode>> grants = new LinkedHashMap<>();
  final Map<String, ObjectNode> clients = new LinkedHashMap<>();
  final Map<String, Map<String, ObjectNode>> refreshTokens = new LinkedHashMap<>();
  final Map<String, ObjectNode> apiTokens = new LinkedHashMap<>();
  final Map<String, ObjectNode> policies = new LinkedHashMap<>();
  final Map<String, List<ObjectNode>> policyRules = new LinkedHashMap<>();
  final Map<String, Integer> sessions = new LinkedHashMap<>();
  final Map<String, ObjectNode> idps = new LinkedHashMap<>();
  final Map<String, ObjectNode> zones = new LinkedHashMap<>();
  ObjectNode threatInsight;

  Tenant(TenantSeed seed) {
    seed.users().forEach(u -> users.put(idOf(u), copy(u)));
    seed.groups().forEach(g -> groups.put(idOf(g), copy(g)));
    seed.groupMembers().forEach((g, members) -> groupMembers.put(g, new ArrayList<>(members)));
    seed.apps().forEach(a -> apps.put(idOf(a), copy(a)));
    byId(seed.appUsers(), appUsers);
    byId(seed.factors(), factors);
    byId(seed.roles(), roles);
    byId(seed.grants(), grants);
    byId(seed.refreshTokens(), refreshTokens);
    seed.clients().forEach(c -> clients.put(c.path("client_id").asString(), copy(c)));
    seed.apiTokens().forEach(t -> apiTokens.put(idOf(t), copy(t)));
    seed.policies().forEach(p -> policies.put(idOf(p), copy(p)));
    seed.policyRules().forEach((p, rules) -> policyRules.put(p, new ArrayList<>(rules.stream().map(Tenant::copy).toList())));
    threatInsight = copy(seed.threatInsight());
    TenantDefaults.systemZones(seed.anchor().minus(Duration.ofDays(365))).forEach(z -> zones.put(idOf(z), z));
    seed.networkZones().forEach(z -> zones.put(idOf(z), copy(z)));
    seed.identityProviders().forEach(i -> idps.put(idOf(i), copy(i)));
    TenantDefaults.markSystemPolicies(policies);
    for (ObjectNode u : users.values()) {
      boolean signedIn = "ACTIVE".equals(u.path("status").asString()) && u.hasNonNull("lastLogin");
      sessions.put(idOf(u), signedIn ? 1 : 0);
    }
  }

  /** Points every seeded {@code _links} href at {@code baseUrl}, the simulator's own origin; called once at start. */
  synchronized void serveFrom(String baseUrl) {
    for (Map<String, ObjectNode> m : List.of(users, groups, apps, clients, apiTokens, policies, idps, zones)) {
      m.values().forEach(n -> TenantDefaults.rebaseLinks(n, baseUrl));
    }
    for (Map<String, Map<String, ObjectNode>> m : List.of(appUsers, factors, roles, grants, refreshTokens)) {
      m.values().forEach(children -> children.values().forEach(n -> TenantDefaults.rebaseLinks(n, baseUrl)));
    }
    policyRules.values().forEach(rules -> rules.forEach(n -> TenantDefaults.rebaseLinks(n, baseUrl)));
    TenantDefaults.rebaseLinks(threatInsight, baseUrl);
  }

  /** Returns the user with this id, login, or unambiguous login short name. */
  public synchronized Optional<JsonNode> user(String idOrLogin) {
    return Optional.ofNullable(findUser(idOrLogin)).map(ObjectNode::deepCopy);
  }

  /** Returns every user. */
  public synchronized List<JsonNode> users() {
    return copies(users.values());
  }

  /** Returns the user's current factors. */
  public synchronized List<JsonNode> factors(String userId) {
    return copies(children(factors, userId));
  }

  /** Returns the user's current admin role assignments. */
  public synchronized List<JsonNode> roles(String userId) {
    return copies(children(roles, userId));
  }

  /** Returns the user's active consent grants. */
  public synchronized List<JsonNode> grants(String userId) {
    return copies(children(grants, userId));
  }

  /** Returns the user's active refresh tokens, every client. */
  public synchronized List<JsonNode> refreshTokens(String userId) {
    return copies(children(refreshTokens, userId));
  }

  /** Returns the active API tokens (the simulator's own included). */
  public synchronized List<JsonNode> apiTokens() {
    return copies(apiTokens.values());
  }

  /** Returns the ThreatInsight configuration. */
  public synchronized JsonNode threatInsight() {
    return threatInsight.deepCopy();
  }

  /** Returns the app's assignments ({@code AppUser} objects). */
  public synchronized List<JsonNode> appUsers(String appId) {
    return copies(children(appUsers, appId));
  }

  /** Returns the group's type ({@code OKTA_GROUP}, {@code BUILT_IN}, {@code APP_GROUP}), or null for none. */
  public synchronized String groupType(String groupId) {
    ObjectNode g = groups.get(groupId);
    return g == null ? null : g.path("type").asString();
  }

  /** Returns the ids of the groups the user belongs to. */
  public synchronized List<String> groupIds(String userId) {
    List<String> out = new ArrayList<>();
    groupMembers.forEach((g, members) -> {
      if (members.contains(userId)) {
        out.add(g);
      }
    });
    return out;
  }

  /** Returns the identity providers. */
  public synchronized List<JsonNode> identityProviders() {
    return copies(idps.values());
  }

  /** Returns the network zones, Okta's system zones first. */
  public synchronized List<JsonNode> networkZones() {
    return copies(zones.values());
  }

  /** Returns the ids of the group's members. */
  public synchronized List<String> groupMembers(String groupId) {
    return List.copyOf(groupMembers.getOrDefault(groupId, List.of()));
  }

  /** Returns how many Okta sessions the user holds (0 once cleared). */
  public synchronized int activeSessions(String userId) {
    return sessions.getOrDefault(userId, 0);
  }

  /** Returns the user, or null; the caller holds the monitor. */
  ObjectNode findUser(String idOrLogin) {
    ObjectNode byId = users.get(idOrLogin);
    if (byId != null) {
      return byId;
    }
    String wanted = idOrLogin.toLowerCase(Locale.ROOT);
    ObjectNode shortMatch = null;
    int shortMatches = 0;
    for (ObjectNode u : users.values()) {
      String login = u.path("profile").path("login").asString("").toLowerCase(Locale.ROOT);
      if (login.equals(wanted)) {
        return u;
      }
      int at = login.indexOf('@');
      if (at > 0 && login.substring(0, at).equals(wanted)) {
        shortMatch = u;
        shortMatches++;
      }
    }
    return shortMatches == 1 ? shortMatch : null;
  }

  /** Returns the user or throws Okta's 404; the caller holds the monitor. */
  ObjectNode requireUser(String idOrLogin) {
    ObjectNode u = findUser(idOrLogin);
    if (u == null) {
      throw ApiException.notFound(idOrLogin, "User");
    }
    return u;
  }

  /** Returns the mutable child map of {@code owner}, created on first use. */
  static Map<String, ObjectNode> childMap(Map<String, Map<String, ObjectNode>> all, String owner) {
    return all.computeIfAbsent(owner, k -> new LinkedHashMap<>());
  }

  static Collection<ObjectNode> children(Map<String, Map<String, ObjectNode>> all, String owner) {
    Map<String, ObjectNode> m = all.get(owner);
    return m == null ? List.of() : m.values();
  }

  static String idOf(JsonNode node) {
    String id = node.path("id").asString(null);
    if (id == null) {
      throw new IllegalArgumentException("seed object without an id: " + node);
    }
    return id;
  }

  private static void byId(Map<String, List<JsonNode>> seed, Map<String, Map<String, ObjectNode>> into) {
    seed.forEach((owner, list) -> {
      Map<String, ObjectNode> m = childMap(into, owner);
      list.forEach(n -> m.put(idOf(n), copy(n)));
    });
  }

  private static ObjectNode copy(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("seed object is not a JSON object: " + node);
    }
    return (ObjectNode) node.deepCopy();
  }

  private static List<JsonNode> copies(Collection<ObjectNode> nodes) {
    List<JsonNode> out = new ArrayList<>(nodes.size());
    nodes.forEach(n -> out.add(n.deepCopy()));
    return out;
  }
}
