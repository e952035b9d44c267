package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.oktair.events.Json;
import dev.oktair.okta.SimFixtures;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.SimulatorOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8: every command that touches a case leaves {@code case.json} with its run in the
 * history (secrets masked), and a case directory that cannot be written is a local I/O problem
 * (exit 8) naming the path, not a bug.
 */
class CaseFilesIT {
  @TempDir Path dir;

  private Path home() throws IOException {
    return Files.createDirectories(dir.resolve("home"));
  }

  private static JsonNode caseJson(Path caseDir) {
    return Json.MAPPER.readTree(caseDir.resolve("case.json").toFile());
  }

  private static List<String> argv(JsonNode run) {
    List<String> out = new ArrayList<>();
    run.get("argv").forEach(a -> out.add(a.asString()));
    return out;
  }

  @Test
  void importWritesCaseJsonRecordingTheRun() throws IOException {
    Path caseDir = dir.resolve("case");
    Path export = Files.writeString(dir.resolve("e.jsonl"),
        Runs.event("u1", Runs.NOW.minusSeconds(60), "user.session.start", "1.2.3.4", "hi") + "\n");
    Runs.Run r = Runs.run(home(), "import", "--case", caseDir.toString(), export.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode c = caseJson(caseDir);
    assertThat(c.get("id").asString()).isNotBlank();
    assertThat(c.get("created").asString()).isEqualTo(Runs.NOW.toString());
    JsonNode run = c.get("history").get(0);
    assertThat(argv(run)).containsExactly("import", "--case", caseDir.toString(), export.toString());
    assertThat(run.get("exitCode").asInt()).isZero();
    assertThat(run.get("started").asString()).isEqualTo(Runs.NOW.toString());

    // a reading command is recorded too, and a failing one with its exit code
    assertThat(Runs.run(home(), "verify", "--case", caseDir.toString()).exit()).isZero();
    assertThat(Runs.run(home(), "events", "--case", caseDir.toString(), "--filter", "eventType eq").exit()).isEqualTo(2);
    JsonNode history = caseJson(caseDir).get("history");
    assertThat(history).hasSize(3);
    assertThat(argv(history.get(1)).get(0)).isEqualTo("verify");
    assertThat(history.get(2).get("exitCode").asInt()).isEqualTo(2);
  }

  @Test
  void collectRecordsOrgSubjectAndMaskedArguments() throws IOException {
    try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder()
        .seed(SimFixtures.seed(SimFixtures.events(50, SimFixtures.NOW.minus(Duration.ofDays(2)), SimFixtures.NOW)))
        .clock(java.time.Clock.fixed(SimFixtures.NOW, java.time.ZoneOffset.UTC)).build())) {
      Path caseDir = dir.resolve("case");
      Map<String, String> env = Map.of("OKTA_CLIENT_ORGURL", sim.baseUrl(), "OKTA_CLIENT_TOKEN", sim.apiToken());
      CliRun r = CliRun.of(java.time.Clock.fixed(SimFixtures.NOW, java.time.ZoneOffset.UTC), env, home(),
          "collect", "--case", caseDir.toString(), "--user", SimFixtures.BOB_LOGIN, "--since", "7d",
          "--filter", "client.ipAddress eq \"" + sim.apiToken() + "\"");
      assertThat(r.code()).as(r.err()).isZero();
      JsonNode c = caseJson(caseDir);
      assertThat(c.get("orgUrl").asString()).isEqualTo(sim.baseUrl());
      assertThat(c.get("subjects").get(0).asString()).isEqualTo(SimFixtures.BOB_LOGIN);
      String text = Files.readString(caseDir.resolve("case.json"));
      assertThat(text).doesNotContain(sim.apiToken());
      assertThat(argv(c.get("history").get(0))).startsWith("collect", "--case", caseDir.toString());
    }
  }

  @Test
  void demoLeavesCaseJsonWithEveryStep() throws IOException {
    Path caseDir = dir.resolve("demo");
    Runs.Run r = Runs.run(home(), "demo", "--case", caseDir.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> commands = new ArrayList<>();
    caseJson(caseDir).get("history").forEach(run -> commands.add(argv(run).get(0)));
    // respond's runbook: collect, investigate (whose hunt collects the attacker's addresses and each other
    // victim's own log first), contain's plan, the downstream map, contain's apply, the report
    assertThat(commands.get(0)).isEqualTo("collect");
    assertThat(commands).containsSubsequence("collect", "investigate", "contain", "downstream", "contain", "report");
  }

  @Test
  void anUnwritableCaseDirectoryIsExitEightNamingThePath() throws IOException {
    Path parent = Files.createDirectories(dir.resolve("readonly"));
    Path export = Files.writeString(dir.resolve("e.jsonl"), "{\"uuid\":\"a\"}\n");
    parent.toFile().setWritable(false);
    try {
      assumeThat(Files.isWritable(parent)).as("chmod has no effect (running as root)").isFalse();
      Path caseDir = parent.resolve("case");
      Runs.Run r = Runs.run(home(), "import", "--case", caseDir.toString(), export.toString());
      assertThat(r.exit()).isEqualTo(ExitCode.IO.code());
      assertThat(r.err()).contains(caseDir.toString(), "permission denied").doesNotContain("internal error");
    } finally {
      parent.toFile().setWritable(true);
    }
  }

  @Test
  void aCaseDirectoryUnderAFileIsExitEightNamingThePath() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    Path export = Files.writeString(dir.resolve("e.jsonl"), "{\"uuid\":\"a\"}\n");
    Path caseDir = file.resolve("case");
    Runs.Run r = Runs.run(home(), "import", "--case", caseDir.toString(), export.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.IO.code());
    assertThat(r.err()).contains(caseDir.toString()).doesNotContain("internal error");
  }

  @Test
  void aFullDiskOrDeniedFileIsALocalIoFailureWithItsPath() {
    UncheckedIOException full = new UncheckedIOException("cannot seal /c/evidence/0001-a.jsonl",
        new IOException("No space left on device"));
    assertThat(Failures.exitCodeOf(full)).isEqualTo(ExitCode.IO);
    assertThat(Failures.messageOf(full)).contains("/c/evidence/0001-a.jsonl", "disk is full");
    UncheckedIOException denied = new UncheckedIOException("cannot write", new AccessDeniedException("/c/case.json"));
    assertThat(Failures.exitCodeOf(denied)).isEqualTo(ExitCode.IO);
    assertThat(Failures.messageOf(denied)).isEqualTo("cannot write (/c/case.json): permission denied");
    assertThat(Failures.exitCodeOf(new RuntimeException(new InterruptedException()))).isEqualTo(ExitCode.INTERRUPTED);
  }
}
