package dev.oktair.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oktair.events.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A case with more findings than a page shows in full (issue 14: 317k findings wrote 296 MB of
 * HTML), here 25 findings at a limit of 10: the page sums up every detection, shows the most
 * severe findings, and says how many it leaves out and where they are; report.json keeps them all.
 */
class CutReportTest {
  static final int LIMIT = 10;

  @TempDir Path tmp;
  private Report report;

  @BeforeEach
  void caseWith25Findings() throws IOException {
    Path caseDir = ReportCases.full(tmp);
    ObjectNode doc = Json.MAPPER.createObjectNode().put("version", 1);
    ArrayNode findings = doc.putArray("findings");
    // 12 critical (one attacker IP each, two subjects), 9 high, 4 low: the cut falls inside the criticals.
    add(findings, "proxy-auth", "critical", "Sign-in through an anonymising proxy", 12, i -> i % 2 == 0 ? "alex@contoso.com" : "bob@contoso.com", true);
    add(findings, "new-asn", "high", "Sign-in from a new network", 9, i -> "alex@contoso.com", false);
    add(findings, "push-fatigue", "low", "Many pushes denied", 4, i -> "carol@contoso.com", false);
    Files.writeString(caseDir.resolve("findings.json"), Json.MAPPER.writeValueAsString(doc), StandardCharsets.UTF_8);
    report = Reports.build(caseDir, ReportCases.CLOCK);
    assertThat(report.findings().content()).hasSize(25);
  }

  @Test
  void theHtmlPageSumsUpEveryDetectionAndNamesWhatItLeavesOut() throws Exception {
    assumeTrue(Chromium.executable() != null, "chromium is not installed");
    Path html = tmp.resolve("report.html");
    try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
      Reports.render(report, ReportFormat.HTML, w, LIMIT);
    }
    try (Chromium browser = Chromium.start(tmp.resolve("profile"))) {
      browser.load(html);
      JsonNode page = browser.evaluate("JSON.parse(JSON.stringify({"
          + "detections: Array.prototype.map.call(document.querySelectorAll('#detections-table tbody tr'),"
          + "  function(tr){return [tr.children[1].querySelector('code').textContent, tr.children[2].textContent,"
          + "  tr.children[3].textContent, tr.querySelectorAll('td:nth-child(7) li').length];}),"
          + "findings: document.querySelectorAll('#findings-table tbody tr').length,"
          + "severities: Array.prototype.map.call(document.querySelectorAll('#findings-table tbody tr td:first-child'),"
          + "  function(td){return td.textContent;}),"
          + "findingsCut: document.querySelector('#findings-cut').textContent,"
          + "hosts: document.querySelectorAll('#infrastructure-table tbody tr').length,"
          + "hostsCut: document.querySelector('#infrastructure-cut').textContent,"
          + "sessionsCut: document.querySelector('#sessions-cut'),"
          + "visible: document.querySelector('#findings-cut').getBoundingClientRect().height > 0}))");
      assertThat(page.get("detections").toString()).isEqualTo("[[\"proxy-auth\",\"12\",\"alex@contoso.com, bob@contoso.com\",3],"
          + "[\"new-asn\",\"9\",\"alex@contoso.com\",3],[\"push-fatigue\",\"4\",\"carol@contoso.com\",3]]");
      assertThat(page.get("findings").asInt()).isEqualTo(LIMIT);
      assertThat(page.get("severities").toString()).isEqualTo("[" + "\"critical\",".repeat(LIMIT - 1) + "\"critical\"]");
      assertThat(page.get("findingsCut").asString()).isEqualTo("25 findings; the 10 most severe are shown in full."
          + " 15 findings are not shown here: report.json and findings.json hold every one.");
      assertThat(page.get("hosts").asInt()).isEqualTo(LIMIT);
      assertThat(page.get("hostsCut").asString()).startsWith("12 attacker IPs;").contains("2 attacker IPs are not shown here");
      assertThat(page.get("sessionsCut").isNull()).as("the fixture's 4 sessions fit: no note").isTrue();
      assertThat(page.get("visible").asBoolean()).isTrue();
      browser.screenshot(Path.of("target/report-cut-screenshot.png"));
      assertThat(browser.errors).isEmpty();
      assertThat(browser.requests).containsExactly(html.toUri().toString());
    }
  }

  @Test
  void theMarkdownSaysTheSameAndTheJsonKeepsEveryFinding() {
    StringWriter md = new StringWriter();
    Reports.render(report, ReportFormat.MD, md, LIMIT);
    assertThat(md.toString())
        .contains("### Every detection at a glance")
        .contains("| **critical** | **Sign-in through an anonymising proxy** <code>proxy-auth</code> | 12 | alex@contoso.com, bob@contoso.com |")
        .contains("> **Not shown in full.** 25 findings; the 10 most severe are shown in full. 15 findings are not shown"
            + " here: report.json and findings.json hold every one.");
    assertThat(md.toString().lines().filter(l -> l.startsWith("| **critical** | **Sign")).count())
        .as("the detection's line and the 10 findings shown").isEqualTo(1 + LIMIT);

    JsonNode json = Json.MAPPER.readTree(Reports.render(report, ReportFormat.JSON));
    assertThat(json.get("findings").get("content").size()).isEqualTo(25);
    assertThat(json.get("infrastructure").size()).isEqualTo(12);
  }

  @Test
  void atTheLimitNothingIsCut() {
    String md = render(ReportFormat.MD, 25);
    assertThat(md).doesNotContain("Not shown in full").doesNotContain("Every detection at a glance");
    assertThat(render(ReportFormat.HTML, 25)).doesNotContain("-cut\"").doesNotContain("detections-table");
    assertThat(render(ReportFormat.HTML, 24)).contains("id=\"findings-cut\"").contains("detections-table");
  }

  private String render(ReportFormat format, int limit) {
    StringWriter out = new StringWriter();
    Reports.render(report, format, out, limit);
    return out.toString();
  }

  private static void add(ArrayNode findings, String detection, String severity, String title, int count,
      java.util.function.IntFunction<String> subject, boolean withIp) {
    for (int i = 0; i < count; i++) {
      ObjectNode f = findings.addObject();
      String minute = String.format("%02d", i);
      f.put("id", "F-" + detection + "-" + minute).put("detection", detection).put("severity", severity)
          .put("title", title).put("summary", title + " #" + i).put("subject", subject.apply(i))
          .put("first", "2024-06-14T02:" + minute + ":00Z").put("last", "2024-06-14T02:" + minute + ":30Z")
          .put("technique", "T1078").put("recommendation", "Clear the user's sessions.");
      f.putArray("evidence").addObject().put("uuid", "e3").put("published", "2024-06-14T02:10:00Z")
          .put("eventType", "user.session.start");
      ObjectNode facts = f.putObject("facts");
      if (withIp) {
        facts.put("ip", "203.0.113." + (i + 1)).put("attacker", "true");
      }
    }
  }
}
