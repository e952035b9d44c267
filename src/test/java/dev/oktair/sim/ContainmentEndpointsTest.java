package dev.oktair.sim;

import static dev.oktair.sim.TestTenant.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The containment calls added for the contain package: each answers with Okta's status, changes
 * state a later read shows, writes its System Log event once, and repeats the way Okta does.
 */
class ContainmentEndpointsTest {
  static final String IDP = "0oaidprogue000000001";

  private final SimClock clock = SimClock.at(TestTenant.NOW);
  private OktaSimulator sim;
  private SimHttp http;

  @BeforeEach
  void start() {
    start(true);
  }

  private void start(boolean universalLogout) {
    TenantSeed seed = TestTenant.seed(5).withIdentityProviders(List.of(TestTenant.obj(
        "{\"id\":\"" + IDP + "\",\"type\":\"OIDC\",\"name\":\"Rogue IdP\",\"status\":\"ACTIVE\","
            + "\"protocol\":{\"type\":\"OIDC\"},\"created\":\"2026-02-27T11:30:00.000Z\"}")));
    sim = OktaSimulator.start(SimulatorOptions.builder().seed(seed).clock(clock).universalLogout(universalLogout).build());
    http = new SimHttp(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void removingADirectAppAssignment() {
    String path = "/api/v1/apps/" + TestTenant.O365 + "/users/" + BOB;
    assertThat(http.delete(path + "?sendEmail=false").statusCode()).isEqualTo(204);
    assertThat(sim.tenant().appUsers(TestTenant.O365)).extracting(a -> a.path("id").asString()).doesNotContain(BOB);
    LogEvent e = only("application.user_membership.remove");
    assertThat(e.targets()).extracting(t -> t.type()).containsExactly("User", "AppInstance");
    assertThat(e.targets().get(1).id()).isEqualTo(TestTenant.O365);
    assertError(http.get(path), 404, "E0000007");
    assertError(http.delete(path), 404, "E0000007");
    assertThat(events("application.user_membership.remove")).hasSize(1);
  }

  @Test
  void aGroupAssignedAppUserIsRefusedAsOktaDoes() {
    HttpResponse<String> r = http.delete("/api/v1/apps/" + TestTenant.SALESFORCE + "/users/" + BOB);
    assertError(r, 403, "E0000046");
    assertThat(SimHttp.json(r).path("errorCauses").get(0).path("errorSummary").asString())
        .contains("group memberships grant them access");
    assertThat(sim.tenant().appUsers(TestTenant.SALESFORCE)).hasSize(1);
    assertThat(events("application.user_membership.remove")).isEmpty();
  }

  @Test
  void groupMembershipRemovalAndReAdd() {
    String member = "/api/v1/groups/" + TestTenant.GROUP + "/users/" + BOB;
    assertThat(SimHttp.json(http.get("/api/v1/groups/" + TestTenant.GROUP + "/users")).findValuesAsString("id"))
        .containsExactly(BOB);
    assertThat(http.delete(member).statusCode()).isEqualTo(204);
    assertThat(sim.tenant().groupMembers(TestTenant.GROUP)).isEmpty();
    LogEvent e = only("group.user_membership.remove");
    assertThat(e.targets()).extracting(t -> t.type()).containsExactly("User", "UserGroup");
    assertThat(e.legacyEventType()).isEqualTo("core.user_group_member.user_remove");
    assertThat(http.delete(member).statusCode()).isEqualTo(204);
    assertThat(events("group.user_membership.remove")).hasSize(1);
    assertThat(SimHttp.json(http.get("/api/v1/users/" + BOB + "/groups"))).isEmpty();
    assertThat(http.send("PUT", member, "SSWS " + sim.apiToken(), "").statusCode()).isEqualTo(204);
    assertThat(sim.tenant().groupMembers(TestTenant.GROUP)).containsExactly(BOB);
    assertThat(only("group.user_membership.add")).isNotNull();
    assertError(http.delete("/api/v1/groups/00gnope/users/" + BOB), 404, "E0000007");
    assertError(http.delete("/api/v1/groups/" + TestTenant.GROUP + "/users/nobody"), 404, "E0000007");
  }

  @Test
  void identityProviderDeactivationIsIdempotent() {
    JsonNode listed = SimHttp.json(http.get("/api/v1/idps")).get(0);
    assertThat(listed.path("_links").path("deactivate").path("href").asString())
        .isEqualTo(sim.baseUrl() + "/api/v1/idps/" + IDP + "/lifecycle/deactivate");
    HttpResponse<String> r = http.post("/api/v1/idps/" + IDP + "/lifecycle/deactivate", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(SimHttp.json(r).path("status").asString()).isEqualTo("INACTIVE");
    assertThat(SimHttp.json(http.get("/api/v1/idps/" + IDP)).path("status").asString()).isEqualTo("INACTIVE");
    assertThat(only("system.idp.lifecycle.deactivate").targets().get(0).displayName()).isEqualTo("Rogue IdP");
    assertThat(http.post("/api/v1/idps/" + IDP + "/lifecycle/deactivate", null).statusCode()).isEqualTo(200);
    assertThat(events("system.idp.lifecycle.deactivate")).hasSize(1);
    assertThat(http.post("/api/v1/idps/" + IDP + "/lifecycle/activate", null).statusCode()).isEqualTo(200);
    assertThat(sim.tenant().identityProviders().get(0).path("status").asString()).isEqualTo("ACTIVE");
    assertError(http.post("/api/v1/idps/0oanope/lifecycle/deactivate", null), 404, "E0000007");
  }

  @Test
  void universalLogoutRevokesSessionsTokensAndTheUsersApiTokens() {
    HttpResponse<String> r = http.post(UniversalLogoutRoute.PATH, "{\"sub_id\":{\"format\":\"opaque\",\"id\":\"" + BOB + "\"}}");
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(sim.tenant().activeSessions(BOB)).isZero();
    assertThat(sim.tenant().refreshTokens(BOB)).isEmpty();
    assertThat(sim.tenant().apiTokens()).extracting(t -> t.path("id").asString()).containsExactly(sim.apiTokenId());
    assertThat(only("user.authentication.universal_logout").targets().get(0).id()).isEqualTo(BOB);
    assertThat(events("app.oauth2.as.token.revoke")).hasSize(2);
    assertThat(only("system.api_token.revoke").targets().get(0).id()).isEqualTo("00Trogue000000000001");
    assertThat(sim.journal().mutating()).extracting(RequestJournal.Entry::path).containsExactly(UniversalLogoutRoute.PATH);

    assertError(http.post(UniversalLogoutRoute.PATH, "{\"sub_id\":{\"format\":\"opaque\",\"id\":\"00unobody\"}}"), 400, "E0000001");
    assertError(http.post(UniversalLogoutRoute.PATH, "{\"sub_id\":{\"format\":\"email\",\"email\":\"bob@contoso.com\"}}"),
        400, "E0000001");
    assertError(http.send("POST", UniversalLogoutRoute.PATH, null, "{}"), 401, "E0000011");
    String readOnly = new OAuthTestClient(sim).bearer("okta.users.manage");
    assertError(http.send("POST", UniversalLogoutRoute.PATH, "Bearer " + readOnly,
        "{\"sub_id\":{\"format\":\"opaque\",\"id\":\"" + BOB + "\"}}"), 403, "E0000006");
    String allowed = new OAuthTestClient(sim).bearer("okta.universalLogout.manage");
    assertThat(http.send("POST", UniversalLogoutRoute.PATH, "Bearer " + allowed,
        "{\"sub_id\":{\"format\":\"opaque\",\"id\":\"" + BOB + "\"}}").statusCode()).isEqualTo(204);
  }

  @Test
  void universalLogoutIsForbiddenWhereTheOrgDoesNotOfferIt() {
    sim.close();
    start(false);
    assertError(http.post(UniversalLogoutRoute.PATH, "{\"sub_id\":{\"format\":\"opaque\",\"id\":\"" + BOB + "\"}}"),
        403, "E0000006");
    assertThat(sim.tenant().refreshTokens(BOB)).hasSize(2);
  }

  static void assertError(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode body = Json.MAPPER.readTree(r.body());
    assertThat(body.path("errorCode").asString()).isEqualTo(code);
    assertThat(body.path("errorId").asString()).isNotEmpty();
    assertThat(body.path("errorCauses").isArray()).isTrue();
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
