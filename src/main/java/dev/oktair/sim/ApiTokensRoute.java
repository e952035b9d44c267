package dev.oktair.sim;

import java.util.ArrayList;
import tools.jackson.databind.node.ObjectNode;

/**
 * API tokens: list the active ones, read one, revoke one or the calling token ({@code current},
 * SSWS only). Revoking writes {@code system.api_token.revoke}; a revoked simulator token stops
 * authenticating, as in Okta.
 */
final class ApiTokensRoute implements Router.Routes {
  private final Tenant tenant;
  private final AdminEvents events;

  ApiTokensRoute(Tenant tenant, AdminEvents events) {
    this.tenant = tenant;
    this.events = events;
  }

  @Override
  public void register(Router router) {
    router.get("/api/v1/api-tokens", "okta.apiTokens.read", r -> Paging.all(new ArrayList<>(tenant.apiTokens.values())));
    router.delete("/api/v1/api-tokens/current", "okta.apiTokens.manage", this::revokeCurrent);
    router.get("/api/v1/api-tokens/{id}", "okta.apiTokens.read", r -> Response.ok(token(r.param("id"))));
    router.delete("/api/v1/api-tokens/{id}", "okta.apiTokens.manage", r -> revoke(r, r.param("id")));
  }

  private Response revokeCurrent(Request r) {
    if (r.principal().apiTokenId() == null) {
      throw ApiException.forbidden();
    }
    return revoke(r, r.principal().apiTokenId());
  }

  private Response revoke(Request r, String id) {
    ObjectNode token = token(id);
    tenant.apiTokens.remove(id);
    events.publish(revokeEvent(events, r, token));
    return Response.noContent();
  }

  /** Returns the {@code system.api_token.revoke} event of {@code token}. */
  static SimEvent revokeEvent(AdminEvents events, Request r, ObjectNode token) {
    return events.start(AdminEvents.Kind.API_TOKEN_REVOKE, r)
        .target(token.path("id").asString(), "Token", "unknown", token.path("name").asString())
        .debug("networkConnection", token.path("network").path("connection").asString("ANYWHERE"));
  }

  private ObjectNode token(String id) {
    ObjectNode token = tenant.apiTokens.get(id);
    if (token == null) {
      throw ApiException.notFound(id, "ApiToken");
    }
    return token;
  }
}
