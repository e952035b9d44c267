package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LogEvent;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.evidence.EvidenceWriter;
import dev.oktair.evidence.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code okta-ir report} end to end: files, permissions, options and failures. */
class ReportCommandIT {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-14T12:00:00Z"), ZoneOffset.UTC);
  static final Path FIXTURE = Path.of("src/test/resources/report/case");

  @TempDir Path tmp;

  private Path evidenceCase() throws IOException {
    Path caseDir = tmp.resolve("case");
    try (EvidenceWriter w = EvidenceStore.open(caseDir, CLOCK).create("events", Source.imported("events.jsonl"))) {
      for (String line : Files.readAllLines(FIXTURE.resolve("events.jsonl"), StandardCharsets.UTF_8)) {
        w.write(LogEvent.parse(line));
      }
      w.seal();
    }
    return caseDir;
  }

  private CliRun run(String... args) {
    return CliRun.of(CLOCK, Map.of(), tmp.resolve("home"), args);
  }

  @Test
  void withoutAFormatWritesAllFourOwnerOnlyIntoReports() throws IOException {
    Path caseDir = evidenceCase();
    CliRun r = run("report", "--case", caseDir.toString());

    assertThat(r.code()).as(r.err()).isZero();
    Path reports = caseDir.resolve("reports");
    for (String name : new String[] {"report.html", "report.md", "report.json", "timesketch.jsonl"}) {
      Path file = reports.resolve(name);
      assertThat(file).isRegularFile();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      assertThat(r.out()).contains(file.toString());
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(reports))).isEqualTo("rwx------");
    assertThat(Files.readString(reports.resolve("report.md"))).contains("**Not yet run.**");
    try (var files = Files.list(reports)) {
      assertThat(files).as("no temp file left behind").hasSize(4);
    }
  }

  @Test
  void oneFormatToAFileReplacesAnEarlierOne() throws IOException {
    Path caseDir = evidenceCase();
    Path out = tmp.resolve("r.md");
    Files.writeString(out, "old");
    CliRun r = run("report", "--case", caseDir.toString(), "--format", "MD", "--out", out.toString(), "--json");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(out)).startsWith("# Incident report: case");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
    assertThat(r.out()).contains("\"format\":\"md\"");
    assertThat(caseDir.resolve("reports")).doesNotExist();
  }

  @Test
  void anOutputFileWithTwoFormatsIsAUsageError() throws IOException {
    Path caseDir = evidenceCase();
    CliRun r = run("report", "--case", caseDir.toString(), "--format", "html,md", "--out", tmp.resolve("x").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("exactly one format");
  }

  @Test
  void noCaseIsAUsageError() {
    CliRun r = run("report", "--case", tmp.resolve("nothing").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no case at");
  }

  @Test
  void anUnreadableFindingsFileIsAUsageErrorNamingIt() throws IOException {
    Path caseDir = evidenceCase();
    Files.writeString(caseDir.resolve("findings.json"), "{not json");
    CliRun r = run("report", "--case", caseDir.toString(), "--format", "md");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("findings.json is not readable JSON");
    assertThat(caseDir.resolve("reports/report.md")).doesNotExist();
  }

  @Test
  void anUnknownFormatIsAUsageError() throws IOException {
    CliRun r = run("report", "--case", evidenceCase().toString(), "--format", "pdf");
    assertThat(r.code()).isEqualTo(2);
  }
}
