package dev.oktair.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

/** The report's text written as it is rendered shows hidden characters as the whole-string form does. */
class ReportTextTest {
  @Test
  void writerShowsHiddenCharactersAsVisibleDoes() throws Exception {
    String text = "ok \u202eevil\u0007 tab\there\nline \u200b end\u202e";
    StringWriter sink = new StringWriter();
    try (Writer w = ReportText.visible(sink)) {
      // in pieces, as a template engine writes: a hidden character at a piece's start, middle and end
      w.write(text, 0, 3);
      w.write(text.charAt(3));
      w.write(text.substring(4, 9).toCharArray(), 0, 5);
      w.write(text, 9, text.length() - 9);
    }
    assertThat(sink.toString()).isEqualTo(ReportText.visible(text))
        .isEqualTo("ok [U+202E]evil[U+0007] tab\there\nline [U+200B] end[U+202E]");
  }

  @Test
  void aCellListsFiftyValuesAndCountsTheRest() {
    java.util.List<String> fifty = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "10.0.0." + i).toList();
    assertThat(ReportText.join(fifty)).isEqualTo(String.join(", ", fifty));
    java.util.List<String> many = java.util.stream.IntStream.range(0, 1_234).mapToObj(i -> "ip" + i).toList();
    assertThat(ReportText.join(many)).isEqualTo(String.join(", ", many.subList(0, 50)) + " and 1,184 more");
    assertThat(ReportText.join(java.util.List.of())).isEqualTo("-");
  }
}
