package dev.oktair.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oktair.cli.Cli;
import dev.oktair.cli.Context;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The HTML report {@code okta-ir demo} writes, opened in headless Chromium: self-contained and error-free. */
class DemoReportBrowserIT {
  @TempDir Path tmp;

  @Test
  void theDemosReportLoadsCleanly() throws Exception {
    assumeTrue(Chromium.executable() != null, "chromium is not installed");
    Path caseDir = tmp.resolve("case");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(new Context(new PrintWriter(out), new PrintWriter(err), ReportCases.CLOCK, Map.of(),
        tmp.resolve("home"), false), "demo", "--case", caseDir.toString());
    assertThat(code).as(err.toString()).isZero();
    Path html = caseDir.resolve("reports/report.html").toAbsolutePath();
    assertThat(out.toString()).contains(html.toString());

    try (Chromium browser = Chromium.start(tmp.resolve("profile"))) {
      browser.load(html);
      JsonNode page = browser.evaluate("JSON.parse(JSON.stringify({"
          + "findings: !!document.querySelector('#findings h2, h2#findings'),"
          + "svg: document.querySelectorAll('svg#timeline-chart').length,"
          + "sessions: document.querySelectorAll('#sessions-table tbody tr').length}))");
      assertThat(page.get("findings").asBoolean()).isTrue();
      assertThat(page.get("svg").asInt()).isEqualTo(1);
      assertThat(page.get("sessions").asInt()).isPositive();
      browser.screenshot(Path.of("target/report-demo-screenshot.png"));
      assertThat(browser.errors).isEmpty();
      assertThat(browser.requests).containsExactly(html.toUri().toString());
    }
  }
}
