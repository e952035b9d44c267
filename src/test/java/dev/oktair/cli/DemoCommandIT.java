package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.sim.TenantSeed;
import dev.oktair.sim.scenario.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The README's main job: {@code okta-ir demo} runs the runbook against the simulator end to end. */
class DemoCommandIT {
  private static final Instant NOW = Runs.NOW;

  @TempDir Path dir;

  private Runs.Run demo(String... extra) {
    String[] args = new String[extra.length + 3];
    args[0] = "demo";
    args[1] = "--case";
    args[2] = dir.resolve("case").toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    return Runs.run(dir.resolve("home"), args);
  }

  @Test
  void collectsVerifiesAndExposesTheAttacker() {
    TenantSeed.Story story = Scenarios.load(Scenarios.DEFAULT, 1, NOW).story();

    Runs.Run run = demo();

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Evidence intact");
    assertThat(run.out()).contains("Compromise window (inferred)").contains("Other affected accounts found by --hunt")
        .contains("audit-rogue-factor").contains("policy-gap");
    assertThat(Files.exists(dir.resolve("case").resolve("findings.json"))).isTrue();
    assertThat(run.out()).contains("okta-ir downstream --case").contains("Salesforce.com")
        .contains("The simulated service providers received these revocations");
    assertThat(run.out()).containsPattern("revoke-downstream +salesforce sessions \\S+ +done \\(verified\\)");
    for (String ip : story.attackerIps()) {
      assertThat(newRowOf(run.out(), ip)).as("attacker IP %s is NEW in the pivot", ip).isTrue();
    }
    for (String ip : story.victimIps()) {
      assertThat(newRowOf(run.out(), ip)).as("victim IP %s is not NEW", ip).isFalse();
    }
    EvidenceStore store = EvidenceStore.existing(dir.resolve("case"), Runs.CLOCK);
    assertThat(store.files()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(store.files().get(0).source().kind()).isEqualTo("okta");
    assertThat(store.verify().intact()).isTrue();
    assertThat(Files.exists(dir.resolve("case").resolve("case.duckdb"))).isTrue();
    for (String name : new String[] {"report.html", "report.md"}) {
      Path report = dir.resolve("case").resolve("reports").resolve(name).toAbsolutePath();
      assertThat(report).isRegularFile();
      assertThat(run.out()).contains(report.toString());
    }
  }

  @Test
  void jsonPrintsOneSummaryWithEveryStep() {
    Runs.Run run = demo("--json");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode summary = Json.MAPPER.readTree(run.out().strip());
    assertThat(summary.get("ok").asBoolean()).isTrue();
    assertThat(summary.get("steps")).hasSizeGreaterThanOrEqualTo(5);
    for (JsonNode step : summary.get("steps")) {
      assertThat(step.get("exit").asInt()).as(step.get("command").asString()).isZero();
    }
    // the impact map is printed, and its application happens inside contain --apply, at every fake SP
    assertThat(summary.get("steps").toString()).contains("okta-ir downstream --case");
    JsonNode served = summary.get("serviceProviderRevocations");
    for (String sp : dev.oktair.sim.sp.SpFakes.SERVICES) {
      assertThat(served.path(sp).asInt()).as("revocations %s served", sp).isPositive();
    }
  }

  /** True when the pivot table row for {@code ip} is marked NEW. */
  private static boolean newRowOf(String out, String ip) {
    return out.lines().filter(l -> l.contains(ip) && !l.contains("$ okta-ir"))
        .anyMatch(l -> l.matches(".*\\bNEW\\b.*") || l.matches(".*\\byes\\b.*"));
  }
}
