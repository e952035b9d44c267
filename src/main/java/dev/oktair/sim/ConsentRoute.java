package dev.oktair.sim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user's OAuth footprint: consent grants ({@code /users/{userId}/grants}), the clients holding
 * grants or refresh tokens ({@code /users/{userId}/clients}), and per client its grants and
 * refresh tokens, each listable and revocable. Revocations write
 * {@code app.oauth2.as.consent.revoke} / {@code app.oauth2.as.token.revoke}.
 */
final class ConsentRoute implements Router.Routes {
  private static final String USER_GRANTS = "/api/v1/users/{userId}/grants";
  private static final String CLIENT = "/api/v1/users/{userId}/clients/{clientId}";

  private final Tenant tenant;
  private final AdminEvents events;

  ConsentRoute(Tenant tenant, AdminEvents events) {
    this.tenant = tenant;
    this.events = events;
  }

  @Override
  public void register(Router router) {
    router.get(USER_GRANTS, "okta.users.read", r -> grants(r, null));
    router.delete(USER_GRANTS, "okta.users.manage", r -> revokeGrants(r, null, null));
    router.get(USER_GRANTS + "/{grantId}", "okta.users.read", this::grant);
    router.delete(USER_GRANTS + "/{grantId}", "okta.users.manage", r -> revokeGrants(r, null, r.param("grantId")));
    router.get("/api/v1/users/{userId}/clients", "okta.users.read", this::clients);
    router.get(CLIENT + "/grants", "okta.users.read", r -> grants(r, client(r)));
    router.delete(CLIENT + "/grants", "okta.users.manage", r -> revokeGrants(r, client(r), null));
    router.get(CLIENT + "/tokens", "okta.users.read", this::tokens);
    router.delete(CLIENT + "/tokens", "okta.users.manage", r -> revokeTokens(r, null));
    router.get(CLIENT + "/tokens/{tokenId}", "okta.users.read", this::token);
    router.delete(CLIENT + "/tokens/{tokenId}", "okta.users.manage", r -> revokeTokens(r, r.param("tokenId")));
  }

  /**
   * Removes the user's refresh tokens (of one client, or all when {@code clientId} is null) and
   * returns one revoke event per token. The caller holds the tenant lock and publishes.
   */
  static List<SimEvent> revokeTokens(Tenant tenant, AdminEvents events, Request r, ObjectNode user, String clientId) {
    List<SimEvent> out = new ArrayList<>();
    Map<String, ObjectNode> tokens = tenant.refreshTokens.getOrDefault(user.path("id").asString(), Map.of());
    for (Iterator<ObjectNode> it = tokens.values().iterator(); it.hasNext(); ) {
      ObjectNode t = it.next();
      if (clientId == null || clientId.equals(t.path("clientId").asString())) {
        it.remove();
        out.add(tokenEvent(tenant, events, r, user, t));
      }
    }
    return out;
  }

