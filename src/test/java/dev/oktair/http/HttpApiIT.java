package dev.oktair.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.errors.Kind;
import dev.oktair.okta.SimFixtures;
import dev.oktair.sim.FaultSpec;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.RequestJournal;
import dev.oktair.sim.SimulatorOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP layer against the simulator over real HTTP on loopback, with an SSWS authorizer of its
 * own (nothing Okta-specific from {@code okta}): which calls are re-sent after which failures,
 * and what is reported when a change's outcome is unknown.
 */
class HttpApiIT {
  private static final String SUSPEND = "/api/v1/users/" + SimFixtures.BOB + "/lifecycle/suspend";
  private static final String USER = "/api/v1/users/" + SimFixtures.BOB;
  /** With {@code reset=0.5}, seed 3 draws: the first request reset, the next two answered. */
  private static final long FIRST_RESET_SEED = 3;

  private final FakeTime time = new FakeTime(SimFixtures.NOW);
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final AtomicInteger checks = new AtomicInteger();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private OktaSimulator sim(String faults, long seed) {
    OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().seed(SimFixtures.seed(List.of()))
        .clock(time).faults(FaultSpec.parse(faults)).randomSeed(seed).build());
    closing.add(sim);
    return sim;
  }

  private static HttpApi.Builder api(OktaSimulator sim) {
    Secret token = Secret.of(sim.apiToken());
    Authorizer ssws = new Authorizer() {
      @Override
      public void authorize(java.net.http.HttpRequest.Builder request, String method, URI uri) {
        request.header("Authorization", "SSWS " + token.reveal());
      }

      @Override
      public java.util.Collection<Secret> secrets() {
        return List.of(token);
      }
    };
    return HttpApi.builder(URI.create(sim.baseUrl())).authorizer(ssws).requestIdHeader("X-Okta-Request-Id")
        .retryPolicy(new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMinutes(1)));
  }

  /** The check a caller would write: re-read the user and see whether it is suspended. */
  private Mutation.AlreadyDone suspended(HttpApi api) {
    return () -> {
      checks.incrementAndGet();
      return api.send(Call.get(USER)).text().contains("\"SUSPENDED\"");
    };
  }

  private static List<RequestJournal.Entry> posts(OktaSimulator sim) {
    return SimFixtures.requests(sim).stream().filter(e -> e.method().equals("POST")).toList();
  }

  private static String status(OktaSimulator sim) {
    return sim.tenant().user(SimFixtures.BOB).orElseThrow().get("status").asString();
  }

  @Test
  void aPostWhoseAnswerIsLostAfterItWasAppliedIsCheckedNotSentTwice() {
    OktaSimulator sim = sim("applied-reset=1", 1);
    HttpApi api = api(sim).build();
    Mutation.Result r = api.mutate(Call.json("POST", SUSPEND, null), suspended(api));
    assertThat(r.state()).isEqualTo(Mutation.State.UNKNOWN_CHECKED_DONE);
    assertThat(r.state().tookEffect()).isTrue();
    assertThat(r.sends()).isEqualTo(1);
    assertThat(r.history()).singleElement().asString().contains("POST " + SUSPEND, "checked: done");
    assertThat(posts(sim)).hasSize(1);
    assertThat(status(sim)).isEqualTo("SUSPENDED");
  }

  @Test
  void aPostResetBeforeItWasAppliedIsCheckedNotDoneThenSentOnceMore() {
    OktaSimulator sim = sim("reset=0.5", FIRST_RESET_SEED);
    HttpApi api = api(sim).sleeper(time).clock(time).build();
    Mutation.Result r = api.mutate(Call.json("POST", SUSPEND, null), suspended(api));
    assertThat(r.state()).isEqualTo(Mutation.State.DONE);
    assertThat(r.sends()).isEqualTo(2);
    assertThat(r.history()).singleElement().asString().contains("checked: not done");
    assertThat(checks).hasValue(1);
    assertThat(SimFixtures.requests(sim)).extracting(RequestJournal.Entry::toString)
        .containsExactly("POST " + SUSPEND + " -> 0", "GET " + USER + " -> 200", "POST " + SUSPEND + " -> 200");
    assertThat(status(sim)).isEqualTo("SUSPENDED");
  }

  @Test
  void aPostWithoutACheckIsNotResentAfterAnAmbiguousFailureAndSaysTheOutcomeIsUnknown() {
    OktaSimulator sim = sim("applied-reset=1", 1);
    HttpApi api = api(sim).build();
    assertThatThrownBy(() -> api.send(Call.json("POST", SUSPEND, null)))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REMOTE))
        .hasMessageContaining("POST " + SUSPEND)
        .hasMessageContaining("the outcome is unknown")
        .hasMessageContaining("not sent again")
        .hasMessageNotContaining(sim.apiToken());
    assertThat(posts(sim)).hasSize(1);
  }

  @Test
  void aPostAnsweredWithTheApisOwnErrorIsSentAgainWithoutACheck() {
    // the 500 fault carries Okta's error body and changes nothing: the API answered, it did not act
    OktaSimulator sim = sim("500=0.5", FIRST_RESET_SEED);
    HttpApi api = api(sim).sleeper(time).clock(time).build();
    Mutation.Result r = api.mutate(Call.json("POST", SUSPEND, null), suspended(api));
    assertThat(r.state()).isEqualTo(Mutation.State.DONE);
    assertThat(checks).hasValue(0);
    assertThat(posts(sim)).extracting(RequestJournal.Entry::status).containsExactly(500, 200);
  }

  @Test
  void aGetAfterAResetIsRetried() {
    OktaSimulator sim = sim("reset=0.5", FIRST_RESET_SEED);
    HttpApi api = api(sim).sleeper(time).clock(time).build();
    HttpResult r = api.send(Call.get(USER));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.requestId()).startsWith("req");
    assertThat(SimFixtures.requests(sim)).extracting(RequestJournal.Entry::status).containsExactly(0, 200);
  }

  @Test
  void dryRunSendsNoMutatingRequestAndNeverChecks() {
    OktaSimulator sim = sim("none", 1);
    HttpApi api = api(sim).dryRun(true).build();
    Mutation.Result r = api.mutate(Call.json("POST", SUSPEND, null), suspended(api));
    HttpResult put = api.send(Call.json("PUT", USER, "{}".getBytes()));
    api.send(Call.json("DELETE", USER + "/sessions", null));
    assertThat(api.send(Call.get(USER)).status()).isEqualTo(200);
    assertThat(r.state()).isEqualTo(Mutation.State.DRY_RUN);
    assertThat(r.sends()).isZero();
    assertThat(r.response().dryRunNote()).isEqualTo("would send POST " + SUSPEND);
    assertThat(put.isDryRun()).isTrue();
    assertThat(api.refusedRequests()).containsExactly(
        "would send POST " + SUSPEND, "would send PUT " + USER, "would send DELETE " + USER + "/sessions");
    assertThat(checks).hasValue(0);
    assertThat(sim.journal().mutating()).isEmpty();
    assertThat(SimFixtures.requests(sim)).extracting(RequestJournal.Entry::method).containsExactly("GET");
  }

  @Test
  void aPagingLinkOrAUrlToAnotherOriginIsRefused() {
    OktaSimulator sim = sim("none", 1);
    HttpApi api = api(sim).build();
    URI page = URI.create(sim.baseUrl() + "/api/v1/logs");
    HttpResult foreign = new HttpResult(200, page,
        Map.of("Link", List.of("<" + page + ">; rel=\"self\"", "<https://evil.example/api/v1/logs?after=1>; rel=\"next\"")),
        new byte[0], null, null);
    assertThatThrownBy(() -> api.nextLink(foreign)).isInstanceOf(HttpException.class)
        .hasMessageContaining("next link points to https://evil.example:443").hasMessageContaining("refusing to follow it");
    HttpResult own = new HttpResult(200, page, Map.of("Link", List.of("</api/v1/logs?after=2>; rel=\"next\"")),
        new byte[0], null, null);
    assertThat(api.nextLink(own)).hasToString(sim.baseUrl() + "/api/v1/logs?after=2");
    String otherPort = sim.baseUrl().replaceFirst(":\\d+$", ":1");
    assertThatThrownBy(() -> api.send(Call.get(otherPort + "/api/v1/users")))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.USAGE))
        .hasMessageContaining("refusing to send");
    assertThat(SimFixtures.requests(sim)).isEmpty();
  }

  @Test
  void anErrorAnswerCarriesStatusBodyAndKind() {
    OktaSimulator sim = sim("none", 1);
    HttpApi api = api(sim).build();
    assertThatThrownBy(() -> api.send(Call.get("/api/v1/users/nobody")))
        .isInstanceOfSatisfying(HttpApiException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.kind()).isEqualTo(Kind.REMOTE);
          assertThat(e.body()).contains("E0000007");
          assertThat(e.requestId()).startsWith("req");
        });
    HttpApi wrong = HttpApi.builder(URI.create(sim.baseUrl()))
        .authorizer((b, m, u) -> b.header("Authorization", "SSWS not-the-token")).build();
    assertThatThrownBy(() -> wrong.send(Call.get(USER)))
        .isInstanceOfSatisfying(HttpApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFIG));
  }
}
