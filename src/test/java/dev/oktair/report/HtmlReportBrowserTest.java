package dev.oktair.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The HTML report in a real browser (headless Chromium, which .ci/run installs; skipped where it
 * is absent): self-contained (the only request is the file itself), no console errors (so the
 * inline script's CSP hash is right), the findings table and timeline chart are there, the tables
 * sort, and a screenshot is kept as target/report-screenshot.png.
 */
class HtmlReportBrowserTest {
  @TempDir Path tmp;

  @Test
  void theReportLoadsWithoutRequestsOrErrorsAndShowsItsFindingsAndTimeline() throws Exception {
    assumeTrue(Chromium.executable() != null, "chromium is not installed");
    Path caseDir = ReportCases.full(tmp);
    Path html = Reports.write(caseDir, List.of(ReportFormat.HTML), null, ReportCases.CLOCK).get(0).path();

    try (Chromium browser = Chromium.start(tmp.resolve("profile"))) {
      browser.load(html);
      JsonNode page = browser.evaluate("JSON.parse(JSON.stringify({"
          + "findings: document.querySelectorAll('#findings-table tbody tr').length,"
          + "firstFinding: document.querySelector('#findings-table tbody tr td:nth-child(2) strong').textContent,"
          + "bars: document.querySelectorAll('svg#timeline-chart rect[rx]').length,"
          + "attackerBars: document.querySelectorAll('svg#timeline-chart g.attacker').length,"
          + "sessions: document.querySelectorAll('#sessions-table tbody tr').length,"
          + "scripts: document.scripts.length}))");
      assertThat(page.get("findings").asInt()).isEqualTo(3);
      assertThat(page.get("firstFinding").asString()).isEqualTo("Sign-in through an anonymising proxy");
      assertThat(page.get("bars").asInt()).isEqualTo(4);
      assertThat(page.get("attackerBars").asInt()).isEqualTo(2);
      assertThat(page.get("sessions").asInt()).isEqualTo(4);
      assertThat(page.get("scripts").asInt()).isEqualTo(1);

      // The sort script runs under the page's CSP: clicking "Events" twice sorts descending by count.
      JsonNode counts = browser.evaluate("(function(){var th=document.querySelectorAll('#sessions-table th')[4];"
          + "th.click();th.click();return Array.prototype.map.call("
          + "document.querySelectorAll('#sessions-table tbody tr td:nth-child(5)'),function(td){return td.textContent;});})()");
      assertThat(counts.toString()).isEqualTo("[\"4\",\"2\",\"1\",\"1\"]");

      browser.screenshot(Path.of("target/report-screenshot.png"));
      assertThat(browser.errors).isEmpty();
      assertThat(browser.requests).containsExactly(html.toUri().toString());
    }
    assertThat(Files.size(Path.of("target/report-screenshot.png"))).isGreaterThan(10_000);
  }
}
