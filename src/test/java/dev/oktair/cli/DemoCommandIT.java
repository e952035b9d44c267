package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.sim.scenario.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The README's main job: {@code okta-ir demo} starts a drill in-process, answers its alert with
 * exactly {@code respond --apply --yes}, and prints a clean scorecard.
 */
class DemoCommandIT {
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
  void answersTheDrillsAlertWithRespondAndScoresItClean() {
    String user = Scenarios.rehearse(Scenarios.DEFAULT, 1, Runs.NOW).truth().alert().user();

    Runs.Run run = demo();

    assertThat(run.exit()).as(run.err()).isZero();
    String out = run.out();
    assertThat(out).contains("okta-ir drill start --scenario contoso-aitm --seed 1").contains("ALERT  " + user + ": ");
    assertThat(out).contains("$ okta-ir respond --case " + dir.resolve("case") + " --user " + user + " --apply --yes\n");
    // respond's own steps ran, downstream revocations at the fake SPs included
    assertThat(out).contains("Other affected accounts found by --hunt")
        .containsPattern("revoke-downstream +salesforce sessions \\S+ +done \\(verified\\)");
    // the scorecard: every foothold removed, the SP sessions among them, nothing harmed, no victim missed
    assertThat(out).contains("$ okta-ir drill score").containsPattern("FOOTHOLDS  (\\d+) of \\1 removed")
        .contains("COLLATERAL  none").doesNotContain("MISSED").containsPattern("removed +sp-session ")
        .containsPattern("TIME TO CONTAIN  \\d+h \\d\\dm \\d\\ds");
    assertThat(out.lines()).noneMatch(l -> l.startsWith("  OPEN "));
    assertThat(out + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    Path report = dir.resolve("case").resolve("reports").resolve("report.html").toAbsolutePath();
    assertThat(report).isRegularFile();
    assertThat(out).contains("Case directory: " + dir.resolve("case").toAbsolutePath()).contains("Report (html): " + report);
    assertThat(dir.resolve("case").resolve("findings.json")).isRegularFile();
    assertThat(dir.resolve("case").resolve("case.duckdb")).isRegularFile();
  }

  @Test
  void jsonPrintsOneObjectWithTheScorecard() {
    Runs.Run run = demo("--json");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode o = Json.MAPPER.readTree(run.out().strip());
    assertThat(o.get("ok").asBoolean()).isTrue();
    assertThat(o.get("respondExit").asInt()).isZero();
    assertThat(o.get("case").asString()).isEqualTo(dir.resolve("case").toAbsolutePath().toString());
    JsonNode score = o.get("score");
    assertThat(score.get("scenario").asString()).isEqualTo(Scenarios.DEFAULT);
    assertThat(score.get("footholds")).isNotEmpty().allMatch(f -> f.get("status").asString().equals("removed"));
    assertThat(score.get("footholds")).anyMatch(f -> f.get("kind").asString().equals("sp-session"));
    assertThat(score.get("collateral")).isEmpty();
    assertThat(score.get("otherVictims")).allMatch(v -> v.get("found").asBoolean());
  }

  @Test
  void anUnknownScenarioIsAUsageErrorWithoutAStackTrace() {
    Runs.Run run = demo("--scenario", "no-such-story");

    assertThat(run.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("no-such-story").doesNotContain("\tat ");
  }
}
