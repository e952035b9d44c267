package dev.oktair.sim;

import static dev.oktair.sim.TestTenant.BOB;
import static dev.oktair.sim.TestTenant.CAROL;
import static dev.oktair.sim.TestTenant.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.okta.sdk.authc.credentials.TokenClientCredentials;
import com.okta.sdk.cache.Caches;
import com.okta.sdk.client.AuthorizationMode;
import com.okta.sdk.client.Clients;
import com.okta.sdk.resource.api.ApiTokenApi;
import com.okta.sdk.resource.api.ApplicationUsersApi;
import com.okta.sdk.resource.api.GroupApi;
import com.okta.sdk.resource.api.IdentityProviderApi;
import com.okta.sdk.resource.api.NetworkZoneApi;
import com.okta.sdk.resource.api.RoleAssignmentAUserApi;
import com.okta.sdk.resource.api.SystemLogApi;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.api.UserCredApi;
import com.okta.sdk.resource.api.UserFactorApi;
import com.okta.sdk.resource.api.UserGrantApi;
import com.okta.sdk.resource.api.UserLifecycleApi;
import com.okta.sdk.resource.api.UserOAuthApi;
import com.okta.sdk.resource.api.UserSessionsApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.client.ApiException;
import com.okta.sdk.resource.model.AppUser;
import com.okta.sdk.resource.model.IPNetworkZone;
import com.okta.sdk.resource.model.LogEvent;
import com.okta.sdk.resource.model.NetworkZone;
import com.okta.sdk.resource.model.NetworkZoneAddress;
import com.okta.sdk.resource.model.NetworkZoneAddressType;
import com.okta.sdk.resource.model.NetworkZoneUsage;
import com.okta.sdk.resource.model.User;
import com.okta.sdk.resource.model.UserFactor;
import com.okta.sdk.resource.model.UserStatus;
import dev.oktair.events.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator, driven through Okta's own Java management SDK (24.0.0, its typed APIs and its
 * Jackson 2 models): each call a responder's tool makes must parse and behave as against a real
 * org. Where the SDK disagreed with the simulator, the simulator was fixed, never this test.
 */
class OktaSdkConformanceTest {
  private final SimClock clock = SimClock.at(TestTenant.NOW);
  private OktaSimulator sim;
  private ApiClient client;

  @BeforeAll
  static void allowLoopbackHttp() {
    // the SDK insists on https org URLs unless this testing switch is on (DefaultClientBuilder)
    System.setProperty("okta.testing.disableHttpsCheck", "true");
  }

