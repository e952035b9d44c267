package dev.oktair.sim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * Identity providers: list ({@code q} prefix on the name, {@code type}), one, and the lifecycle
 * {@code POST /api/v1/idps/{idpId}/lifecycle/deactivate|activate} (200 with the IdP; writes
 * {@code system.idp.lifecycle.deactivate|activate}). Repeating a transition answers 200 with the
 * unchanged IdP and writes nothing (Okta's answer here is UNCONFIRMED; okta-api.md). Each IdP is
 * served with the lifecycle link valid for its status.
 */
final class IdpsRoute implements Router.Routes {
  private final Tenant tenant;
  private final AdminEvents events;
  private final Clock clock;

  IdpsRoute(Tenant tenant, AdminEvents events, Clock clock) {
    this.tenant = tenant;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void register(Router router) {
    router.get("/api/v1/idps", "okta.idps.read", this::list);
    router.get("/api/v1/idps/{idpId}", "okta.idps.read", r -> Response.ok(view(idp(r.param("idpId")), r.baseUrl())));
    router.post("/api/v1/idps/{idpId}/lifecycle/deactivate", "okta.idps.manage", r -> transition(r, false));
    router.post("/api/v1/idps/{idpId}/lifecycle/activate", "okta.idps.manage", r -> transition(r, true));
  }

  private Response list(Request r) {
    String q = r.query("q") == null ? null : r.query("q").toLowerCase(Locale.ROOT);
    String type = r.query("type");
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode idp : tenant.idps.values()) {
      boolean nameOk = q == null || idp.path("name").asString("").toLowerCase(Locale.ROOT).startsWith(q);
      if (nameOk && (type == null || type.equals(idp.path("type").asString()))) {
        out.add(view(idp, r.baseUrl()));
      }
    }
    return Paging.page(r, out, "id", 20, 200);
  }

  private Response transition(Request r, boolean activate) {
    ObjectNode idp = idp(r.param("idpId"));
    String to = activate ? "ACTIVE" : "INACTIVE";
    if (!to.equals(idp.path("status").asString())) {
      idp.put("status", to);
      idp.put("lastUpdated", Ids.time(clock.instant()));
      String name = idp.path("name").asString();
      events.publish(events.start(activate ? AdminEvents.Kind.IDP_ACTIVATE : AdminEvents.Kind.IDP_DEACTIVATE, r)
          .target(idp.path("id").asString(), "IdentityProvider", "unknown", name)
          .debug("idpName", name)
          .debug("type", idp.path("type").asString())
          .debug("protocol", idp.path("protocol").path("type").asString(idp.path("type").asString())));
    }
    return Response.ok(view(idp, r.baseUrl()));
  }

  private ObjectNode idp(String id) {
    ObjectNode idp = tenant.idps.get(id);
    if (idp == null) {
      throw ApiException.notFound(id, "IdentityProvider");
    }
    return idp;
  }

  private static ObjectNode view(ObjectNode idp, String baseUrl) {
    ObjectNode v = idp.deepCopy();
    String self = baseUrl + "/api/v1/idps/" + v.path("id").asString();
    ObjectNode links = v.putObject("_links");
    links.putObject("self").put("href", self);
    links.putObject("users").put("href", self + "/users");
    String op = "ACTIVE".equals(v.path("status").asString()) ? "deactivate" : "activate";
    links.putObject(op).put("href", self + "/lifecycle/" + op).putObject("hints").putArray("allow").add("POST");
    return v;
  }
}
