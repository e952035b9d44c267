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
}
