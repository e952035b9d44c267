package dev.oktair.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.okta.sdk.authc.credentials.TokenClientCredentials;
import com.okta.sdk.cache.Caches;
import com.okta.sdk.client.Clients;
import com.okta.sdk.resource.api.ApiTokenApi;
import com.okta.sdk.resource.api.ApplicationUsersApi;
import com.okta.sdk.resource.api.GroupApi;
import com.okta.sdk.resource.api.SystemLogApi;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.model.AppUser;
import com.okta.sdk.resource.model.User;
import com.okta.sdk.resource.model.UserStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant {@code simulate --from-log} seeds from a System Log file, driven through Okta's own
 * Java management SDK (as {@link OktaSdkConformanceTest} does for scenarios): the objects the
 * census builds parse as Okta's, and the file's events are the System Log.
 */
class LogTenantSdkTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private OktaSimulator sim;
  private ApiClient client;

  @BeforeAll
  static void allowLoopbackHttp() {
    System.setProperty("okta.testing.disableHttpsCheck", "true");
  }

  @BeforeEach
  void start() throws Exception {
    Path file = Path.of(LogTenantSdkTest.class.getResource("/sim/from-log.jsonl").toURI());
    TenantSeed seed = LogTenant.read(file, line -> {
      throw new AssertionError("the fixture has no bad line: " + line.message());
    }).seed();
    sim = OktaSimulator.start(SimulatorOptions.builder().seed(seed).clock(SimClock.at(NOW)).build());
    client = Clients.builder().setOrgUrl(sim.baseUrl()).setClientCredentials(new TokenClientCredentials(sim.apiToken()))
        .setCacheManager(Caches.newDisabledCacheManager()).setRetryMaxAttempts(0).build();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void usersAppsGroupsTokensAndTheLogParseAsOktas() {
    List<User> users = new UserApi(client).listUsers(null, null, null, null, null, null, null, null);
    assertThat(users).extracting(u -> u.getProfile().getLogin()).containsExactlyInAnyOrder("alex.morgan@example.org",
        "bob.lee@example.org", "carol.diaz@example.org", "sam.ito@example.org", "it.admin@example.org",
        "okta-ir.rehearsal@example.invalid");
    assertThat(users).filteredOn(u -> u.getProfile().getLogin().startsWith("sam")).extracting(User::getId)
        .containsExactly("00usamnew00000000005");
    assertThat(users).filteredOn(u -> u.getStatus() == UserStatus.SUSPENDED).extracting(User::getId)
        .containsExactly("00ucarolfixture00003");
    assertThat(new ApplicationUsersApi(client).listApplicationUsers("0oagithubfixture0002", null, null, null, null))
        .extracting(AppUser::getId).containsExactly("00ualexfixture000001");
    assertThat(new GroupApi(client).listGroupUsers("00gengineeringfix001", null, null)).extracting(User::getId)
        .containsExactlyInAnyOrder("00ubobfixture0000002", "00ualexfixture000001");
    assertThat(new ApiTokenApi(client).listApiTokens()).extracting(t -> t.getId()).contains("00Tfixturetoken00001");
    // the simulator's own token belongs to the rehearsal's super admin, never to a user of the log
    assertThat(new ApiTokenApi(client).getApiToken(sim.apiTokenId()).getUserId()).isEqualTo(Census.ADMIN_ID);
    assertThat(new SystemLogApi(client).listLogEvents("2026-02-20T00:00:00Z", NOW.toString(), null, null, null, 1000,
        "ASCENDING")).hasSize(32);
  }
}
