package dev.oktair.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.events.LogEvent;
import dev.oktair.http.FakeTime;
import dev.oktair.http.RetryPolicy;
import dev.oktair.sim.FaultSpec;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.RateLimits;
import dev.oktair.sim.RequestJournal;
import dev.oktair.sim.SimulatorOptions;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against the simulator over real HTTP on loopback. */
class OktaClientIT {
  private static final Instant NOW = SimFixtures.NOW;
  private static final List<String> SCOPES = List.of("okta.logs.read", "okta.users.read");
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final ScaledTime time = new ScaledTime(NOW, 1);

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private OktaSimulator sim(int events, Consumer<SimulatorOptions.Builder> options) {
    SimulatorOptions.Builder b = SimulatorOptions.builder()
        .seed(SimFixtures.seed(SimFixtures.events(events, NOW.minus(Duration.ofDays(10)), NOW)))
        .clock(time);
    options.accept(b);
    OktaSimulator sim = OktaSimulator.start(b.build());
    closing.add(sim);
    return sim;
  }

  private OktaClient ssws(OktaSimulator sim) {
    return OktaClient.builder(OktaConfig.ssws(sim.baseUrl(), sim.apiToken())).clock(time).sleeper(time).build();
  }

  private OktaClient oauth(OktaSimulator sim, List<String> scopes) throws Exception {
    String pem = Files.readString(sim.privateKeyPem());
    return OktaClient.builder(OktaConfig.privateKey(sim.baseUrl(), sim.oauthClientId(), scopes, pem))
        .clock(time).sleeper(time).build();
  }

  private static List<LogEvent> all(OktaClient client, LogQuery query) {
    List<LogEvent> out = new ArrayList<>();
    URI url = client.logsUrl(query);
    while (url != null) {
      LogPage page = client.logPage(url);
      out.addAll(page.events());
      url = page.next();
    }
    return out;
  }

  private static List<String> tokenRequests(OktaSimulator sim) {
    return SimFixtures.requests(sim).stream().filter(e -> e.path().equals("/oauth2/v1/token"))
        .map(RequestJournal.Entry::toString).toList();
  }

  @Test
  void pagesABoundedQueryByteExactAndComplete() {
    OktaSimulator sim = sim(2500, b -> {});
    OktaClient client = ssws(sim);
    Instant since = NOW.minus(Duration.ofDays(7));
    List<LogEvent> got = all(client, LogQuery.bounded(since, NOW, null));
    List<LogEvent> expected = sim.events().stream()
        .filter(e -> !e.published().isBefore(since) && e.published().isBefore(NOW)).toList();
    assertThat(got).hasSize(expected.size()).hasSizeGreaterThan(1000);
    assertThat(got).extracting(LogEvent::rawText).containsExactlyElementsOf(expected.stream().map(LogEvent::rawText).toList());
    assertThat(SimFixtures.requests(sim)).hasSize(2);
  }

  @Test
  void readsAUserAndSurfacesOktasErrorFields() {
    OktaSimulator sim = sim(0, b -> {});
    OktaClient client = ssws(sim);
    assertThat(client.get("/api/v1/users/" + OktaClient.encode(SimFixtures.BOB_LOGIN)).json().get("id").asString())
        .isEqualTo(SimFixtures.BOB);
    assertThatThrownBy(() -> client.get("/api/v1/users/nobody%40contoso.com"))
        .isInstanceOfSatisfying(OktaApiException.class, e -> {
          assertThat(e.isNotFound()).isTrue();
          assertThat(e.errorCode()).isEqualTo("E0000007");
          assertThat(e.summary()).contains("Not found");
          assertThat(e.errorId()).isNotBlank();
          assertThat(e.requestId()).startsWith("req");
          assertThat(e.getMessage()).contains("404", "E0000007", e.requestId());
        });
  }