  @BeforeEach
  void start() {
    TenantSeed seed = TestTenant.seed(30).withIdentityProviders(List.of(TestTenant.obj(
        "{\"id\":\"0oaidprogue000000001\",\"type\":\"SAML2\",\"issuerMode\":\"ORG_URL\",\"name\":\"Partner SSO\","
            + "\"status\":\"ACTIVE\",\"created\":\"2026-02-27T11:30:00.000Z\",\"lastUpdated\":\"2026-02-27T11:30:00.000Z\"}")));
    sim = OktaSimulator.start(SimulatorOptions.builder().seed(seed).clock(clock).build());
    client = Clients.builder()
        .setOrgUrl(sim.baseUrl())
        .setClientCredentials(new TokenClientCredentials(sim.apiToken()))
        .setCacheManager(Caches.newDisabledCacheManager())
        .setRetryMaxAttempts(0)
        .build();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void systemLogListsAndFilters() {
    SystemLogApi logs = new SystemLogApi(client);
    String since = TestTenant.NOW.minusSeconds(31L * 86_400).toString();
    List<LogEvent> starts = logs.listLogEvents(since, TestTenant.NOW.toString(), null,
        "eventType eq \"user.session.start\"", null, 100, "ASCENDING");
    assertThat(starts).hasSize(15).allSatisfy(e -> assertThat(e.getEventType()).isEqualTo("user.session.start"));
    assertThat(starts.get(0).getPublished()).isBefore(starts.get(14).getPublished());

    new UserLifecycleApi(client).suspendUser(BOB);
    clock.advance(java.time.Duration.ofSeconds(1));
    List<LogEvent> suspends = logs.listLogEvents(TestTenant.NOW.minusSeconds(60).toString(), clock.instant().toString(),
        null, "eventType eq \"user.lifecycle.suspend\" and target.id eq \"" + BOB + "\"", null, 10, "ASCENDING");
    assertThat(suspends).singleElement().satisfies(e -> {
      assertThat(e.getActor().getId()).isEqualTo(TestTenant.ALICE);
      assertThat(e.getTarget()).extracting(t -> t.getId()).containsExactly(BOB);
      assertThat(String.valueOf(e.getOutcome().getResult())).isEqualTo("SUCCESS");
    });
  }

  @Test
  void searchFilterAndQueryFindUsers() {
    UserApi users = new UserApi(client);
    assertThat(users.listUsers(null, null, null, null, null, "profile.login eq \"BOB@contoso.com\"", null, null))
        .extracting(User::getId).containsExactly(BOB);
    assertThat(users.listUsers(null, null, null, null, null, "status eq \"SUSPENDED\"", null, null))
        .extracting(User::getId).containsExactly(CAROL);
    assertThat(users.listUsers(null, null, null, null, null,
        "status eq \"ACTIVE\" and profile.lastName sw \"Vic\"", null, null)).extracting(User::getId).containsExactly(BOB);
    assertThat(users.listUsers(null, null, null, null, "profile.email eq \"alice@contoso.com\"", null, null, null))
        .extracting(User::getId).containsExactly(TestTenant.ALICE);
    assertThat(users.listUsers(null, "car", null, null, null, null, null, null)).extracting(User::getId).containsExactly(CAROL);
    assertThat(users.listUsers(null, null, null, 2, null, null, null, null)).hasSize(2);
    assertError(() -> users.listUsers(null, null, null, null, null, "profile.login eq", null, null), 400, "E0000031");
  }

  @Test
  void suspendUnsuspendAndTheIdempotencyError() {
    UserLifecycleApi lifecycle = new UserLifecycleApi(client);
    lifecycle.suspendUser(BOB);
    assertThat(new UserApi(client).getUser(BOB, null, null).getStatus()).isEqualTo(UserStatus.SUSPENDED);
    assertError(() -> lifecycle.suspendUser(BOB), 400, "E0000001");
    lifecycle.unsuspendUser(BOB);
    assertThat(new UserApi(client).getUser("bob@contoso.com", null, null).getStatus()).isEqualTo(UserStatus.ACTIVE);
    assertError(() -> lifecycle.unsuspendUser(BOB), 400, "E0000001");
  }

  @Test
  void expirePasswordResetFactorsAndDeactivate() {
    assertThat(new UserCredApi(client).expirePassword(BOB).getStatus()).isEqualTo(UserStatus.PASSWORD_EXPIRED);
    new UserLifecycleApi(client).resetFactors(BOB);
    assertThat(new UserFactorApi(client).listFactors(BOB)).isEmpty();
    new UserLifecycleApi(client).deactivateUser(BOB, false, null);
    assertThat(new UserApi(client).getUser(BOB, null, null).getStatus()).isEqualTo(UserStatus.DEPROVISIONED);
    assertThat(types()).contains("user.account.expire_password", "user.mfa.factor.reset_all", "user.lifecycle.deactivate");
  }

  @Test
  void clearSessionsWithOauthTokensRevokesRefreshTokens() {
    UserOAuthApi oauth = new UserOAuthApi(client);
    assertThat(oauth.listRefreshTokensForUserAndClient(BOB, CLIENT, null, null, null)).hasSize(2);
    new UserSessionsApi(client).revokeUserSessions(BOB, true);
    assertThat(sim.tenant().activeSessions(BOB)).isZero();
    assertThat(oauth.listRefreshTokensForUserAndClient(BOB, CLIENT, null, null, null)).isEmpty();
    assertThat(types()).contains("user.session.clear", "app.oauth2.as.token.revoke");
  }

  @Test
  void factorsListAndDelete() {
    UserFactorApi factors = new UserFactorApi(client);
    List<UserFactor> all = factors.listFactors(BOB);
    assertThat(all).extracting(UserFactor::getId).contains("mfa_sms_bob_000000001", "fwf_webauthn_bob_0001");
    factors.unenrollFactor(BOB, "mfa_sms_bob_000000001", false);
    assertThat(factors.listFactors(BOB)).extracting(UserFactor::getId).doesNotContain("mfa_sms_bob_000000001");
    assertError(() -> factors.unenrollFactor(BOB, "mfa_sms_bob_000000001", false), 404, "E0000007");
  }

  @Test
  void grantsAndRefreshTokensListAndRevoke() {
    UserGrantApi grants = new UserGrantApi(client);
    assertThat(grants.listUserGrants(BOB, null, null, null, null)).hasSize(2);
    grants.revokeUserGrant(BOB, "oag1grant00000000001");
    assertThat(grants.listUserGrants(BOB, null, null, null, null)).extracting(g -> g.getId()).containsExactly("oag2grant00000000002");
    assertError(() -> grants.revokeUserGrant(BOB, "oag1grant00000000001"), 404, "E0000007");

    UserOAuthApi oauth = new UserOAuthApi(client);
    oauth.revokeTokenForUserAndClient(BOB, CLIENT, "oar1token00000000001");
    assertThat(oauth.listRefreshTokensForUserAndClient(BOB, CLIENT, null, null, null)).extracting(t -> t.getId())
        .containsExactly("oar2token00000000002");
    oauth.revokeTokensForUserAndClient(BOB, CLIENT);
    assertThat(oauth.listRefreshTokensForUserAndClient(BOB, CLIENT, null, null, null)).isEmpty();
  }

  @Test
  void apiTokensListAndRevoke() {
    ApiTokenApi tokens = new ApiTokenApi(client);
    assertThat(tokens.listApiTokens()).extracting(t -> t.getId()).contains("00Trogue000000000001", sim.apiTokenId());
    tokens.revokeApiToken("00Trogue000000000001");
    assertThat(tokens.listApiTokens()).extracting(t -> t.getId()).containsExactly(sim.apiTokenId());
    assertError(() -> tokens.revokeApiToken("00Trogue000000000001"), 404, "E0000007");
  }

  @Test
  void appAssignmentRemovalAndTheGroupAssignedRefusal() {
    ApplicationUsersApi apps = new ApplicationUsersApi(client);
    assertThat(apps.listApplicationUsers(TestTenant.O365, null, null, null, null)).extracting(AppUser::getId).contains(BOB);
    apps.unassignUserFromApplication(TestTenant.O365, BOB, false);
    assertThat(apps.listApplicationUsers(TestTenant.O365, null, null, null, null)).extracting(AppUser::getId).doesNotContain(BOB);
    assertError(() -> apps.getApplicationUser(TestTenant.O365, BOB, null), 404, "E0000007");
    assertError(() -> apps.unassignUserFromApplication(TestTenant.SALESFORCE, BOB, false), 403, "E0000046");
  }

  @Test
  void groupMembershipAndRoleRemoval() {
    GroupApi groups = new GroupApi(client);
    assertThat(groups.listGroupUsers(TestTenant.GROUP, null, null)).extracting(User::getId).containsExactly(BOB);
    groups.unassignUserFromGroup(TestTenant.GROUP, BOB);
    assertThat(groups.listGroupUsers(TestTenant.GROUP, null, null)).isEmpty();
    new RoleAssignmentAUserApi(client).unassignRoleFromUser(BOB, "ra1appadmin000000002");
    assertThat(sim.tenant().roles(BOB)).isEmpty();
    assertThat(types()).contains("group.user_membership.remove", "user.account.privilege.revoke");
  }

  @Test
  void identityProviderDeactivation() {
    IdentityProviderApi idps = new IdentityProviderApi(client);
    assertThat(idps.listIdentityProviders(null, null, null, null)).extracting(i -> i.getName()).containsExactly("Partner SSO");
    assertThat(idps.deactivateIdentityProvider("0oaidprogue000000001").getStatus().getValue()).isEqualTo("INACTIVE");
    assertThat(idps.getIdentityProvider("0oaidprogue000000001").getStatus().getValue()).isEqualTo("INACTIVE");
    assertThat(types()).contains("system.idp.lifecycle.deactivate");
  }

  @Test
  void zonesListAndBlocklistUpdate() {
    NetworkZoneApi zones = new NetworkZoneApi(client);
    List<NetworkZone> blocklists = zones.listNetworkZones(null, null, "usage eq \"BLOCKLIST\"");
    assertThat(blocklists).extracting(NetworkZone::getName).contains("BlockedIpZone", "DefaultEnhancedDynamicZone");
    NetworkZone blocked = blocklists.stream().filter(z -> z.getName().equals("BlockedIpZone")).findFirst().orElseThrow();
    assertThat(blocked).isInstanceOf(IPNetworkZone.class);
    assertThat(blocked.getSystem()).isTrue();
    IPNetworkZone ip = (IPNetworkZone) zones.getNetworkZone(blocked.getId());
    ip.setGateways(List.of(new NetworkZoneAddress().type(NetworkZoneAddressType.RANGE).value("203.0.113.9-203.0.113.9"),
        new NetworkZoneAddress().type(NetworkZoneAddressType.CIDR).value("198.51.100.0/24")));
    IPNetworkZone updated = (IPNetworkZone) zones.replaceNetworkZone(ip.getId(), ip);
    assertThat(updated.getUsage()).isEqualTo(NetworkZoneUsage.BLOCKLIST);
    assertThat(updated.getGateways()).extracting(NetworkZoneAddress::getValue)
        .containsExactly("203.0.113.9-203.0.113.9", "198.51.100.0/24");
    assertThat(((IPNetworkZone) zones.getNetworkZone(ip.getId())).getGateways()).hasSize(2);
    assertThat(types()).contains("zone.update");
    ip.setGateways(List.of(new NetworkZoneAddress().type(NetworkZoneAddressType.CIDR).value("203.0.113.9")));
    assertError(() -> zones.replaceNetworkZone(ip.getId(), ip), 400, "E0000001");
  }

  @Test
  void errorBodiesCarryOktasCodes() {
    ApiException e = catchThrowableOfType(ApiException.class, () -> new UserApi(client).getUser("nobody", null, null));
    assertThat(e.getCode()).isEqualTo(404);
    var body = Json.MAPPER.readTree(e.getResponseBody());
    assertThat(body.path("errorCode").asString()).isEqualTo("E0000007");
    assertThat(body.path("errorSummary").asString()).isEqualTo("Not found: Resource not found: nobody (User)");
    assertThat(body.path("errorId").asString()).startsWith("oae");
    assertThat(body.path("errorCauses").isArray()).isTrue();
    assertThat(e.getResponseHeaders()).containsKey("X-Okta-Request-Id");
  }

  @Test
  void theSdksOauthServiceAppModeGetsATokenAndActs() {
    // the SDK signs its client assertion with the JVM's clock, so this simulator's clock starts
    // at the real now (then stays fixed) to accept the assertion's iat/exp
    sim.close();
    sim = OktaSimulator.start(SimulatorOptions.builder().seed(TestTenant.seed(5))
        .clock(SimClock.at(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))).build());
    ApiClient oauth = Clients.builder()
        .setOrgUrl(sim.baseUrl())
        .setAuthorizationMode(AuthorizationMode.PRIVATE_KEY)
        .setClientId(sim.oauthClientId())
        .setScopes(Set.of("okta.users.read", "okta.users.manage"))
        .setPrivateKey(sim.privateKeyPem())
        .setCacheManager(Caches.newDisabledCacheManager())
        .setRetryMaxAttempts(0)
        .build();
    new UserLifecycleApi(oauth).suspendUser(BOB);
    assertThat(new UserApi(oauth).getUser(BOB, null, null).getStatus()).isEqualTo(UserStatus.SUSPENDED);
    assertThat(sim.events()).filteredOn(e -> e.eventType().equals("user.lifecycle.suspend"))
        .singleElement().satisfies(e -> assertThat(e.actor().id()).isEqualTo(sim.oauthClientId()));
    assertError(() -> new ApiTokenApi(oauth).listApiTokens(), 403, "E0000006");
  }

  private List<String> types() {
    return sim.events().stream().map(dev.oktair.events.LogEvent::eventType).toList();
  }

  private static void assertError(Runnable call, int status, String errorCode) {
    ApiException e = catchThrowableOfType(ApiException.class, call::run);
    assertThat(e).as("expected HTTP %d %s", status, errorCode).isNotNull();
    assertThat(e.getCode()).isEqualTo(status);
    assertThat(Json.MAPPER.readTree(e.getResponseBody()).path("errorCode").asString()).isEqualTo(errorCode);
  }
}
