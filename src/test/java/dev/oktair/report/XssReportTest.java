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
 * A case whose every string is hostile ({@link HostileCase}) renders inert: in Chromium no payload
 * runs and no element of theirs exists, yet each is visible as text; in Markdown no payload
 * breaks a table or becomes HTML; bidi overrides are shown, not obeyed.
 */
class XssReportTest {
  @TempDir Path tmp;

  @Test
  void hostileStringsRunNothingInChromiumAndShowAsText() throws Exception {
    assumeTrue(Chromium.executable() != null, "chromium is not installed");
    Path caseDir = HostileCase.write(tmp);
    Path html = Reports.write(caseDir, List.of(ReportFormat.HTML), null, ReportCases.CLOCK).get(0).path();
    String source = Files.readString(html);
    assertThat(source).doesNotContain("\u202E").contains("[U+202E]gnp.exe");

    try (Chromium browser = Chromium.start(tmp.resolve("profile"))) {
      browser.load(html);
      JsonNode page = browser.evaluate("JSON.parse(JSON.stringify({"
          + "xss: typeof window.__xss,"
          + "imgs: document.querySelectorAll('img').length,"
          + "iframes: document.querySelectorAll('iframe').length,"
          + "scripts: document.scripts.length,"
          + "svgs: document.querySelectorAll('svg').length,"
          + "links: document.querySelectorAll('a').length,"
          + "handlers: document.querySelectorAll('[onerror],[onload]').length,"
          + "findings: document.querySelectorAll('#findings-table tbody tr').length,"
          + "attackerBars: document.querySelectorAll('svg#timeline-chart g.attacker').length,"
          + "title: document.title,"
          + "text: document.body.innerText}))");
      assertThat(page.get("xss").asString()).isEqualTo("undefined");
      assertThat(page.get("imgs").asInt()).isZero();
      assertThat(page.get("iframes").asInt()).isZero();
      assertThat(page.get("scripts").asInt()).isEqualTo(1);
      assertThat(page.get("svgs").asInt()).isEqualTo(1);
      assertThat(page.get("links").asInt()).isZero();
      assertThat(page.get("handlers").asInt()).isZero();
      assertThat(page.get("findings").asInt()).isEqualTo(3);
      assertThat(page.get("attackerBars").asInt()).as("attribution survives hostile ids").isEqualTo(2);
      assertThat(page.get("title").asString()).startsWith("Incident report: ");
      String text = page.get("text").asString();
      for (String payload : HostileCase.PAYLOADS) {
        assertThat(text).contains(ReportText.visible(payload));
      }
      browser.screenshot(Path.of("target/report-xss-screenshot.png"));
      assertThat(browser.errors).isEmpty();
      assertThat(browser.requests).containsExactly(html.toUri().toString());
    }
  }

  @Test
  void hostileStringsRunNothingInTheCutPage() throws Exception {
    assumeTrue(Chromium.executable() != null, "chromium is not installed");
    Report report = Reports.build(HostileCase.write(tmp), ReportCases.CLOCK);
    Path html = tmp.resolve("cut.html");
    try (java.io.Writer w = Files.newBufferedWriter(html)) {
      Reports.render(report, ReportFormat.HTML, w, 1); // every table cut: the detection lines and notes show too
    }
    try (Chromium browser = Chromium.start(tmp.resolve("profile"))) {
      browser.load(html);
      JsonNode page = browser.evaluate("JSON.parse(JSON.stringify({"
          + "xss: typeof window.__xss,"
          + "injected: document.querySelectorAll('img,iframe,a,[onerror],[onload]').length,"
          + "scripts: document.scripts.length,"
          + "detections: document.querySelectorAll('#detections-table tbody tr').length,"
          + "cut: document.querySelectorAll('p.cut').length}))");
      assertThat(page.get("xss").asString()).isEqualTo("undefined");
      assertThat(page.get("injected").asInt()).isZero();
      assertThat(page.get("scripts").asInt()).isEqualTo(1);
      assertThat(page.get("detections").asInt()).isPositive();
      assertThat(page.get("cut").asInt()).isPositive();
      assertThat(browser.errors).isEmpty();
      assertThat(browser.requests).containsExactly(html.toUri().toString());
    }
  }

  @Test
  void hostileStringsStayTextInMarkdown() {
    Report report = Reports.build(HostileCase.write(tmp), ReportCases.CLOCK);
    inertMarkdown(Reports.render(report, ReportFormat.MD));
    java.io.StringWriter cut = new java.io.StringWriter();
    Reports.render(report, ReportFormat.MD, cut, 1);
    assertThat(cut.toString()).contains("Every detection at a glance", "Not shown in full");
    inertMarkdown(cut.toString());
  }

  private static void inertMarkdown(String md) {
    assertThat(md).doesNotContain("<script", "<img", "<svg", "<iframe", "](javascript", "\u202E");
    assertThat(md).contains("&lt;script&gt;window.\\_\\_xss=1&lt;/script&gt;", "[U+202E]gnp.exe",
        "\\| pipe \\` tick \\[link\\]\\(javascript:window.\\_\\_xss=6\\)");
    int columns = -1;
    for (String line : md.split("\n")) {
      if (!line.startsWith("|")) {
        columns = -1;
        continue;
      }
      int pipes = line.replace("\\\\", "").replace("\\|", "").length()
          - line.replace("\\\\", "").replace("\\|", "").replace("|", "").length();
      if (columns < 0) {
        columns = pipes;
      }
      assertThat(pipes).as("a hostile string split a table row: %s", line).isEqualTo(columns);
    }
  }

  @Test
  void hostileStringsKeepTheirBytesInJson() {
    String json = Reports.render(Reports.build(HostileCase.write(tmp), ReportCases.CLOCK), ReportFormat.JSON);
    // JSON is for machines: the exact attacker string, JSON-escaped, no HTML entities.
    assertThat(json).contains("<script>window.__xss=1</script> #", "\u202Egnp.exe");
  }
}
