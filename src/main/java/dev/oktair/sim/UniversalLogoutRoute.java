package dev.oktair.sim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Universal Logout, {@code POST /oauth2/v1/global-token-revocation} with
 * {@code {"sub_id":{"format":"opaque","id":"00u..."}}} (SSWS, or a bearer token with
 * {@code okta.universalLogout.manage}): ends the user's Okta sessions, revokes their refresh
 * tokens and the API tokens they created, answers 204 and writes
 * {@code user.authentication.universal_logout} (plus one revoke event per token). Orgs without
 * the feature answer 403 E0000006; a body that names no user of the org answers 400 E0000001.
 * The {@code iss_sub} format (an external IdP's subject) is not modelled: 400.
 */
final class UniversalLogoutRoute implements Router.Routes {
  static final String PATH = "/oauth2/v1/global-token-revocation";

  private final Tenant tenant;
  private final AdminEvents events;
  private final boolean offered;

  UniversalLogoutRoute(Tenant tenant, AdminEvents events, boolean offered) {
    this.tenant = tenant;
    this.events = events;
    this.offered = offered;
  }

  @Override
  public void register(Router router) {
    router.post(PATH, "okta.universalLogout.manage", this::revoke);
  }

  private Response revoke(Request r) {
    if (!offered) {
      throw ApiException.forbidden();
    }
    JsonNode sub = r.jsonBody().path("sub_id");
    if (!"opaque".equals(sub.path("format").asString(""))) {
      throw ApiException.validation("sub_id", "sub_id: The format must be 'opaque' with the id of an Okta user.");
    }
    ObjectNode user = tenant.users.get(sub.path("id").asString(""));
    if (user == null) {
      throw ApiException.validation("sub_id", "sub_id: The subject does not identify a user of this org.");
    }
    String userId = user.path("id").asString();
    tenant.sessions.put(userId, 0);
    List<SimEvent> emitted = new ArrayList<>();
    emitted.add(events.forUser(AdminEvents.Kind.UNIVERSAL_LOGOUT, r, user).debug("traceId", r.requestId()));
    emitted.addAll(ConsentRoute.revokeTokens(tenant, events, r, user, null));
    for (Iterator<ObjectNode> it = tenant.apiTokens.values().iterator(); it.hasNext(); ) {
      ObjectNode token = it.next();
      if (userId.equals(token.path("userId").asString())) {
        it.remove();
        emitted.add(ApiTokensRoute.revokeEvent(events, r, token));
      }
    }
    events.publish(emitted);
    return Response.noContent();
  }
}
