package dev.oktair.sim;

import java.time.Clock;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ThreatInsight configuration: read it, and update {@code action} (none, audit, block) and
 * {@code excludeZones}; an update writes {@code security.threat.configuration.update}.
 */
final class ThreatInsightRoute implements Router.Routes {
  private static final String PATH = "/api/v1/threats/configuration";
  private static final Set<String> ACTIONS = Set.of("none", "audit", "block");

  private final Tenant tenant;
  private final AdminEvents events;
  private final Clock clock;

  ThreatInsightRoute(Tenant tenant, AdminEvents events, Clock clock) {
    this.tenant = tenant;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void register(Router router) {
    router.get(PATH, "okta.threatInsights.read", r -> Response.ok(tenant.threatInsight));
    router.post(PATH, "okta.threatInsights.manage", this::update);
  }

  private Response update(Request r) {
    JsonNode body = r.jsonBody();
    String action = body.path("action").asString(null);
    if (action == null || !ACTIONS.contains(action)) {
      throw ApiException.validation("action", "action: The action must be one of none, audit, block.");
    }
    JsonNode zones = body.path("excludeZones");
    if (!zones.isMissingNode() && !zones.isNull() && !zones.isArray()) {
      throw ApiException.validation("excludeZones", "excludeZones: must be an array of network zone ids.");
    }
    ObjectNode config = tenant.threatInsight;
    String previous = config.path("action").asString("none");
    config.put("action", action);
    if (zones.isArray()) {
      config.set("excludeZones", zones.deepCopy());
    }
    config.put("lastUpdated", Ids.time(clock.instant()));
    events.publish(events.start(AdminEvents.Kind.THREAT_CONFIG_UPDATE, r)
        .debug("previousAction", previous)
        .debug("action", action));
    return Response.ok(config);
  }
}
