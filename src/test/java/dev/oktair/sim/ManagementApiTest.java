package dev.oktair.sim;

import static dev.oktair.sim.TestTenant.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Read endpoints and error shapes of the Management API (okta-api.md §7, CORE errors). */
class ManagementApiTest {
  private static OktaSimulator sim;
  private static SimHttp http;

  @BeforeAll
  static void start() {
    sim = OktaSimulator.start(SimulatorOptions.builder().seed(TestTenant.seed(10)).clock(SimClock.at(TestTenant.NOW)).build());
    http = new SimHttp(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void usersResolveByIdLoginAndShortName() {
    for (String key : new String[] {BOB, "bob%40contoso.com", "bob@contoso.com", "BOB@contoso.com", "bob"}) {
      HttpResponse<String> r = http.get("/api/v1/users/" + key);
      assertThat(r.statusCode()).as(key).isEqualTo(200);
      assertThat(SimHttp.json(r).path("id").asString()).isEqualTo(BOB);
    }
    assertThat(http.get("/api/v1/users/" + BOB).headers().firstValue("Date")).isPresent();
  }

  @Test
  void unknownUserIsOktas404() {
    HttpResponse<String> r = http.get("/api/v1/users/nobody%40contoso.com");
    assertThat(r.statusCode()).isEqualTo(404);
    JsonNode body = SimHttp.json(r);
    assertThat(body.path("errorCode").asString()).isEqualTo("E0000007");
    assertThat(body.path("errorSummary").asString()).isEqualTo("Not found: Resource not found: nobody@contoso.com (User)");
    assertThat(body.path("errorCauses")).isEmpty();
  }

  @Test
  void wrongMethodIs405AndUnknownPathIs404() {
    HttpResponse<String> r = http.send("PUT", "/api/v1/users/" + BOB + "/factors", "SSWS " + sim.apiToken(), "{}");
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(SimHttp.json(r).path("errorCode").asString()).isEqualTo("E0000022");
    assertThat(r.headers().firstValue("Allow")).hasValue("GET");
    assertThat(http.get("/api/v1/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  void malformedQueryEncodingIsA400NotADroppedConnection() throws Exception {
    // java.net.URI refuses to send it; a raw socket does, as curl would
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", java.net.URI.create(sim.baseUrl()).getPort())) {
      s.getOutputStream().write(("GET /api/v1/logs?since=%ZZ HTTP/1.1\r\nHost: x\r\nAuthorization: SSWS " + sim.apiToken()
          + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String reply = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(reply).startsWith("HTTP/1.1 400").contains("\"errorCode\":\"E0000001\"");
    }
  }

  @Test
  void userListFiltersAndPages() {
    assertThat(SimHttp.json(http.get("/api/v1/users?filter=" + enc("status eq \"SUSPENDED\""))).findValuesAsString("id"))
        .containsExactly(TestTenant.CAROL);
    assertThat(SimHttp.json(http.get("/api/v1/users?filter=" + enc("profile.login eq \"bob@contoso.com\""))).size()).isEqualTo(1);
    HttpResponse<String> page = http.get("/api/v1/users?limit=2");
    assertThat(SimHttp.json(page).size()).isEqualTo(2);
    assertThat(SimHttp.json(http.getUrl(SimHttp.link(page, "next"))).findValuesAsString("id")).containsExactly(TestTenant.CAROL);
    assertThat(http.get("/api/v1/users?filter=" + enc("nonsense")).statusCode()).isEqualTo(400);
  }

  @Test
  void groupsAppLinksAndAssignments() {
    assertThat(SimHttp.json(http.get("/api/v1/users/" + BOB + "/groups")).findValuesAsString("id")).containsExactly(TestTenant.GROUP);
    assertThat(SimHttp.json(http.get("/api/v1/users/" + BOB + "/appLinks")).findValuesAsString("appInstanceId"))
        .containsExactly(TestTenant.O365, TestTenant.SALESFORCE);
    JsonNode direct = SimHttp.json(http.get("/api/v1/apps/" + TestTenant.O365 + "/users/" + BOB));
    assertThat(direct.path("scope").asString()).isEqualTo("USER");
    assertThat(direct.path("created").asString()).isEqualTo("2026-02-27T10:00:00.000Z");
    JsonNode viaGroup = SimHttp.json(http.get("/api/v1/apps/" + TestTenant.SALESFORCE + "/users/" + BOB));
    assertThat(viaGroup.path("scope").asString()).isEqualTo("GROUP");
    assertThat(http.get("/api/v1/apps/" + TestTenant.SALESFORCE + "/users/" + TestTenant.CAROL).statusCode()).isEqualTo(404);
    assertThat(SimHttp.json(http.get("/api/v1/apps/" + TestTenant.O365 + "/users?expand=user")).get(0)
        .path("_embedded").path("user").path("id").asString()).isEqualTo(BOB);
  }

  @Test
  void appsListFiltersByAssignedUser() {
    assertThat(SimHttp.json(http.get("/api/v1/apps")).size()).isEqualTo(2);
    JsonNode apps = SimHttp.json(http.get("/api/v1/apps?filter=" + enc("user.id eq \"" + TestTenant.ALICE + "\"")
        + "&expand=user/" + TestTenant.ALICE));
    assertThat(apps.findValuesAsString("label")).containsExactly("Microsoft Office 365");
    assertThat(apps.get(0).path("_embedded").path("user").path("scope").asString()).isEqualTo("GROUP");
    assertThat(http.get("/api/v1/apps/0oanope").statusCode()).isEqualTo(404);
  }

  @Test
  void policiesNeedAType() {
    HttpResponse<String> missing = http.get("/api/v1/policies");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(SimHttp.json(missing).path("errorCode").asString()).isEqualTo("E0000001");
    assertThat(http.get("/api/v1/policies?type=NOPE").statusCode()).isEqualTo(400);
    JsonNode signOn = SimHttp.json(http.get("/api/v1/policies?type=OKTA_SIGN_ON"));
    assertThat(signOn.findValuesAsString("id")).containsExactly("00pglobalsession0001");
    assertThat(SimHttp.json(http.get("/api/v1/policies/00pglobalsession0001/rules")).get(0).path("name").asString())
        .isEqualTo("Default Rule");
  }

  @Test
  void factorsRolesGrantsAndTokensRead() {
    assertThat(SimHttp.json(http.get("/api/v1/users/" + BOB + "/factors")).size()).isEqualTo(4);
    assertThat(SimHttp.json(http.get("/api/v1/users/" + BOB + "/roles")).get(0).path("type").asString()).isEqualTo("APP_ADMIN");
    assertThat(SimHttp.json(http.get("/api/v1/users/" + BOB + "/grants?scopeId=offline_access")).size()).isEqualTo(1);
    assertThat(SimHttp.json(http.get("/api/v1/users/" + BOB + "/clients/" + TestTenant.CLIENT + "/grants")).size()).isEqualTo(2);
    assertThat(http.get("/api/v1/users/" + BOB + "/clients/0oanope/tokens").statusCode()).isEqualTo(404);
    JsonNode token = SimHttp.json(http.get("/api/v1/api-tokens/" + sim.apiTokenId()));
    assertThat(token.path("userId").asString()).isEqualTo(TestTenant.ALICE);
    assertThat(token.path("tokenWindow").asString()).isEqualTo("P30D");
    assertThat(SimHttp.json(http.get("/api/v1/threats/configuration")).path("action").asString()).isEqualTo("block");
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
