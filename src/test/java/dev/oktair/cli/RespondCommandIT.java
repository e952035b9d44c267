package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.sim.drill.Drill;
import dev.oktair.sim.scenario.Scenarios;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code respond} itself: without --apply nothing changes and it names the command that applies
 * the reviewed plan; --apply without --yes and without a terminal is refused (exit 2) after the
 * review; --json is one summary object; a bad org fails with exit 3 and skips what depends on it.
 */
class RespondCommandIT {
  /**
   * A fixed day that still ticks: a frozen clock also freezes the simulator's rate-limit windows, so
   * a run that spends its budget would wait for a reset that never comes.
   */
  private static final Clock CLOCK = Clock.offset(Clock.systemUTC(),
      java.time.Duration.between(Instant.now(), Instant.parse("2026-06-01T12:00:00Z")));

  @TempDir Path dir;

  private CliRun respond(Drill drill, String... extra) {
    String[] args = new String[extra.length + 5];
    args[0] = "respond";
    args[1] = "--case";
    args[2] = dir.resolve("case").toString();
    args[3] = "--user";
    args[4] = drill.alert().user();
    System.arraycopy(extra, 0, args, 5, extra.length);
    // the drill's exports: the org, and the fake SPs' connector settings (their sessions are footholds too)
    return CliRun.of(CLOCK, drill.environment(), dir.resolve("home"), args);
  }

  @Test
  void reviewFirstThenRefusedWithoutYesThenJsonSummary() {
    try (Drill drill = Drill.start(Scenarios.rehearse("oauth-token-theft", 4, CLOCK.instant()), 0, CLOCK)) {
      CliRun review = respond(drill);
      assertThat(review.code()).as(review.err()).isZero();
      assertThat(drill.simulator().journal().mutating()).isEmpty();
      assertThat(review.out()).contains("== 1/5 Collect").contains("== 3/5 Plan").contains("== Summary for")
          .contains("actions      ").contains("none applied").contains("report html");
      assertThat(review.err()).contains("[okta-ir] respond: step 2/5 investigate")
          .contains("then apply it: okta-ir contain --case " + dir.resolve("case") + " --apply --yes");
      assertThat(drill.score().openFootholds()).isEqualTo(drill.score().footholds().size());

      CliRun unconfirmed = respond(drill, "--apply");
      assertThat(unconfirmed.code()).isEqualTo(ExitCode.USAGE.code());
      assertThat(unconfirmed.err()).contains("needs a terminal to confirm").contains("--apply --yes");
      assertThat(drill.simulator().journal().mutating()).isEmpty();

      CliRun applied = respond(drill, "--apply", "--yes", "--json");
      assertThat(applied.code()).as(applied.err()).isZero();
      JsonNode summary = Json.MAPPER.readTree(applied.out().strip());
      assertThat(summary.path("applied").asBoolean()).isTrue();
      assertThat(summary.path("exit").asInt()).isZero();
      assertThat(summary.path("steps")).extracting(s -> s.path("step").asString())
          .containsExactly("collect", "investigate", "plan", "downstream", "apply", "report");
      assertThat(summary.path("findings").path("high").asInt()).isPositive();
      assertThat(summary.path("actions").path("done").asInt()).as(applied.out() + applied.err()).isEqualTo(summary.path("actions").path("planned").asInt())
          .isPositive();
      assertThat(summary.path("reports").path("html").asString()).endsWith("report.html");
      assertThat(drill.score().clean()).as(drill.score().toJson()).isTrue();
    }
  }

  @Test
  void noOrgIsExit3AndTheRestIsSkipped() {
    CliRun run = CliRun.of(CLOCK, Map.of(), dir.resolve("home"), "respond", "--case", dir.resolve("c").toString(),
        "--user", "a@b.example", "--json");
    assertThat(run.code()).isEqualTo(ExitCode.CONFIG.code());
    JsonNode summary = Json.MAPPER.readTree(run.out().strip());
    assertThat(summary.path("steps").get(0).path("exit").asInt()).isEqualTo(3);
    assertThat(summary.path("steps").get(1).path("skipped").asString()).isEqualTo("collect failed");
  }
}
