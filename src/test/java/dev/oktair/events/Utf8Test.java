package dev.oktair.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Utf8Test {
  private static byte[] hex(String h) {
    return java.util.HexFormat.of().parseHex(h);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "41", "c3a9", "e282ac", "f09f9880", "f48fbfbf", "ed9fbf", "efbbbf41"})
  void acceptsWellFormed(String h) {
    byte[] b = hex(h);
    assertThat(Utf8.isValid(b, 0, b.length)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"c3", "c0af", "c1bf", "e080af", "eda080", "f08fbfbf", "f4908080", "f5808080", "80", "ff",
      "e282", "41c3", "c328"})
  void rejectsMalformedOverlongSurrogatesAndTooHigh(String h) {
    byte[] b = hex(h);
    assertThat(Utf8.isValid(b, 0, b.length)).isFalse();
  }

  @Test
  void agreesWithTheJdkDecoderOnRandomBytes() {
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      byte[] b = new byte[random.nextInt(12)];
      random.nextBytes(b);
      boolean jdk;
      try {
        StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
        jdk = true;
      } catch (java.nio.charset.CharacterCodingException e) {
        jdk = false;
      }
      assertThat(Utf8.isValid(b, 0, b.length)).as(java.util.HexFormat.of().formatHex(b)).isEqualTo(jdk);
    }
  }

  @Test
  void newlineSearchMatchesTheObviousLoopAtEveryOffset() {
    Random random = new Random(11);
    byte[] b = new byte[200];
    for (int i = 0; i < b.length; i++) {
      b[i] = random.nextInt(20) == 0 ? (byte) '\n' : (byte) (random.nextInt(256) == 10 ? 0x8a : random.nextInt(256));
    }
    for (int from = 0; from < b.length; from++) {
      for (int to = from; to <= b.length; to += 7) {
        int expected = -1;
        for (int i = from; i < to; i++) {
          if (b[i] == '\n') {
            expected = i;
            break;
          }
        }
        assertThat(Bytes.indexOfNewline(b, from, to)).isEqualTo(expected);
      }
    }
  }
}
