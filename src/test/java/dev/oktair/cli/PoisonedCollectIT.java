package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.collect.Collector;
import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import dev.oktair.okta.ScaledTime;
import dev.oktair.okta.SimFixtures;
import dev.oktair.sim.FaultSpec;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15: events a (hostile or broken) server sends through the API are held to the reading
 * import holds lines to. The simulator's {@code poison} fault serves a share of the events with a
 * lone surrogate escape or a repeated key, over real HTTP: those are quarantined with the reason
 * and the page they came from, every other event is sealed, exit 6, and the case stays readable
 * ({@code verify}, {@code load}, {@code pivot}, {@code sql}). A server sending nothing but such
 * events is stopped at the documented bound.
 */
class PoisonedCollectIT {
  private static final Instant NOW = SimFixtures.NOW;
  private static final int EVENTS = 3000;
  private final ScaledTime time = new ScaledTime(NOW, 1);
  private OktaSimulator sim;
  @TempDir Path dir;

  @AfterEach
  void close() {
    if (sim != null) {
      sim.close();
    }
  }

  private Map<String, String> start(String faults) {
    sim = OktaSimulator.start(SimulatorOptions.builder()
        .seed(SimFixtures.seed(SimFixtures.events(EVENTS, NOW.minus(Duration.ofDays(10)), NOW)))
        .clock(time).faults(FaultSpec.parse(faults)).build());
    return Map.of("OKTA_CLIENT_ORGURL", sim.baseUrl(), "OKTA_CLIENT_TOKEN", sim.apiToken());
  }

  private CliRun run(Map<String, String> env, String... args) throws IOException {
    return CliRun.of(time, env, Files.createDirectories(dir.resolve("home")), args);
  }

  @Test
  void poisonedEventsAreQuarantinedWithTheirReasonsAndEveryOtherEventIsSealed() throws IOException {
    Map<String, String> env = start("poison=0.03");
    Path caseDir = dir.resolve("case");
    String c = caseDir.toString();
    CliRun r = run(env, "collect", "--case", c, "--all", "--since", "11d", "--json");
    assertThat(r.code()).as(r.err()).isEqualTo(6);
    JsonNode summary = Json.MAPPER.readTree(r.out());
    long rejected = summary.get("rejected").asLong();
    long sealed = summary.get("events").asLong();
    assertThat(rejected).isBetween(30L, 200L);
    assertThat(sealed + rejected).isEqualTo(EVENTS);

    Path quarantine = Path.of(summary.get("quarantine").asString());
    assertThat(quarantine.getParent()).isEqualTo(caseDir.resolve("quarantine"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(quarantine))).isEqualTo("rw-------");
    List<JsonNode> rejects = Files.readAllLines(quarantine).stream().map(Json.MAPPER::readTree).toList();
    assertThat(rejects).hasSize((int) rejected);
    Set<String> reasons = new HashSet<>();
    for (JsonNode q : rejects) {
      assertThat(q.propertyNames()).containsExactly("file", "line", "reason", "bytes", "sha256", "raw");
      assertThat(q.get("file").asString()).startsWith(sim.baseUrl() + "/api/v1/logs?").doesNotContain(sim.apiToken());
      assertThat(q.get("line").asLong()).isBetween(1L, 1000L);
      String reason = q.get("reason").asString();
      reasons.add(reason.contains("lone surrogate") ? "surrogate" : reason.toLowerCase(java.util.Locale.ROOT).contains("duplicate") ? "duplicate" : reason);
    }
    assertThat(reasons).containsExactlyInAnyOrder("surrogate", "duplicate");

    // Every tenant event is either sealed byte-exact or quarantined, and none twice.
    Path evidence = caseDir.resolve(summary.get("evidence").asString());
    List<String> lines = Files.readAllLines(evidence);
    assertThat(lines).hasSize((int) sealed).noneMatch(l -> l.contains("\\ud800") || l.contains("poison.duplicate_key"));
    Set<String> tenant = sim.events().stream().map(LogEvent::rawText).collect(Collectors.toSet());
    assertThat(tenant).containsAll(lines);
    Set<String> sealedUuids = lines.stream().map(l -> LogEvent.parse(l).uuid()).collect(Collectors.toSet());
    Set<String> rejectedUuids = rejects.stream()
        .map(q -> q.get("raw").asString().replaceFirst("^.*\"uuid\":\"([^\"]+)\".*$", "$1")).collect(Collectors.toSet());
    assertThat(sealedUuids).hasSize((int) sealed).doesNotContainAnyElementsOf(rejectedUuids);
    assertThat(rejectedUuids).hasSize((int) rejected);
    assertThat(r.err()).doesNotContain(sim.apiToken());

    assertThat(run(env, "verify", "--case", c).code()).isZero();
    CliRun load = run(env, "load", "--case", c);
    assertThat(load.code()).as(load.err()).isZero();
    CliRun pivot = run(env, "pivot", "--case", c, "--by", "ip");
    assertThat(pivot.code()).as(pivot.err()).isZero();
    CliRun sql = run(env, "sql", "--case", c, "--csv", "SELECT count(*) AS n FROM events");
    assertThat(sql.code()).as(sql.err()).isZero();
    assertThat(sql.out().lines().toList()).containsExactly("n", Long.toString(sealed));

    CliRun plain = run(env, "collect", "--case", dir.resolve("plain").toString(), "--all", "--since", "11d");
    assertThat(plain.code()).isEqualTo(6);
    assertThat(plain.out()).contains("Rejected " + rejected + " events the server sent that are not System Log"
        + " evidence (sealed without them); quarantined with the reasons in ");
  }

  @Test
  void aServerSendingOnlyNonEvidenceIsStoppedAtTheBound() throws IOException {
    Map<String, String> env = start("poison=1");
    Path caseDir = dir.resolve("case");
    CliRun r = run(env, "collect", "--case", caseDir.toString(), "--all", "--since", "11d", "--slices", "1");
    assertThat(r.code()).as(r.err()).isEqualTo(4);
    assertThat(r.err()).contains("more than " + Collector.MAX_REJECTED + " events", "not System Log evidence",
        "check the org URL");
    assertThat(caseDir.resolve("evidence/manifest.json")).doesNotExist();
    assertThat(run(env, "verify", "--case", caseDir.toString()).code()).isNotEqualTo(1);
  }
}
