package dev.oktair.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The record checks that keep Jackson and DuckDB reading a line alike. */
class JsonTextTest {
  static String problem(String s, boolean inner) {
    byte[] b = s.getBytes(UTF_8);
    return JsonText.problem(b, 0, b.length, inner);
  }

  @Test
  void findsLoneSurrogateEscapesButNotPairsOrEscapedBackslashes() {
    assertThat(problem("{\"s\":\"\\ud800\"}", false)).contains("lone surrogate escape \\ud800 at column 7");
    assertThat(problem("{\"s\":\"\\uDC00\"}", false)).contains("lone surrogate");
    assertThat(problem("{\"s\":\"\\ud800\\u0041\"}", false)).contains("lone surrogate");
    assertThat(problem("{\"s\":\"\\ud800", false)).contains("lone surrogate");
    assertThat(problem("{\"s\":\"\\ud83d\\ude00\"}", false)).isNull();
    assertThat(problem("{\"s\":\"\\\\ud800\"}", false)).isNull();
    assertThat(problem("{\"s\":\"\\\\\\ud800\"}", false)).contains("lone surrogate");
  }

  @Test
  void findsControlBytesNulAndBomButLetsLineWhitespaceThroughOutsideWrappers() {
    assertThat(problem("{\"s\":\"a\u0000\"}", false)).contains("a NUL byte at column 8");
    assertThat(problem("{\"s\":\"a\u001f\"}", false)).contains("control character 0x1F at column 8");
    assertThat(problem("{\"s\":1,\r\t\"t\":2}", false)).isNull();
    assertThat(problem("{\"s\":1,\n\"t\":2}", true)).contains("control character 0x0A");
    assertThat(problem("\uFEFF{}", false)).contains("byte order mark");
  }

  /** The eight-at-a-time scan finds the same first byte as a plain loop, wherever it sits. */
  @Test
  void skipPlainAgreesWithAPlainLoop() {
    Random r = new Random(11);
    byte[] alphabet = {'a', ' ', '"', '\\', 0x00, 0x1f, 0x20, 0x7f, (byte) 0x80, (byte) 0xC3, (byte) 0xFF, '\n', 0x5B, 0x5D};
    for (int trial = 0; trial < 20_000; trial++) {
      byte[] b = new byte[r.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        b[i] = r.nextInt(4) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) ('a' + r.nextInt(26));
      }
      int from = b.length == 0 ? 0 : r.nextInt(b.length);
      int expected = from;
      while (expected < b.length && (b[expected] & 0xFF) >= 0x20 && b[expected] != '\\') {
        expected++;
      }
      assertThat(Bytes.skipPlain(b, from, b.length)).isEqualTo(expected);
    }
  }
}
