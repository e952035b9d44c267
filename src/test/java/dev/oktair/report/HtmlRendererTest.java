package dev.oktair.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML page's safety properties that need no browser (the browser tests need Chromium). */
class HtmlRendererTest {
  @TempDir java.nio.file.Path tmp;

  @Test
  void theCspAllowsExactlyTheInlineScriptAndNothingIsFetched() throws Exception {
    String html = Reports.render(Reports.build(ReportCases.full(tmp), ReportCases.CLOCK), ReportFormat.HTML);

    Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").matcher(html);
    assertThat(csp.find()).isTrue();
    assertThat(csp.group(1)).startsWith("default-src 'none';").contains("img-src data:").doesNotContain("unsafe-eval");
    Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(script.find()).isTrue();
    String hash = Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
    assertThat(csp.group(1)).contains("script-src 'sha256-" + hash + "'");
    assertThat(script.find()).as("one script only").isFalse();
    assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"?(https?:|//)").doesNotContain("<link", "@import");
    assertThat(html).contains("@media print", "<svg id=\"timeline-chart\"", "id=\"findings-table\"");
  }

  @Test
  void hostileStringsAreEscapedInTheSource() {
    String html = Reports.render(Reports.build(HostileCase.write(tmp), ReportCases.CLOCK), ReportFormat.HTML);
    assertThat(html).doesNotContain("<script>window", "<img", "<iframe", "<svg onload", "\u202E")
        .contains("&lt;script&gt;window.__xss=1&lt;/script&gt;");
  }
}
