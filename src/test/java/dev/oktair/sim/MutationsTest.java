package dev.oktair.sim;

import static dev.oktair.sim.TestTenant.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LogEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every mutation changes tenant state, shows in later reads, and writes the event Okta writes. */
class MutationsTest {
  private final SimClock clock = SimClock.at(TestTenant.NOW);
  private OktaSimulator sim;
  private SimHttp http;

  @BeforeEach
  void start() {
    sim = OktaSimulator.start(SimulatorOptions.builder().seed(TestTenant.seed(10)).clock(clock).build());
    http = new SimHttp(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void clearingSessionsWithOauthTokensRevokesRefreshTokensAndLogsIt() {
    assertThat(sim.tenant().activeSessions(BOB)).isEqualTo(1);
    HttpResponse<String> r = http.delete("/api/v1/users/" + BOB + "/sessions?oauthTokens=true");
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertThat(sim.tenant().activeSessions(BOB)).isZero();
    assertThat(sim.tenant().refreshTokens(BOB)).isEmpty();
    LogEvent clear = only("user.session.clear");
    assertThat(clear.actor().id()).isEqualTo(TestTenant.ALICE);
    assertThat(clear.actor().type()).isEqualTo("User");
    assertThat(clear.targets().get(0).id()).isEqualTo(BOB);
    assertThat(clear.published()).isEqualTo(TestTenant.NOW);
    assertThat(clear.text("transaction.detail.requestApiTokenId")).isEqualTo(sim.apiTokenId());
    assertThat(clear.transactionId()).isEqualTo(r.headers().firstValue("X-Okta-Request-Id").orElseThrow());
    assertThat(clear.json().has("securityContext")).isTrue();
    assertThat(events("app.oauth2.as.token.revoke")).hasSize(2);
    assertThat(SimHttp.json(http.get("/api/v1/users/" + BOB + "/clients/" + TestTenant.CLIENT + "/tokens"))).isEmpty();
  }

  @Test
  void clearingSessionsAloneKeepsRefreshTokens() {
    assertThat(http.delete("/api/v1/users/" + BOB + "/sessions").statusCode()).isEqualTo(204);
    assertThat(sim.tenant().refreshTokens(BOB)).hasSize(2);
    assertThat(events("app.oauth2.as.token.revoke")).isEmpty();
  }

  @Test
  void suspendOnlyFromActiveAndUnsuspendOnlyFromSuspended() {
    HttpResponse<String> suspend = http.post("/api/v1/users/bob%40contoso.com/lifecycle/suspend", null);
    assertThat(suspend.statusCode()).isEqualTo(200);
    assertThat(user(BOB).path("status").asString()).isEqualTo("SUSPENDED");
    assertThat(user(BOB).path("statusChanged").asString()).isEqualTo("2026-03-01T12:00:00.000Z");
    assertThat(SimHttp.json(http.get("/api/v1/users/" + BOB)).path("_links").has("unsuspend")).isTrue();
    assertThat(sim.tenant().activeSessions(BOB)).isZero();
    assertThat(only("user.lifecycle.suspend").targets().get(0).alternateId()).isEqualTo("bob@contoso.com");

    HttpResponse<String> again = http.post("/api/v1/users/" + BOB + "/lifecycle/suspend", null);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(SimHttp.json(again).path("errorCode").asString()).isEqualTo("E0000001");
    assertThat(events("user.lifecycle.suspend")).hasSize(1);

    assertThat(http.post("/api/v1/users/" + BOB + "/lifecycle/unsuspend", null).statusCode()).isEqualTo(200);
    assertThat(user(BOB).path("status").asString()).isEqualTo("ACTIVE");
    assertThat(only("user.lifecycle.unsuspend")).isNotNull();
    assertThat(http.post("/api/v1/users/" + BOB + "/lifecycle/unsuspend", null).statusCode()).isEqualTo(400);
  }

  @Test
  void resetFactorsRemovesThemAll() {
    assertThat(http.post("/api/v1/users/" + BOB + "/lifecycle/reset_factors", null).statusCode()).isEqualTo(200);
    assertThat(sim.tenant().factors(BOB)).isEmpty();
    assertThat(SimHttp.json(http.get("/api/v1/users/" + BOB + "/factors"))).isEmpty();
    assertThat(only("user.mfa.factor.reset_all").displayMessage()).isEqualTo("Reset all factors for user");
  }

  @Test
  void deletingAFactorRemovesItAndOktaVerifySiblings() {
    assertThat(http.delete("/api/v1/users/" + BOB + "/factors/mfa_sms_bob_000000001").statusCode()).isEqualTo(204);
    assertThat(sim.tenant().factors(BOB)).hasSize(3);
    assertThat(only("user.mfa.factor.deactivate").outcome().reason()).isEqualTo("User reset SMS_FACTOR factor");

    assertThat(http.delete("/api/v1/users/" + BOB + "/factors/opf_push_bob_00000001").statusCode()).isEqualTo(204);
    assertThat(sim.tenant().factors(BOB)).extracting(f -> f.path("factorType").asString()).containsExactly("webauthn");
    assertThat(events("user.mfa.factor.deactivate")).hasSize(3);

    HttpResponse<String> missing = http.delete("/api/v1/users/" + BOB + "/factors/nope");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(SimHttp.json(missing).path("errorSummary").asString()).isEqualTo("Not found: Resource not found: nope (UserFactor)");
  }

  @Test
  void revokingGrantsAndTokens() {
    assertThat(SimHttp.json(http.get("/api/v1/users/" + BOB + "/grants"))).hasSize(2);
    assertThat(SimHttp.json(http.get("/api/v1/users/" + BOB + "/clients")).get(0).path("client_id").asString())
        .isEqualTo(TestTenant.CLIENT);
    assertThat(http.delete("/api/v1/users/" + BOB + "/grants").statusCode()).isEqualTo(204);
    assertThat(sim.tenant().grants(BOB)).isEmpty();
    assertThat(events("app.oauth2.as.consent.revoke")).hasSize(2);

    String tokens = "/api/v1/users/" + BOB + "/clients/" + TestTenant.CLIENT + "/tokens";
    assertThat(http.delete(tokens + "/oar1token00000000001").statusCode()).isEqualTo(204);
    assertThat(SimHttp.json(http.get(tokens))).hasSize(1);
    assertThat(http.delete(tokens).statusCode()).isEqualTo(204);
    assertThat(sim.tenant().refreshTokens(BOB)).isEmpty();
    assertThat(events("app.oauth2.as.token.revoke")).hasSize(2);
  }

  @Test
  void revokingAnApiTokenRemovesItFromTheList() {
    assertThat(SimHttp.json(http.get("/api/v1/api-tokens"))).hasSize(2);
    assertThat(http.delete("/api/v1/api-tokens/00Trogue000000000001").statusCode()).isEqualTo(204);
    assertThat(SimHttp.json(http.get("/api/v1/api-tokens")).findValuesAsString("id")).containsExactly(sim.apiTokenId());
    LogEvent e = only("system.api_token.revoke");
    assertThat(e.targets().get(0).type()).isEqualTo("Token");
    assertThat(e.targets().get(0).displayName()).isEqualTo("backup");
    assertThat(http.get("/api/v1/api-tokens/00Trogue000000000001").statusCode()).isEqualTo(404);
  }

  @Test
  void threatInsightUpdate() {
    HttpResponse<String> r = http.post("/api/v1/threats/configuration", "{\"action\":\"audit\",\"excludeZones\":[\"nzo1\"]}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(SimHttp.json(http.get("/api/v1/threats/configuration")).path("action").asString()).isEqualTo("audit");
    assertThat(sim.tenant().threatInsight().path("excludeZones").get(0).asString()).isEqualTo("nzo1");
    assertThat(only("security.threat.configuration.update").debugData("previousAction")).isEqualTo("block");
    assertThat(http.post("/api/v1/threats/configuration", "{\"action\":\"off\"}").statusCode()).isEqualTo(400);
  }

  @Test
  void roleRemoval() {
    assertThat(SimHttp.json(http.get("/api/v1/users/" + BOB + "/roles"))).hasSize(1);
    assertThat(SimHttp.json(http.get("/api/v1/users/" + BOB + "/roles/ra1appadmin000000002")).path("type").asString())
        .isEqualTo("APP_ADMIN");
    assertThat(http.delete("/api/v1/users/" + BOB + "/roles/ra1appadmin000000002").statusCode()).isEqualTo(204);
    assertThat(http.get("/api/v1/users/" + BOB + "/roles/ra1appadmin000000002").statusCode()).isEqualTo(404);
    assertThat(http.delete("/api/v1/users/" + BOB + "/roles/ra1appadmin000000002").statusCode()).isEqualTo(404);
    assertThat(sim.tenant().roles(BOB)).isEmpty();
    assertThat(only("user.account.privilege.revoke").debugData("privilegeRevoked")).isEqualTo("Application Administrator");
  }

  @Test
  void deactivationDeprovisionsAppAssignments() {
    assertThat(http.post("/api/v1/users/" + BOB + "/lifecycle/deactivate", null).statusCode()).isEqualTo(200);
    assertThat(user(BOB).path("status").asString()).isEqualTo("DEPROVISIONED");
    assertThat(sim.tenant().appUsers(TestTenant.O365)).extracting(a -> a.path("id").asString()).doesNotContain(BOB);
    assertThat(only("user.lifecycle.deactivate")).isNotNull();
    assertThat(events("application.user_membership.remove")).hasSize(2);
  }

  @Test
  void oauthMutationsAreAttributedToTheServiceApp() {
    String token = new OAuthTestClient(sim).bearer("okta.users.manage");
    HttpResponse<String> r = http.send("DELETE", "/api/v1/users/" + BOB + "/sessions", "Bearer " + token, null);
    assertThat(r.statusCode()).isEqualTo(204);
    LogEvent e = only("user.session.clear");
    assertThat(e.actor().type()).isEqualTo("PublicClientApp");
    assertThat(e.actor().id()).isEqualTo(sim.oauthClientId());
    assertThat(e.client().id()).isEqualTo(sim.oauthClientId());
    assertThat(e.text("transaction.detail.requestApiTokenId")).isNull();
  }

  @Test
  void mutationEventsAreVisibleToLaterSystemLogReads() {
    http.post("/api/v1/users/" + BOB + "/lifecycle/suspend", null);
    clock.advance(Duration.ofSeconds(1));
    String q = "/api/v1/logs?since=" + TestTenant.NOW.minus(Duration.ofMinutes(1)) + "&until=" + clock.instant();
    assertThat(SimHttp.json(http.get(q)).findValuesAsString("eventType")).containsExactly("user.lifecycle.suspend");
  }

  @Test
  void journalRecordsEveryRequestInOrderWithoutCredentials() {
    http.get("/api/v1/users/" + BOB);
    http.delete("/api/v1/users/" + BOB + "/sessions?oauthTokens=true");
    http.post("/api/v1/users/" + BOB + "/lifecycle/suspend", null);
    List<RequestJournal.Entry> all = sim.journal().requests();
    assertThat(all).extracting(RequestJournal.Entry::toString).containsExactly(
        "GET /api/v1/users/" + BOB + " -> 200",
        "DELETE /api/v1/users/" + BOB + "/sessions?oauthTokens=true -> 204",
        "POST /api/v1/users/" + BOB + "/lifecycle/suspend -> 200");
    assertThat(sim.journal().mutating()).extracting(RequestJournal.Entry::method).containsExactly("DELETE", "POST");
    assertThat(all.toString()).doesNotContain(sim.apiToken());
    sim.journal().clear();
    assertThat(sim.journal().requests()).isEmpty();
  }

  @Test
  void postWithoutContentLengthIs411AndChangesNothing() throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", java.net.URI.create(sim.baseUrl()).getPort())) {
      s.getOutputStream().write(("POST /api/v1/users/" + BOB + "/lifecycle/suspend HTTP/1.1\r\nHost: x\r\n"
          + "Authorization: SSWS " + sim.apiToken() + "\r\nConnection: close\r\n\r\n").getBytes());
      String reply = new String(s.getInputStream().readAllBytes());
      assertThat(reply).startsWith("HTTP/1.1 411");
    }
    assertThat(user(BOB).path("status").asString()).isEqualTo("ACTIVE");
  }

  private JsonNode user(String id) {
    return sim.tenant().user(id).orElseThrow();
  }

  private List<LogEvent> events(String type) {
    return sim.events().stream().filter(e -> type.equals(e.eventType())).toList();
  }

  private LogEvent only(String type) {
    List<LogEvent> found = events(type);
    assertThat(found).as(type).hasSize(1);
    return found.get(0);
  }
}
