package dev.oktair.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LogEvent;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaConfig;
import dev.oktair.http.RetryPolicy;
import dev.oktair.okta.ScaledTime;
import dev.oktair.okta.SimFixtures;
import dev.oktair.sim.FaultSpec;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.RateLimits;
import dev.oktair.sim.RequestJournal;
import dev.oktair.sim.SimulatorOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 000 events collected through 429s, 500s, dropped connections and 100 ms of latency on every
 * request end with exactly the tenant's events: each uuid once, none missing. The logs rate limit
 * is raised to 100 000/min so the test stays short, and time runs 1000x (sim and client share the
 * clock) so that a 429's wait for the window reset takes a fraction of a second.
 */
class FaultedCollectionIT {
  private static final int EVENTS = 200_000;
  private static final Instant NOW = SimFixtures.NOW;

  @TempDir Path dir;

  @Test
  void endsWithExactlyTheTenantsEventsDespiteFaults() throws IOException {
    ScaledTime time = new ScaledTime(NOW, 1000);
    Instant since = NOW.minus(Duration.ofDays(30));
    try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder()
        .seed(SimFixtures.seed(SimFixtures.events(EVENTS, since, NOW)))
        .clock(time)
        .faults(FaultSpec.parse("429=0.1,500=0.05,reset=0.02,latency=100ms"))
        .rateLimits(RateLimits.defaults().withLogs(100_000))
        .randomSeed(42)
        .build())) {
      // Retry budget in simulated time: at 1000x, 100 ms of real latency is 100 s of it.
      OktaClient client = OktaClient.builder(OktaConfig.ssws(sim.baseUrl(), sim.apiToken())).clock(time).sleeper(time)
          .retryPolicy(new RetryPolicy(8, Duration.ofMillis(250), Duration.ofSeconds(20), Duration.ofDays(1))).build();
      EvidenceStore store = EvidenceStore.open(dir, time);
      CollectResult r = new Collector(client, store, time, time, Progress.silent())
          .collect(new CollectRequest(Subject.all(), since, NOW, 8, "all 30d"));

      Set<String> expected = new HashSet<>();
      for (LogEvent e : sim.events()) {
        expected.add(e.uuid());
      }
      Set<String> got = new HashSet<>();
      long lines = 0;
      try (BufferedReader in = Files.newBufferedReader(store.pathOf(r.evidence()), StandardCharsets.UTF_8)) {
        for (String line; (line = in.readLine()) != null; lines++) {
          got.add(LogEvent.parse(line).uuid());
        }
      }
      assertThat(lines).isEqualTo(EVENTS).isEqualTo(r.events());
      assertThat(got).isEqualTo(expected);
      assertThat(SimFixtures.requests(sim)).extracting(RequestJournal.Entry::status).contains(429, 500, 0);
    }
  }
}
