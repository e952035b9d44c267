package dev.oktair.sim;

import static dev.oktair.sim.ContainmentEndpointsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Network zones: Okta's system zones exist, the blocklist can be replaced, and bad bodies are refused. */
class ZonesTest {
  private OktaSimulator sim;
  private SimHttp http;

  @BeforeEach
  void start() {
    sim = OktaSimulator.start(SimulatorOptions.builder().seed(TestTenant.seed(5)).clock(SimClock.at(TestTenant.NOW)).build());
    http = new SimHttp(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void systemZonesAndFilters() {
    assertThat(names(null)).containsExactly("LegacyIpZone", "BlockedIpZone", "DefaultEnhancedDynamicZone", "DefaultExemptIpZone");
    assertThat(names("usage eq \"BLOCKLIST\"")).containsExactly("BlockedIpZone", "DefaultEnhancedDynamicZone");
    assertThat(names("system eq true and usage eq \"BLOCKLIST\"")).hasSize(2);
    assertThat(names("system eq false")).isEmpty();
    assertError(http.get("/api/v1/zones?filter=" + enc("name eq \"x\"")), 400, "E0000053");
    assertError(http.get("/api/v1/zones/nzonope"), 404, "E0000007");
  }

  @Test
  void replacingTheBlocklistZone() {
    ObjectNode zone = blocked();
    zone.putArray("gateways").addObject().put("type", "RANGE").put("value", "203.0.113.9-203.0.113.9");
    HttpResponse<String> r = put(zone);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(SimHttp.json(r).path("gateways").get(0).path("value").asString()).isEqualTo("203.0.113.9-203.0.113.9");
    assertThat(blocked().path("gateways")).hasSize(1);
    assertThat(blocked().path("lastUpdated").asString()).isEqualTo("2026-03-01T12:00:00.000Z");
    List<LogEvent> updates = sim.events().stream().filter(e -> e.eventType().equals("zone.update")).toList();
    assertThat(updates).singleElement().satisfies(e -> {
      assertThat(e.targets().get(0).displayName()).isEqualTo("BlockedIpZone");
      JsonNode data = Json.MAPPER.readTree(e.debugData("zoneData"));
      assertThat(data.path("gateways").get(0).path("value").asString()).isEqualTo("203.0.113.9-203.0.113.9");
    });
  }

  @Test
  void badReplacementsAreRefusedAndChangeNothing() {
    ObjectNode zone = blocked();
    zone.putArray("gateways").addObject().put("type", "CIDR").put("value", "203.0.113.9");
    assertError(put(zone), 400, "E0000001");
    ObjectNode renamed = blocked().put("name", "Mine");
    assertError(put(renamed), 400, "E0000001");
    ObjectNode retyped = blocked().put("type", "DYNAMIC");
    assertError(put(retyped), 400, "E0000001");
    ObjectNode tooMany = blocked();
    var list = tooMany.putArray("gateways");
    for (int i = 0; i < 1001; i++) {
      list.addObject().put("type", "CIDR").put("value", "10." + (i / 256) + "." + (i % 256) + ".0/24");
    }
    assertError(put(tooMany), 400, "E0000001");
    assertThat(blocked().path("gateways").isNull()).isTrue();
    assertThat(sim.events()).noneMatch(e -> e.eventType().startsWith("zone."));
  }

  @Test
  void createAndDeactivateAZone() {
    HttpResponse<String> r = http.post("/api/v1/zones", "{\"type\":\"IP\",\"name\":\"IR block\",\"usage\":\"BLOCKLIST\","
        + "\"gateways\":[{\"type\":\"CIDR\",\"value\":\"203.0.113.0/24\"}],\"proxies\":null}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String id = SimHttp.json(r).path("id").asString();
    assertThat(id).startsWith("nzo");
    assertThat(SimHttp.json(r).path("system").asBoolean()).isFalse();
    JsonNode off = SimHttp.json(http.post("/api/v1/zones/" + id + "/lifecycle/deactivate", null));
    assertThat(off.path("status").asString()).isEqualTo("INACTIVE");
    assertThat(sim.events()).extracting(LogEvent::eventType).filteredOn(t -> t.startsWith("zone."))
        .containsExactly("zone.create", "zone.deactivate");
  }

  private ObjectNode blocked() {
    for (JsonNode z : SimHttp.json(http.get("/api/v1/zones"))) {
      if (z.path("name").asString().equals("BlockedIpZone")) {
        return (ObjectNode) z;
      }
    }
    throw new AssertionError("no BlockedIpZone");
  }

  private HttpResponse<String> put(ObjectNode zone) {
    return http.send("PUT", "/api/v1/zones/" + zone.path("id").asString(), "SSWS " + sim.apiToken(), zone.toString());
  }

  private List<String> names(String filter) {
    String path = "/api/v1/zones" + (filter == null ? "" : "?filter=" + enc(filter));
    return SimHttp.json(http.get(path)).findValuesAsString("name");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
