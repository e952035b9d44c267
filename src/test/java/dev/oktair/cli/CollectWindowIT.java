package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.http.FakeTime;
import dev.oktair.okta.SimFixtures;
import dev.oktair.sim.FaultSpec;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.SimulatorOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16: {@code --since 30d} is resolved to absolute times once and stored in case.json (as
 * typed, and in UTC with milliseconds): a resumed collection continues that window however late
 * it is re-run, and a fresh collection resolves its own.
 */
class CollectWindowIT {
  private static final Instant T0 = SimFixtures.NOW;
  @TempDir Path dir;

  /** A clock the test moves on. */
  private final FakeTime clock = new FakeTime(T0);

  private OktaSimulator sim(int port, String faults) {
    return OktaSimulator.start(SimulatorOptions.builder().port(port)
        .seed(SimFixtures.seed(SimFixtures.events(3000, T0.minus(Duration.ofDays(10)), T0.minusSeconds(60))))
        .clock(clock).faults(FaultSpec.parse(faults)).build());
  }

  private CliRun collect(OktaSimulator sim, String caseDir, String since) throws IOException {
    Map<String, String> env = Map.of("OKTA_CLIENT_ORGURL", sim.baseUrl(), "OKTA_CLIENT_TOKEN", sim.apiToken());
    return CliRun.of(clock, env, Files.createDirectories(dir.resolve("home")),
        "collect", "--case", caseDir, "--all", "--since", since, "--slices", "1", "--json");
  }

  private static JsonNode collection(Path caseDir) {
    return Json.MAPPER.readTree(caseDir.resolve("case.json").toFile()).get("collection");
  }

  @Test
  void aResumeKeepsTheStoredWindowAndAFreshRunResolvesItsOwn() throws IOException {
    Path caseDir = dir.resolve("case");
    int port;
    // Interrupted: a server sending nothing but non-events is stopped at the bound, its checkpoints kept.
    try (OktaSimulator hostile = sim(0, "poison=1")) {
      port = URI.create(hostile.baseUrl()).getPort();
      CliRun first = collect(hostile, caseDir.toString(), "30d");
      assertThat(first.code()).as(first.err()).isEqualTo(4);
    }
    JsonNode stored = collection(caseDir);
    assertThat(stored.get("since").asString()).isEqualTo("30d");
    assertThat(stored.get("until").isNull()).isTrue();
    assertThat(stored.get("from").asString()).isEqualTo("2026-01-30T12:00:00.000Z");
    assertThat(stored.get("to").asString()).isEqualTo("2026-03-01T12:00:00.000Z");

    clock.advance(Duration.ofHours(5));
    try (OktaSimulator same = sim(port, "none")) {
      CliRun resumed = collect(same, caseDir.toString(), "30d");
      assertThat(resumed.code()).as(resumed.err()).isEqualTo(6); // the first run's rejects stay counted
      assertThat(resumed.err()).contains("resuming the interrupted collection of 2026-01-30T12:00:00Z");
      assertThat(collection(caseDir)).isEqualTo(stored);

      clock.advance(Duration.ofHours(2));
      CliRun fresh = collect(same, caseDir.toString(), "20d");
      assertThat(fresh.code()).as(fresh.err()).isZero();
      JsonNode now = collection(caseDir);
      assertThat(List.of(now.get("since").asString(), now.get("from").asString(), now.get("to").asString()))
          .containsExactly("20d", "2026-02-09T19:00:00.000Z", "2026-03-01T19:00:00.000Z");
    }
  }
}
