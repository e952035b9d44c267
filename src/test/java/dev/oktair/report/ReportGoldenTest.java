package dev.oktair.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The HTML, Markdown and JSON of the fixed case (src/test/resources/report/case, fixed clock) match the
 * golden files in src/test/resources/report/golden byte for byte. After an intended change,
 * regenerate with {@code -Dreport.golden.update=true} and review the diff.
 */
class ReportGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/report/golden");

  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(value = ReportFormat.class, names = {"HTML", "MD", "JSON"})
  void fullCaseMatchesItsGoldenFile(ReportFormat format) throws IOException {
    check(ReportCases.full(tmp), format, "full-" + format.fileName());
  }

  @ParameterizedTest
  @EnumSource(value = ReportFormat.class, names = {"HTML", "MD", "JSON"})
  void evidenceOnlyCaseMatchesItsGoldenFile(ReportFormat format) throws IOException {
    check(ReportCases.evidenceOnly(tmp), format, "evidence-only-" + format.fileName());
  }

  @Test
  void renderingTwiceGivesTheSameBytes() {
    Path caseDir = ReportCases.full(tmp);
    Report report = Reports.build(caseDir, ReportCases.CLOCK);
    for (ReportFormat f : new ReportFormat[] {ReportFormat.HTML, ReportFormat.MD, ReportFormat.JSON}) {
      assertThat(Reports.render(Reports.build(caseDir, ReportCases.CLOCK), f)).isEqualTo(Reports.render(report, f));
    }
  }

  private static void check(Path caseDir, ReportFormat format, String goldenName) throws IOException {
    String actual = Reports.render(Reports.build(caseDir, ReportCases.CLOCK), format);
    Path golden = GOLDEN.resolve(goldenName);
    if (Boolean.getBoolean("report.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file (create with -Dreport.golden.update=true)").exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
