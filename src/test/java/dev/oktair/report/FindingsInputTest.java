package dev.oktair.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.detect.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** findings.json read one finding at a time (issue 14: 317k findings, 284 MB, did not fit as one tree). */
class FindingsInputTest {
  @TempDir Path caseDir;

  static String finding(String id, String severity, String first) {
    return "{\"id\":\"" + id + "\",\"detection\":\"d\",\"severity\":\"" + severity + "\",\"title\":\"t\",\"summary\":\"s\","
        + "\"subject\":\"alice@x\",\"first\":\"" + first + "\",\"last\":\"" + first + "\",\"technique\":\"T1\","
        + "\"recommendation\":\"r\",\"evidence\":[{\"uuid\":\"u-" + id + "\",\"published\":\"" + first + "\","
        + "\"eventType\":\"user.session.start\"},{\"objectType\":\"factor\",\"objectId\":\"f1\"}],"
        + "\"facts\":{\"ip\":\"6.6.6.6\",\"n\":3}}";
  }

  @Test
  void readsEveryFindingMostSevereFirstAndTheWindowWhereverItIs() throws Exception {
    Files.writeString(caseDir.resolve("findings.json"), "{\"version\":1,\"findings\":["
        + finding("F-2", "low", "2026-01-01T00:00:02Z") + "," + finding("F-1", "critical", "2026-01-01T00:00:03Z") + ","
        + finding("F-0", "critical", "2026-01-01T00:00:01Z") + "],\"extra\":{\"a\":[1,2]},"
        + "\"window\":{\"start\":\"2026-01-01T00:00:00Z\",\"end\":null,\"source\":\"inferred\"}}");
    CaseInputs inputs = new CaseInputs(caseDir);

    Section<List<Finding>> read = FindingsInput.read(inputs);
    assertThat(read.present()).isTrue();
    assertThat(read.content()).extracting(Finding::id).containsExactly("F-0", "F-1", "F-2");
    Finding f = read.content().get(0);
    assertThat(f.evidence()).hasSize(2);
    assertThat(f.facts()).containsEntry("ip", "6.6.6.6").containsEntry("n", "3");
    assertThat(f.first()).isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
    assertThat(FindingsInput.window(inputs))
        .isEqualTo(new FindingsInput.Window(Instant.parse("2026-01-01T00:00:00Z"), null, "inferred"));
  }

  /** The window comes first in investigate's file: reading it stops there, before the findings. */
  @Test
  void windowIsReadWithoutReadingTheFindings() throws Exception {
    Files.writeString(caseDir.resolve("findings.json"),
        "{\"version\":1,\"window\":{\"start\":\"2026-01-01T00:00:00Z\",\"source\":\"analyst\"},\"findings\":[{\"id\": oops");
    CaseInputs inputs = new CaseInputs(caseDir);
    assertThat(FindingsInput.window(inputs).source()).isEqualTo("analyst");
    assertThatThrownBy(() -> FindingsInput.read(inputs)).isInstanceOf(ReportException.class)
        .hasMessageStartingWith("findings.json is not readable JSON (");
  }

  @Test
  void noFileIsNotRunAndAnObjectWithoutFindingsIsNone() throws Exception {
    CaseInputs inputs = new CaseInputs(caseDir);
    assertThat(FindingsInput.read(inputs).present()).isFalse();
    assertThat(FindingsInput.window(inputs)).isNull();
    Files.writeString(caseDir.resolve("findings.json"), "{\"version\":1}");
    assertThat(FindingsInput.read(inputs).content()).isEmpty();
  }
}
