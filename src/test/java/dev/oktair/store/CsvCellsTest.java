package dev.oktair.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCellsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    "=HYPERLINK(\"http://evil\")|`\"'=HYPERLINK(\"\"http://evil\"\")\"`",
    "+1+1|'+1+1",
    "-2+3|'-2+3",
    "@SUM(A1)|'@SUM(A1)",
    "plain text|plain text",
    "a,b|\"a,b\"",
    "say \"hi\"|\"say \"\"hi\"\"\"",
    "Mozilla/5.0 (X11; Linux)|Mozilla/5.0 (X11; Linux)",
  })
  void fieldsAreNeutralisedThenQuoted(String in, String out) {
    assertThat(CsvCells.field(in)).isEqualTo(out);
  }

  @org.junit.jupiter.api.Test
  void tabCarriageReturnAndNullAreHandled() {
    assertThat(CsvCells.field("\tcmd")).isEqualTo("'\tcmd");
    assertThat(CsvCells.field("\r=1")).isEqualTo("\"'\r=1\"");
    assertThat(CsvCells.field("line1\nline2")).isEqualTo("\"line1\nline2\"");
    assertThat(CsvCells.field(null)).isEmpty();
    assertThat(CsvCells.field("")).isEmpty();
  }
}