  private Response grants(Request r, String clientId) {
    ObjectNode user = tenant.requireUser(r.param("userId"));
    String scopeId = r.query("scopeId");
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode g : Tenant.children(tenant.grants, user.path("id").asString())) {
      boolean clientOk = clientId == null || clientId.equals(g.path("clientId").asString());
      boolean scopeOk = scopeId == null || scopeId.equals(g.path("scopeId").asString());
      if (clientOk && scopeOk) {
        out.add(g);
      }
    }
    return Paging.page(r, out, "id", 20, 200);
  }

  private Response grant(Request r) {
    ObjectNode user = tenant.requireUser(r.param("userId"));
    ObjectNode g = tenant.grants.getOrDefault(user.path("id").asString(), Map.of()).get(r.param("grantId"));
    if (g == null) {
      throw ApiException.notFound(r.param("grantId"), "OAuth2ScopeConsentGrant");
    }
    return Response.ok(g);
  }

  private Response revokeGrants(Request r, String clientId, String grantId) {
    ObjectNode user = tenant.requireUser(r.param("userId"));
    Map<String, ObjectNode> grants = tenant.grants.getOrDefault(user.path("id").asString(), new LinkedHashMap<>());
    if (grantId != null && !grants.containsKey(grantId)) {
      throw ApiException.notFound(grantId, "OAuth2ScopeConsentGrant");
    }
    List<SimEvent> emitted = new ArrayList<>();
    for (Iterator<ObjectNode> it = grants.values().iterator(); it.hasNext(); ) {
      ObjectNode g = it.next();
      boolean hit = grantId != null ? grantId.equals(g.path("id").asString())
          : clientId == null || clientId.equals(g.path("clientId").asString());
      if (hit) {
        it.remove();
        String cid = g.path("clientId").asString();
        emitted.add(events.forUser(AdminEvents.Kind.CONSENT_REVOKE, r, user)
            .target(cid, "AppInstance", clientName(tenant, cid), clientName(tenant, cid))
            .debug("scopeId", g.path("scopeId").asString()));
      }
    }
    events.publish(emitted);
    return Response.noContent();
  }

  private Response clients(Request r) {
    ObjectNode user = tenant.requireUser(r.param("userId"));
    String userId = user.path("id").asString();
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    for (ObjectNode g : Tenant.children(tenant.grants, userId)) {
      addClient(out, g.path("clientId").asString());
    }
    for (ObjectNode t : Tenant.children(tenant.refreshTokens, userId)) {
      addClient(out, t.path("clientId").asString());
    }
    return Paging.all(new ArrayList<>(out.values()));
  }

  private Response tokens(Request r) {
    ObjectNode user = tenant.requireUser(r.param("userId"));
    String clientId = client(r);
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode t : Tenant.children(tenant.refreshTokens, user.path("id").asString())) {
      if (clientId.equals(t.path("clientId").asString())) {
        out.add(t);
      }
    }
    return Paging.page(r, out, "id", 20, 200);
  }

  private Response token(Request r) {
    ObjectNode user = tenant.requireUser(r.param("userId"));
    String clientId = client(r);
    ObjectNode t = tenant.refreshTokens.getOrDefault(user.path("id").asString(), Map.of()).get(r.param("tokenId"));
    if (t == null || !clientId.equals(t.path("clientId").asString())) {
      throw ApiException.notFound(r.param("tokenId"), "OAuth2RefreshToken");
    }
    return Response.ok(t);
  }

  private Response revokeTokens(Request r, String tokenId) {
    ObjectNode user = tenant.requireUser(r.param("userId"));
    String clientId = client(r);
    if (tokenId == null) {
      events.publish(revokeTokens(tenant, events, r, user, clientId));
      return Response.noContent();
    }
    Map<String, ObjectNode> tokens = tenant.refreshTokens.getOrDefault(user.path("id").asString(), Map.of());
    ObjectNode t = tokens.get(tokenId);
    if (t == null || !clientId.equals(t.path("clientId").asString())) {
      throw ApiException.notFound(tokenId, "OAuth2RefreshToken");
    }
    tokens.remove(tokenId);
    events.publish(tokenEvent(tenant, events, r, user, t));
    return Response.noContent();
  }

  /** Returns the path's client id; 404 when the tenant has no such OAuth client. */
  private String client(Request r) {
    String clientId = r.param("clientId");
    if (!tenant.clients.containsKey(clientId)) {
      throw ApiException.notFound(clientId, "OAuth2Client");
    }
    return clientId;
  }

  private void addClient(Map<String, ObjectNode> out, String clientId) {
    ObjectNode c = tenant.clients.get(clientId);
    if (c != null) {
      out.putIfAbsent(clientId, c);
    }
  }

  private static SimEvent tokenEvent(Tenant tenant, AdminEvents events, Request r, ObjectNode user, ObjectNode token) {
    String cid = token.path("clientId").asString();
    return events.forUser(AdminEvents.Kind.TOKEN_REVOKE, r, user)
        .target(cid, "AppInstance", clientName(tenant, cid), clientName(tenant, cid))
        .target(token.path("id").asString(), "RefreshToken", "unknown", "Refresh Token");
  }

  private static String clientName(Tenant tenant, String clientId) {
    ObjectNode c = tenant.clients.get(clientId);
    return c == null ? clientId : c.path("client_name").asString(clientId);
  }
}
