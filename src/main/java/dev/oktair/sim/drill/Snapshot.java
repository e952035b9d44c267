package dev.oktair.sim.drill;

import dev.oktair.sim.Tenant;
import dev.oktair.sim.sp.SpFakes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the tenant holds at one moment, read in process through the simulator's read-only
 * snapshots and the fake SPs' state: every removable object by key ({@code kind:id}, an SP session
 * as {@code sp-session:service/userName} while the SP has not revoked it) with its owner, each user's status
 * and login, and whether each user holds a session. Immutable once taken.
 */
final class Snapshot {
  /** Key to the owning user's id. */
  final Map<String, String> objects = new LinkedHashMap<>();
  final Map<String, String> status = new LinkedHashMap<>();
  final Map<String, String> logins = new LinkedHashMap<>();
  final Map<String, Integer> sessions = new LinkedHashMap<>();
  /** Factor key to its authenticator: Okta resets every Okta Verify enrolment of a user together. */
  final Map<String, String> authenticators = new LinkedHashMap<>();

  static Snapshot of(Tenant tenant, List<String> appIds, SpFakes sps, List<SpFakes.Session> spSessions) {
    Snapshot s = new Snapshot();
    // read from each fake's own state: a revocation counts once it has taken effect there
    spSessions.stream().filter(x -> !sps.sessionsRevoked(x.service(), x.userName()))
        .forEach(x -> s.objects.put("sp-session:" + x.service() + "/" + x.userName(), x.userId()));
    for (JsonNode u : tenant.users()) {
      String id = u.path("id").asString();
      s.status.put(id, u.path("status").asString());
      s.logins.put(id, u.path("profile").path("login").asString());
      s.sessions.put(id, tenant.activeSessions(id));
      for (JsonNode f : tenant.factors(id)) {
        s.objects.put(key("factor", f), id);
        s.authenticators.put(key("factor", f), authenticator(f));
      }
      tenant.roles(id).forEach(r -> s.objects.put(key("admin-role", r), id));
      tenant.grants(id).forEach(g -> s.objects.put(key("grant", g), id));
      tenant.refreshTokens(id).forEach(t -> s.objects.put(key("refresh-token", t), id));
      tenant.groupIds(id).forEach(g -> s.objects.put("group-membership:" + g + "/" + id, id));
    }
    // A deactivated IdP no longer routes sign-ins: only active ones are footholds still open.
    tenant.identityProviders().stream().filter(i -> "ACTIVE".equals(i.path("status").asString()))
        .forEach(i -> s.objects.put(key("idp", i), ""));
    tenant.apiTokens().forEach(t -> s.objects.put(key("api-token", t), t.path("userId").asString()));
    for (String app : appIds) {
      for (JsonNode au : tenant.appUsers(app)) {
        // Only direct assignments: a group's app users come and go with the group membership.
        if ("USER".equals(au.path("scope").asString())) {
          s.objects.put("assignment:" + app + "/" + au.path("id").asString(), au.path("id").asString());
        }
      }
    }
    return s;
  }

  private static String authenticator(JsonNode factor) {
    String type = factor.path("factorType").asString("");
    boolean oktaVerify = type.equals("push") || type.equals("signed_nonce")
        || (type.equals("token:software:totp") && "OKTA".equals(factor.path("provider").asString()));
    return oktaVerify ? "okta-verify" : type;
  }

  private static String key(String kind, JsonNode node) {
    return kind + ":" + node.path("id").asString();
  }

  String login(String userId) {
    return logins.getOrDefault(userId, userId);
  }
}