  @Test
  void aWrongTokenIs401AndSaysWhatToFix() {
    OktaSimulator sim = sim(0, b -> {});
    String wrong = "00wrongWrongWrongWrongWrongWrong";
    OktaClient client = OktaClient.builder(OktaConfig.ssws(sim.baseUrl(), wrong)).build();
    assertThatThrownBy(() -> client.get("/api/v1/users/me"))
        .isInstanceOfSatisfying(OktaApiException.class, e -> {
          assertThat(e.isUnauthorized()).isTrue();
          assertThat(e.isCredentialProblem()).isTrue();
          assertThat(e.getMessage()).contains("E0000011", "OKTA_CLIENT_TOKEN", "To fix").doesNotContain(wrong);
        });
  }

  @Test
  void serviceAppGetsABearerTokenOnceAndReusesIt() throws Exception {
    OktaSimulator sim = sim(10, b -> {});
    OktaClient client = oauth(sim, SCOPES);
    for (int i = 0; i < 3; i++) {
      client.get("/api/v1/users/" + SimFixtures.BOB);
    }
    assertThat(all(client, LogQuery.bounded(NOW.minus(Duration.ofDays(30)), NOW, null))).hasSize(10);
    assertThat(tokenRequests(sim)).containsExactly("POST /oauth2/v1/token -> 200");
  }

