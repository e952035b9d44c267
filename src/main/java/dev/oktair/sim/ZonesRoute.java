package dev.oktair.sim;

import dev.oktair.events.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Network zones: list ({@code filter} on id / usage / system), one, create ({@code POST}, 200,
 * {@code zone.create}), full replace ({@code PUT}, 200, {@code zone.update}; the type can't
 * change, a system zone keeps its name, IP gateways are {@code CIDR} or {@code RANGE} entries, at
 * most 1000 in a blocklist and 150 otherwise) and lifecycle activate/deactivate (200,
 * {@code zone.activate|deactivate}). Every org has Okta's system zones, {@code BlockedIpZone}
 * among them ({@link TenantDefaults}).
 */
final class ZonesRoute implements Router.Routes {
  private static final String ZONE = "/api/v1/zones/{zoneId}";
  private static final Set<String> TYPES = Set.of("IP", "DYNAMIC", "DYNAMIC_V2");
  private static final Set<String> USAGES = Set.of("POLICY", "BLOCKLIST");

  private final Tenant tenant;
  private final AdminEvents events;
  private final Clock clock;

  ZonesRoute(Tenant tenant, AdminEvents events, Clock clock) {
    this.tenant = tenant;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void register(Router router) {
    router.get("/api/v1/zones", "okta.networkZones.read", this::list);
    router.post("/api/v1/zones", "okta.networkZones.manage", this::create);
    router.get(ZONE, "okta.networkZones.read", r -> Response.ok(view(zone(r.param("zoneId")), r.baseUrl())));
    router.put(ZONE, "okta.networkZones.manage", this::replace);
    router.post(ZONE + "/lifecycle/activate", "okta.networkZones.manage", r -> lifecycle(r, true));
    router.post(ZONE + "/lifecycle/deactivate", "okta.networkZones.manage", r -> lifecycle(r, false));
  }

  private Response list(Request r) {
    String filter = r.query("filter");
    Predicate<JsonNode> keep = filter == null || filter.isBlank() ? z -> true : UserSearch.zoneFilter(filter);
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode z : tenant.zones.values()) {
      if (keep.test(z)) {
        out.add(view(z, r.baseUrl()));
      }
    }
    return Paging.page(r, out, "id", 1000, 1000);
  }

  private Response create(Request r) {
    JsonNode body = object(r);
    String type = body.path("type").asString("");
    if (!TYPES.contains(type)) {
      throw ApiException.validation("type", "type: The network zone type must be one of IP, DYNAMIC, DYNAMIC_V2.");
    }
    ObjectNode zone = (ObjectNode) body.deepCopy();
    zone.remove("_links");
    zone.put("id", Ids.random("nzo"));
    zone.put("created", Ids.time(clock.instant()));
    zone.put("system", false);
    zone.put("status", body.path("status").asString("ACTIVE"));
    apply(zone, body, false);
    tenant.zones.put(zone.path("id").asString(), zone);
    events.publish(event(AdminEvents.Kind.ZONE_CREATE, r, zone));
    return Response.ok(view(zone, r.baseUrl()));
  }

  private Response replace(Request r) {
    ObjectNode zone = zone(r.param("zoneId"));
    JsonNode body = object(r);
    if (!zone.path("type").asString().equals(body.path("type").asString())) {
      throw ApiException.validation("type", "type: The type of a network zone can't be changed.");
    }
    boolean system = zone.path("system").asBoolean(false);
    if (system && !zone.path("name").asString().equals(body.path("name").asString())) {
      throw ApiException.validation("name", "name: The name of a system network zone can't be changed.");
    }
    ObjectNode updated = zone.deepCopy();
    apply(updated, body, system);
    tenant.zones.put(zone.path("id").asString(), updated);
    events.publish(event(AdminEvents.Kind.ZONE_UPDATE, r, updated));
    return Response.ok(view(updated, r.baseUrl()));
  }

