package dev.oktair.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a simulator whose tenant is built in the background accepts connections at once,
 * and a request that comes before the tenant is built waits for all of it: never a partial log.
 */
class BackgroundSeedTest {
  private static final Instant NOW = Instant.parse("2024-06-14T12:00:00Z");

  @Test
  void aRequestBeforeTheSeedIsBuiltWaitsForTheWholeLog() throws Exception {
    CountDownLatch built = new CountDownLatch(1);
    TenantSeed seed = TestTenant.seed(TestTenant.events(500, NOW.minus(Duration.ofDays(3)), NOW));
    try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().clock(SimClock.at(NOW)).build(), () -> {
      try {
        built.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return seed;
    })) {
      assertThat(sim.baseUrl()).startsWith("http://127.0.0.1:");
      assertThat(sim.apiToken()).isNotBlank();
      SimHttp http = new SimHttp(sim);
      CompletableFuture<HttpResponse<String>> early =
          CompletableFuture.supplyAsync(() -> http.get("/api/v1/logs?since=" + NOW.minus(Duration.ofDays(4)) + "&limit=1000"));
      Thread.sleep(300);
      assertThat(early).as("answered before the tenant was built").isNotDone();
      built.countDown();
      HttpResponse<String> r = early.get(30, TimeUnit.SECONDS);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(SimHttp.json(r)).hasSize(500);
      assertThat(sim.events()).hasSize(500);
    }
  }

  @Test
  void aSeedThatFailsToBuildFailsTheRequestsAndAwaitReady() {
    try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().build(), () -> {
      throw new IllegalStateException("scenario broke");
    })) {
      org.assertj.core.api.Assertions.assertThatThrownBy(sim::awaitReady).hasMessageContaining("scenario broke");
      assertThat(new SimHttp(sim).get("/api/v1/logs").statusCode()).isGreaterThanOrEqualTo(500);
    }
  }
}
