package dev.oktair.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Containment as plan.json and journal.jsonl tell it, including a crash mid-apply. */
class ContainmentInputTest {
  @TempDir Path tmp;

  @Test
  void anActionSentWithoutOutcomeLeavesContainmentIncomplete() throws IOException {
    Path caseDir = ReportCases.full(tmp);
    // A crash after a3's intent: its outcome line is torn, and a4, a5 never started.
    List<String> journal = ReportCases.readLines(caseDir.resolve("journal.jsonl"));
    Files.writeString(caseDir.resolve("journal.jsonl"),
        String.join("\n", journal.subList(0, 5)) + "\n{\"phase\":\"outcome\",\"id\":\"a3\",\"sta");

    Report report = Reports.build(caseDir, ReportCases.CLOCK);

    List<Report.Action> actions = report.containment().content();
    assertThat(actions).extracting(Report.Action::status)
        .containsExactly("done", "done", "sent, no outcome", "planned", "planned");
    assertThat(actions.get(2).requested()).isEqualTo(Instant.parse("2024-06-14T10:05:02Z"));
    assertThat(report.downstream().content()).extracting(Report.Impact::status)
        .containsExactly("planned", "planned", "manual");
    assertThat(actions.get(2).completed()).isNull();
    assertThat(report.timeToContain().containmentComplete()).isNull();
    assertThat(report.timeToContain().fromFirstAttackerEvent()).isEqualTo("-");
    assertThat(report.timeToContain().firstAttackerEvent()).isEqualTo(Instant.parse("2024-06-14T02:10:00Z"));
  }

  @Test
  void aPlanNeverAppliedShowsEveryActionPlanned() throws IOException {
    Path caseDir = ReportCases.full(tmp);
    Files.delete(caseDir.resolve("journal.jsonl"));

    Report report = Reports.build(caseDir, ReportCases.CLOCK);

    assertThat(report.containment().content()).extracting(Report.Action::status).containsOnly("planned");
    assertThat(report.timeToContain().containmentComplete()).isNull();
    // The downstream map still comes from the plan.
    assertThat(report.downstream().content()).extracting(Report.Impact::category)
        .containsExactly("pending", "pending", "manual");
  }

  @Test
  void downstreamStepsAreVerifiedRequestedOrFailedAsTheJournalSays() throws IOException {
    Path caseDir = ReportCases.full(tmp);
    Report report = Reports.build(caseDir, ReportCases.CLOCK);
    assertThat(report.downstream().content()).extracting(Report.Impact::app, Report.Impact::status, Report.Impact::category)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Office 365", "verified", "done"),
            org.assertj.core.groups.Tuple.tuple("Salesforce", "requested", "requested"),
            org.assertj.core.groups.Tuple.tuple("Salesforce", "manual", "manual"));

    // salesforce refused on a re-run: the last outcome holds
    Files.writeString(caseDir.resolve("journal.jsonl"), "{\"time\":\"2024-06-14T11:00:00Z\",\"id\":\"a5\","
        + "\"key\":\"revoke-downstream:salesforce/TOKENS/alex@contoso.com.prod\",\"phase\":\"outcome\","
        + "\"action\":\"revoke-downstream\",\"status\":\"failed\",\"detail\":\"salesforce: HTTP 401\"}\n",
        java.nio.file.StandardOpenOption.APPEND);
    report = Reports.build(caseDir, ReportCases.CLOCK);
    assertThat(report.downstream().content().get(1).status()).isEqualTo("failed: salesforce: HTTP 401");
    assertThat(report.downstream().content().get(1).category()).isEqualTo("pending");
    assertThat(report.timeToContain().containmentComplete()).isNull();
  }

  @Test
  void completeContainmentTimesFromTheFirstAttackerEventAndFromTheCaseOpening() {
    Report report = Reports.build(ReportCases.full(tmp), ReportCases.CLOCK);
    assertThat(report.timeToContain().containmentComplete()).isEqualTo(Instant.parse("2024-06-14T10:05:05Z"));
    assertThat(report.timeToContain().fromFirstAttackerEventSeconds()).isEqualTo(7 * 3600 + 55 * 60 + 5);
    assertThat(report.timeToContain().fromInvestigationStartSeconds()).isEqualTo(35 * 60 + 5);
  }

  @Test
  void aBrokenLineBeforeTheLastIsAnErrorNamingTheLine() throws IOException {
    Path caseDir = ReportCases.full(tmp);
    Files.writeString(caseDir.resolve("journal.jsonl"), "{\"phase\":\"intent\",\"id\":\"a1\"}\nnot json\n{}\n");
    assertThatThrownBy(() -> Reports.build(caseDir, ReportCases.CLOCK))
        .isInstanceOf(ReportException.class).hasMessageContaining("journal.jsonl line 2");
  }
}