  private Response lifecycle(Request r, boolean activate) {
    ObjectNode zone = zone(r.param("zoneId"));
    String to = activate ? "ACTIVE" : "INACTIVE";
    if (!to.equals(zone.path("status").asString())) {
      zone.put("status", to);
      zone.put("lastUpdated", Ids.time(clock.instant()));
      events.publish(event(activate ? AdminEvents.Kind.ZONE_ACTIVATE : AdminEvents.Kind.ZONE_DEACTIVATE, r, zone));
    }
    return Response.ok(view(zone, r.baseUrl()));
  }

  /** Validates {@code body} and copies its replaceable fields onto {@code zone}. */
  private void apply(ObjectNode zone, JsonNode body, boolean system) {
    String name = body.path("name").asString("");
    if (name.isBlank()) {
      throw ApiException.validation("name", "name: The field cannot be left blank.");
    }
    String usage = body.path("usage").asString(zone.path("usage").asString("POLICY"));
    if (!USAGES.contains(usage)) {
      throw ApiException.validation("usage", "usage: The usage must be POLICY or BLOCKLIST.");
    }
    zone.put("name", name);
    zone.put("usage", usage);
    if ("IP".equals(zone.path("type").asString())) {
      int max = system && "LegacyIpZone".equals(name) ? 5000 : "BLOCKLIST".equals(usage) ? 1000 : 150;
      zone.set("gateways", addresses(body.get("gateways"), "gateways", max));
      zone.set("proxies", addresses(body.get("proxies"), "proxies", max));
    } else {
      for (String field : List.of("asns", "locations", "proxyType", "ipServiceCategories")) {
        if (body.has(field)) {
          zone.set(field, body.get(field).deepCopy());
        }
      }
    }
    zone.put("lastUpdated", Ids.time(clock.instant()));
  }

  /** Returns the validated {@code [{type: CIDR|RANGE, value}]} list, or JSON null when absent. */
  private static JsonNode addresses(JsonNode list, String field, int max) {
    if (list == null || list.isNull()) {
      return Json.MAPPER.nullNode();
    }
    if (!list.isArray()) {
      throw ApiException.validation(field, field + ": must be a list of {type, value}.");
    }
    if (list.size() > max) {
      throw ApiException.validation(field, field + ": A network zone can have at most " + max + " entries.");
    }
    for (JsonNode a : list) {
      String type = a.path("type").asString("");
      String value = a.path("value").asString("");
      boolean ok = "CIDR".equals(type) ? IpText.isCidr(value) : "RANGE".equals(type) && IpText.isRange(value);
      if (!ok) {
        throw ApiException.validation(field, field + ": '" + value + "' is not a valid " + type + " value.");
      }
    }
    return list.deepCopy();
  }

  private SimEvent event(AdminEvents.Kind kind, Request r, ObjectNode zone) {
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.put("type", zone.path("type").asString());
    data.set("gateways", zone.path("gateways").isArray() ? zone.get("gateways").deepCopy() : Json.MAPPER.createArrayNode());
    data.set("proxies", zone.path("proxies").isArray() ? zone.get("proxies").deepCopy() : Json.MAPPER.createArrayNode());
    return events.start(kind, r)
        .target(zone.path("id").asString(), "NetworkZone", "unknown", zone.path("name").asString())
        .debug("zoneData", data.toString());
  }

  private static JsonNode object(Request r) {
    JsonNode body = r.jsonBody();
    if (!body.isObject()) {
      throw ApiException.validation("request body", "The request body must be a network zone object.");
    }
    return body;
  }

  private ObjectNode zone(String id) {
    ObjectNode z = tenant.zones.get(id);
    if (z == null) {
      throw ApiException.notFound(id, "Zone");
    }
    return z;
  }

  private static ObjectNode view(ObjectNode zone, String baseUrl) {
    ObjectNode v = zone.deepCopy();
    String self = baseUrl + "/api/v1/zones/" + v.path("id").asString();
    ObjectNode links = v.putObject("_links");
    links.putObject("self").put("href", self).putObject("hints").putArray("allow").add("GET").add("PUT").add("DELETE");
    String op = "ACTIVE".equals(v.path("status").asString()) ? "deactivate" : "activate";
    links.putObject(op).put("href", self + "/lifecycle/" + op).putObject("hints").putArray("allow").add("POST");
    return v;
  }
}