  @Test
  void renewsTheTokenBeforeItExpires() throws Exception {
    FakeTime manual = new FakeTime(NOW);
    OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder()
        .seed(SimFixtures.seed(List.of())).clock(manual).build());
    closing.add(sim);
    String pem = Files.readString(sim.privateKeyPem());
    OktaClient client = OktaClient.builder(OktaConfig.privateKey(sim.baseUrl(), sim.oauthClientId(), SCOPES, pem))
        .clock(manual).sleeper(manual).build();
    client.get("/api/v1/users/" + SimFixtures.BOB);
    manual.advance(Duration.ofMinutes(58)); // tokens live an hour; renewed a minute before
    client.get("/api/v1/users/" + SimFixtures.BOB);
    assertThat(tokenRequests(sim)).hasSize(1);
    manual.advance(Duration.ofMinutes(1).plusSeconds(1));
    client.get("/api/v1/users/" + SimFixtures.BOB);
    assertThat(tokenRequests(sim)).hasSize(2);
  }

  @Test
  void usesDpopWhenTheAppRequiresIt() throws Exception {
    OktaSimulator sim = sim(5, b -> b.requireDpop(true));
    OktaClient client = oauth(sim, SCOPES);
    assertThat(all(client, LogQuery.bounded(NOW.minus(Duration.ofDays(30)), NOW, null))).hasSize(5);
    client.get("/api/v1/users/" + SimFixtures.BOB);
    List<String> tokens = tokenRequests(sim);
    assertThat(tokens.get(0)).endsWith("400"); // no proof: invalid_dpop_proof
    assertThat(tokens.get(tokens.size() - 1)).endsWith("200");
    assertThat(tokens).hasSizeBetween(2, 3); // plus a use_dpop_nonce round when the server asks for one
    assertThat(SimFixtures.requests(sim)).filteredOn(e -> e.path().startsWith("/api/")).allMatch(e -> e.status() == 200);
  }

  @Test
  void aScopeTheAppLacksIs403NamingIt() throws Exception {
    OktaSimulator sim = sim(5, b -> b.grantedScopes(Set.of("okta.users.read")));
    OktaClient client = oauth(sim, List.of("okta.users.read"));
    assertThatThrownBy(() -> client.logPage(client.logsUrl(LogQuery.bounded(NOW.minus(Duration.ofDays(1)), NOW, null))))
        .isInstanceOfSatisfying(OktaApiException.class, e -> {
          assertThat(e.isForbidden()).isTrue();
          assertThat(e.getMessage()).contains("grant the scope okta.logs.read", "Okta API Scopes");
        });
  }

  @Test
  void askingForAScopeNotGrantedIsAConfigErrorNamingIt() throws Exception {
    OktaSimulator sim = sim(0, b -> b.grantedScopes(Set.of("okta.users.read")));
    OktaClient client = oauth(sim, SCOPES);
    assertThatThrownBy(() -> client.get("/api/v1/users/" + SimFixtures.BOB))
        .isInstanceOf(OktaConfigException.class)
        .hasMessageContaining("invalid_scope").hasMessageContaining("okta.logs.read").hasMessageContaining("grant");
  }

  @Test
  void aKeyOktaDoesNotKnowIsInvalidClient() throws Exception {
    OktaSimulator sim = sim(0, b -> {});
    OktaClient client = OktaClient.builder(OktaConfig.privateKey(sim.baseUrl(), sim.oauthClientId(), SCOPES,
        TestKeys.pkcs8Pem(TestKeys.RSA))).build();
    assertThatThrownBy(() -> client.get("/api/v1/users/" + SimFixtures.BOB))
        .isInstanceOf(OktaConfigException.class)
        .hasMessageContaining("invalid_client").hasMessageContaining("public key");
  }

  @Test
  void dryRunSendsNothingButGets() {
    OktaSimulator sim = sim(0, b -> {});
    OktaClient client = OktaClient.builder(OktaConfig.ssws(sim.baseUrl(), sim.apiToken())).dryRun(true).build();
    OktaResponse suspend = client.post("/api/v1/users/" + SimFixtures.BOB + "/lifecycle/suspend", null);
    client.delete("/api/v1/users/" + SimFixtures.BOB + "/sessions?oauthTokens=true");
    client.get("/api/v1/users/" + SimFixtures.BOB);
    assertThat(suspend.isDryRun()).isTrue();
    assertThat(suspend.dryRunNote()).isEqualTo("would send POST /api/v1/users/" + SimFixtures.BOB + "/lifecycle/suspend");
    assertThat(client.refusedRequests()).hasSize(2);
    assertThat(SimFixtures.requests(sim).stream().filter(RequestJournal.Entry::mutating).toList()).isEmpty();
    assertThat(SimFixtures.requests(sim)).extracting(RequestJournal.Entry::method).containsExactly("GET");
    assertThat(sim.tenant().user(SimFixtures.BOB).orElseThrow().get("status").asString()).isEqualTo("ACTIVE");
  }

  @Test
  void retriesServerErrorsAndResetsButNeverAnother4xx() {
    OktaSimulator sim = sim(0, b -> b.faults(FaultSpec.parse("500=0.25,503=0.1,reset=0.15")).randomSeed(7));
    OktaClient client = OktaClient.builder(OktaConfig.ssws(sim.baseUrl(), sim.apiToken()))
        .retryPolicy(new RetryPolicy(12, Duration.ofMillis(2), Duration.ofMillis(20), Duration.ofMinutes(1))).build();
    for (int i = 0; i < 20; i++) {
      assertThat(client.get("/api/v1/users/" + SimFixtures.BOB).status()).isEqualTo(200);
    }
    assertThat(SimFixtures.requests(sim)).extracting(RequestJournal.Entry::status).contains(500, 503, 0);
    SimFixtures.clearJournal(sim);
    assertThatThrownBy(() -> client.get("/api/v1/users/ghost")).isInstanceOf(OktaApiException.class);
    assertThat(SimFixtures.requests(sim)).filteredOn(e -> e.status() == 404).hasSize(1);
  }

  @Test
  void givesUpAfterTheRetryBudgetAsARemoteFailure() {
    OktaSimulator sim = sim(0, b -> b.faults(FaultSpec.parse("500=1.0")));
    OktaClient client = OktaClient.builder(OktaConfig.ssws(sim.baseUrl(), sim.apiToken()))
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMinutes(1))).build();
    assertThatThrownBy(() -> client.get("/api/v1/users/" + SimFixtures.BOB))
        .isInstanceOfSatisfying(OktaApiException.class, e -> assertThat(e.isServerError()).isTrue());
    assertThat(SimFixtures.requests(sim)).hasSize(4);
  }

  @Test
  void staysWithinTheRateLimitWithoutA429() {
    ScaledTime fast = new ScaledTime(NOW, 200); // a 60 s window passes in 0.3 s
    OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder()
        .seed(SimFixtures.seed(SimFixtures.events(30, NOW.minus(Duration.ofDays(1)), NOW)))
        .clock(fast).rateLimits(RateLimits.defaults().withLogs(6)).build());
    closing.add(sim);
    OktaClient client = OktaClient.builder(OktaConfig.ssws(sim.baseUrl(), sim.apiToken())).clock(fast).sleeper(fast).build();
    Instant started = fast.instant();
    List<LogEvent> got = all(client, new LogQuery(NOW.minus(Duration.ofDays(1)), NOW, null, null, 2));
    assertThat(got).hasSize(30);
    assertThat(SimFixtures.requests(sim)).hasSize(15).allMatch(e -> e.status() == 200);
    // 15 requests at 6 a minute: at least two windows waited out.
    assertThat(Duration.between(started, fast.instant())).isGreaterThan(Duration.ofMinutes(2));
  }

  @Test
  void waitsOutA429UntilTheReset() {
    ScaledTime fast = new ScaledTime(NOW, 200);
    OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder()
        .seed(SimFixtures.seed(SimFixtures.events(20, NOW.minus(Duration.ofDays(1)), NOW)))
        .clock(fast).faults(FaultSpec.parse("429=0.4")).randomSeed(3).build());
    closing.add(sim);
    OktaClient client = OktaClient.builder(OktaConfig.ssws(sim.baseUrl(), sim.apiToken())).clock(fast).sleeper(fast)
        .retryPolicy(new RetryPolicy(20, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofHours(2))).build();
    assertThat(all(client, new LogQuery(NOW.minus(Duration.ofDays(1)), NOW, null, null, 2))).hasSize(20);
    List<RequestJournal.Entry> requests = SimFixtures.requests(sim);
    assertThat(requests).extracting(RequestJournal.Entry::status).contains(429);
    // after each 429 the next request came only once the window had reset
    for (int i = 0; i + 1 < requests.size(); i++) {
      if (requests.get(i).status() == 429) {
        assertThat(Duration.between(requests.get(i).time(), requests.get(i + 1).time())).isPositive();
      }
    }
  }

  @Test
  void neverSendsTheTokenToAnotherOrigin() throws Exception {
    OktaSimulator sim = sim(2500, b -> {});
    ForeignLinkProxy proxy = new ForeignLinkProxy(sim.baseUrl());
    closing.add(proxy);
    OktaClient client = OktaClient.builder(OktaConfig.ssws(proxy.url(), sim.apiToken())).build();
    URI first = client.logsUrl(LogQuery.bounded(NOW.minus(Duration.ofDays(7)), NOW, null));
    assertThatThrownBy(() -> client.logPage(first))
        .isInstanceOf(OktaException.class)
        .hasMessageContaining("next link points to " + proxy.foreignUrl().replace("http://", "http://"))
        .hasMessageContaining("refusing to follow it")
        .hasMessageNotContaining(sim.apiToken());
    assertThatThrownBy(() -> client.get(proxy.foreignUrl() + "/api/v1/users/me"))
        .isInstanceOf(OktaException.class).hasMessageContaining("refusing to send");
    assertThatThrownBy(() -> client.logPage(URI.create(proxy.foreignUrl() + "/api/v1/logs")))
        .isInstanceOf(OktaException.class).hasMessageContaining("refusing to send");
    assertThatThrownBy(() -> client.get("/api/v1/users/redirect-me"))
        .isInstanceOfSatisfying(OktaApiException.class, e -> assertThat(e.status()).isEqualTo(302));
    assertThat(proxy.foreignRequests()).isEmpty();
  }
}
