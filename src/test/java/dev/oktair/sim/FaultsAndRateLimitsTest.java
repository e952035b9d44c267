package dev.oktair.sim;

import static dev.oktair.sim.TestTenant.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Injected faults (deterministic, never corrupting state) and per-bucket rate limits. */
class FaultsAndRateLimitsTest {
  private final SimClock clock = SimClock.at(TestTenant.NOW);

  private OktaSimulator start(FaultSpec faults, RateLimits limits, SimulatorOptions.Sleeper sleeper) {
    return OktaSimulator.start(SimulatorOptions.builder().seed(TestTenant.seed(10)).clock(clock)
        .faults(faults).rateLimits(limits).randomSeed(42).sleeper(sleeper).build());
  }

  @Test
  void faultsAreDeterministicForTheSeed() {
    FaultSpec spec = FaultSpec.parse("429=0.2,500=0.2,503=0.1");
    assertThat(statuses(spec)).isEqualTo(statuses(spec)).contains(200, 429, 500, 503);
  }

  @Test
  void faultsCarryOktaBodiesAndHeaders() {
    try (OktaSimulator sim = start(FaultSpec.parse("429=1"), RateLimits.defaults(), d -> { })) {
      HttpResponse<String> r = new SimHttp(sim).get("/api/v1/logs");
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(SimHttp.json(r).path("errorCode").asString()).isEqualTo("E0000047");
      assertThat(r.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("0");
      assertThat(Long.parseLong(r.headers().firstValue("X-Rate-Limit-Reset").orElseThrow()))
          .isGreaterThan(TestTenant.NOW.getEpochSecond());
    }
    try (OktaSimulator sim = start(FaultSpec.parse("503=1"), RateLimits.defaults(), d -> { })) {
      HttpResponse<String> r = new SimHttp(sim).get("/api/v1/logs");
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(SimHttp.json(r).path("errorCode").asString()).isEqualTo("E0000010");
    }
  }

  @Test
  void faultedMutationsChangeNothing() {
    try (OktaSimulator sim = start(FaultSpec.parse("500=0.5,reset=0.5"), RateLimits.defaults(), d -> { })) {
      SimHttp http = new SimHttp(sim);
      for (int i = 0; i < 5; i++) {
        try {
          assertThat(http.post("/api/v1/users/" + BOB + "/lifecycle/suspend", null).statusCode()).isEqualTo(500);
        } catch (UncheckedIOException dropped) {
          // the reset fault: connection closed without a response
        }
      }
      assertThat(sim.tenant().user(BOB).orElseThrow().path("status").asString()).isEqualTo("ACTIVE");
      assertThat(sim.events()).noneMatch(e -> e.eventType().equals("user.lifecycle.suspend"));
      assertThat(sim.journal().mutating()).hasSize(5).allMatch(e -> e.status() == 500 || e.status() == 0);
    }
  }

  @Test
  void resetDropsTheConnection() {
    try (OktaSimulator sim = start(FaultSpec.parse("reset=1"), RateLimits.defaults(), d -> { })) {
      assertThatThrownBy(() -> new SimHttp(sim).get("/api/v1/users/" + BOB)).isInstanceOf(UncheckedIOException.class);
      // the JDK client retries an idempotent GET once on a dropped connection
      assertThat(sim.journal().requests()).isNotEmpty().allMatch(e -> e.status() == 0);
    }
  }

  @Test
  void latencyGoesThroughTheInjectedSleeper() {
    List<Duration> slept = new ArrayList<>();
    try (OktaSimulator sim = start(FaultSpec.parse("latency=150ms,jitter=50ms"), RateLimits.defaults(), slept::add)) {
      SimHttp http = new SimHttp(sim);
      for (int i = 0; i < 20; i++) {
        assertThat(http.get("/api/v1/users/" + BOB).statusCode()).isEqualTo(200);
      }
    }
    assertThat(slept).hasSize(20).allMatch(d -> d.toMillis() >= 150 && d.toMillis() <= 200);
    assertThat(slept.stream().distinct().count()).isGreaterThan(1);
  }

  @Test
  void tokenEndpointIsSparedUnlessConfigured() {
    try (OktaSimulator sim = start(FaultSpec.parse("500=1"), RateLimits.defaults(), d -> { })) {
      OAuthTestClient client = new OAuthTestClient(sim);
      assertThat(client.token("okta.logs.read", client.assertion(Duration.ofMinutes(5)), null).statusCode()).isEqualTo(200);
    }
    try (OktaSimulator sim = start(FaultSpec.parse("500=1,token=true"), RateLimits.defaults(), d -> { })) {
      OAuthTestClient client = new OAuthTestClient(sim);
      assertThat(client.token("okta.logs.read", client.assertion(Duration.ofMinutes(5)), null).statusCode()).isEqualTo(500);
    }
  }

  @Test
  void exhaustedBucketIs429UntilTheWindowResets() {
    try (OktaSimulator sim = start(FaultSpec.none(), RateLimits.defaults().withLogs(3), d -> { })) {
      SimHttp http = new SimHttp(sim);
      List<String> remaining = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> r = http.get("/api/v1/logs?limit=1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Rate-Limit-Limit")).hasValue("3");
        remaining.add(r.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow());
      }
      assertThat(remaining).containsExactly("2", "1", "0");
      HttpResponse<String> limited = http.get("/api/v1/logs?limit=1");
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(SimHttp.json(limited).path("errorSummary").asString())
          .isEqualTo("API call exceeded rate limit due to too many requests.");
      // Reset - Date is what clients wait; both are on the simulator clock
      assertThat(limited.headers().firstValue("X-Rate-Limit-Reset")).hasValue(Long.toString(TestTenant.NOW.getEpochSecond() + 60));
      assertThat(limited.headers().firstValue("Date")).hasValue("Sun, 01 Mar 2026 12:00:00 GMT");
      assertThat(http.get("/api/v1/users/" + BOB).statusCode()).as("other buckets unaffected").isEqualTo(200);

      assertThat(http.post("/api/v1/users/" + BOB + "/lifecycle/suspend", null).statusCode()).isEqualTo(200);
      clock.advance(Duration.ofSeconds(60));
      assertThat(http.get("/api/v1/logs?limit=1").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void rateLimitedMutationChangesNothing() {
    try (OktaSimulator sim = start(FaultSpec.none(), RateLimits.all(1), d -> { })) {
      SimHttp http = new SimHttp(sim);
      assertThat(http.delete("/api/v1/users/" + BOB + "/factors/mfa_sms_bob_000000001").statusCode()).isEqualTo(204);
      assertThat(http.delete("/api/v1/users/" + BOB + "/factors/fwf_webauthn_bob_0001").statusCode()).isEqualTo(429);
      assertThat(sim.tenant().factors(BOB)).hasSize(3);
    }
  }

  private List<Integer> statuses(FaultSpec spec) {
    try (OktaSimulator sim = start(spec, RateLimits.defaults(), d -> { })) {
      SimHttp http = new SimHttp(sim);
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        out.add(http.get("/api/v1/users/" + BOB).statusCode());
      }
      return out;
    }
  }
}
