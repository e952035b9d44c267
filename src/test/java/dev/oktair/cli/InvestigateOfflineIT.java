package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.detect.FindingsFile;
import dev.oktair.events.Json;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** investigate on evidence alone: offline, window override, --json, and its usage errors. */
class InvestigateOfflineIT {
  @TempDir Path dir;

  private CliRun run(String... args) throws Exception {
    return CliRun.of(Runs.CLOCK, Map.of(), Files.createDirectories(dir.resolve("home")), args);
  }

  private Path caseWithEvidence() throws Exception {
    Path file = dir.resolve("behaviours.jsonl");
    try (InputStream in = getClass().getResourceAsStream("/detect/behaviours.jsonl")) {
      Files.write(file, in.readAllBytes());
    }
    Path caseDir = dir.resolve("case");
    CliRun imported = run("import", "--case", caseDir.toString(), file.toString());
    assertThat(imported.code()).as(imported.err()).isZero();
    return caseDir;
  }

  @Test
  void withNoOrgConfiguredItInvestigatesTheEvidenceAlone() throws Exception {
    Path caseDir = caseWithEvidence();
    CliRun r = run("investigate", "--case", caseDir.toString(), "--json", "--window-start", "2024-06-20T14:00:00Z",
        "--window-end", "2024-06-20T18:00:00Z");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("investigating the evidence alone");
    assertThat(r.out().lines()).isNotEmpty().allSatisfy(l -> assertThat(Json.MAPPER.readTree(l).has("id")).isTrue());
    FindingsFile.Contents c = FindingsFile.read(caseDir.resolve("findings.json"));
    assertThat(c.window().source()).isEqualTo("override");
    assertThat(c.findings()).extracting(f -> f.detection()).contains("brute-force", "impossible-travel", "push-fatigue");
    // inside the analyst's window, bob's brute force is raised
    assertThat(c.findings()).filteredOn(f -> f.detection().equals("brute-force"))
        .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(dev.oktair.detect.Severity.HIGH));

    // without the analyst's window nothing ties these to an attacker: nothing high
    assertThat(run("investigate", "--case", caseDir.toString(), "--offline", "--fail-on", "high").code()).isZero();
    CliRun failOn = run("investigate", "--case", caseDir.toString(), "--offline", "--fail-on", "medium");
    assertThat(failOn.code()).isEqualTo(10);
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    Path caseDir = caseWithEvidence();
    assertThat(run("investigate", "--case", caseDir.toString(), "--offline", "--window-start", "2024-06-20").code())
        .isEqualTo(2);
    assertThat(run("investigate", "--case", caseDir.toString(), "--offline", "--fail-on", "severe").code()).isEqualTo(2);
    CliRun empty = run("investigate", "--case", dir.resolve("nothing").toString(), "--offline");
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("no evidence");
  }
}
