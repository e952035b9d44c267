package dev.oktair.sim;

import static dev.oktair.sim.ContainmentEndpointsTest.assertError;
import static dev.oktair.sim.TestTenant.BOB;
import static dev.oktair.sim.TestTenant.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.sim.scenario.Scenarios;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/users} honours {@code search}, {@code filter} and {@code q} as Okta does;
 * every link the simulator serves stays on its own origin; the request journal file holds no
 * secrets.
 */
class UsersSearchAndLinksTest {
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
  void searchFilterAndQ() {
    assertThat(ids("search", "profile.login eq \"bob@contoso.com\"")).containsExactly(BOB);
    assertThat(ids("search", "status eq \"ACTIVE\" and profile.firstName sw \"a\"")).containsExactly(TestTenant.ALICE);
    assertThat(ids("search", "(status eq \"SUSPENDED\" or profile.lastName eq \"victim\") and id pr"))
        .containsExactly(BOB, CAROL);
    assertThat(ids("search", "profile.email co \"ROL@\"")).containsExactly(CAROL);
    assertThat(ids("search", "lastLogin gt \"2026-02-01T00:00:00.000Z\"")).containsExactly(TestTenant.ALICE, BOB, CAROL);
    assertThat(ids("search", "profile.login eq \"nobody@contoso.com\"")).isEmpty();
    assertThat(ids("filter", "status eq \"SUSPENDED\"")).containsExactly(CAROL);
    assertThat(ids("q", "bo")).containsExactly(BOB);
    assertThat(ids("q", "contoso")).isEmpty(); // q is a prefix of names and email, not of login's domain

    assertError(http.get("/api/v1/users?search=" + enc("profile.title co \"x\"")), 400, "E0000031");
    assertError(http.get("/api/v1/users?search=" + enc("profile.login eq")), 400, "E0000031");
    assertError(http.get("/api/v1/users?search=" + enc("(status eq \"ACTIVE\"")), 400, "E0000031");
    assertError(http.get("/api/v1/users?filter=" + enc("profile.title eq \"x\"")), 400, "E0000053");
    assertError(http.get("/api/v1/users?filter=" + enc("status sw \"A\"")), 400, "E0000053");
  }

  @Test
  void deprovisionedUsersOnlyThroughSearchOrAStatusFilter() {
    assertThat(http.post("/api/v1/users/" + BOB + "/lifecycle/deactivate", null).statusCode()).isEqualTo(200);
    assertThat(ids(null, null)).containsExactly(TestTenant.ALICE, CAROL);
    assertThat(ids("q", "bob")).isEmpty();
    assertThat(ids("search", "profile.login eq \"bob@contoso.com\"")).containsExactly(BOB);
    assertThat(ids("filter", "status eq \"DEPROVISIONED\"")).containsExactly(BOB);
  }

  @Test
  void aScenarioTenantsLinksAllPointAtTheSimulatorAndItsDefaultPolicyIsSystem() {
    sim.close();
    sim = OktaSimulator.start(SimulatorOptions.builder().seed(Scenarios.load(Scenarios.DEFAULT, 3, TestTenant.NOW))
        .clock(SimClock.at(TestTenant.NOW)).build());
    http = new SimHttp(sim);
    JsonNode users = SimHttp.json(http.get("/api/v1/users?limit=5"));
    String someone = users.get(0).path("id").asString();
    String app = SimHttp.json(http.get("/api/v1/apps?limit=1")).get(0).path("id").asString();
    List<String> hrefs = new ArrayList<>();
    for (String path : List.of("/api/v1/users?limit=5", "/api/v1/apps", "/api/v1/apps/" + app + "/users",
        "/api/v1/users/" + someone + "/factors", "/api/v1/users/" + someone + "/grants", "/api/v1/api-tokens",
        "/api/v1/policies?type=OKTA_SIGN_ON", "/api/v1/policies?type=ACCESS_POLICY", "/api/v1/threats/configuration",
        "/api/v1/zones", "/api/v1/users/" + someone + "/roles")) {
      SimHttp.json(http.get(path)).findValues("href").forEach(h -> hrefs.add(h.asString()));
    }
    assertThat(hrefs).isNotEmpty().allSatisfy(h -> assertThat(h).startsWith(sim.baseUrl() + "/"));
    JsonNode signOn = SimHttp.json(http.get("/api/v1/policies?type=OKTA_SIGN_ON"));
    List<Boolean> system = new ArrayList<>();
    signOn.forEach(p -> system.add(p.path("name").asString().equals("Default Policy") && p.path("system").asBoolean()));
    assertThat(system).contains(true);
  }

  @Test
  void seededForeignLinksAreRebased() {
    JsonNode au = SimHttp.json(http.get("/api/v1/apps/" + TestTenant.SALESFORCE + "/users/" + BOB));
    assertThat(au.path("_links").path("group").path("href").asString())
        .isEqualTo(sim.baseUrl() + "/api/v1/groups/" + TestTenant.GROUP);
  }

  @Test
  void journalFileHasOneLinePerRequestAndMasksSecrets(@TempDir Path dir) throws Exception {
    http.get("/api/v1/users/" + BOB);
    Path file = dir.resolve("requests.jsonl");
    sim.journal().writeTo(file);
    http.get("/api/v1/users?limit=1&access_token=s3cr3t&client_assertion=eyJx");
    http.delete("/api/v1/users/" + BOB + "/sessions?oauthTokens=true");
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    JsonNode masked = Json.MAPPER.readTree(lines.get(1));
    assertThat(masked.path("query").asString()).isEqualTo("limit=1&access_token=<masked>&client_assertion=<masked>");
    JsonNode clear = Json.MAPPER.readTree(lines.get(2));
    assertThat(clear.path("method").asString()).isEqualTo("DELETE");
    assertThat(clear.path("query").asString()).isEqualTo("oauthTokens=true");
    assertThat(clear.path("status").asInt()).isEqualTo(204);
    assertThat(clear.path("mutating").asBoolean()).isTrue();
    assertThat(clear.path("service").asString()).isEqualTo("okta");
    assertThat(clear.path("requestId").asString()).startsWith("req");
    assertThat(String.join("\n", lines)).doesNotContain("s3cr3t", "eyJx", sim.apiToken());
    sim.journal().stopWriting();
    http.get("/api/v1/users/" + BOB);
    assertThat(Files.readAllLines(file)).hasSize(3);
    assertThat(sim.journal().requests()).hasSize(4);
  }

  private List<String> ids(String param, String value) {
    String path = "/api/v1/users" + (param == null ? "" : "?" + param + "=" + enc(value));
    var r = http.get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    SimHttp.json(r).forEach(u -> out.add(u.path("id").asString()));
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
