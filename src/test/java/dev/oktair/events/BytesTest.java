package dev.oktair.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time newline searches agree with a byte-by-byte search in every window. */
class BytesTest {
  @Test
  void firstAndLastNewlineAsAPlainSearchFindsThem() {
    Random random = new Random(5);
    for (int round = 0; round < 20_000; round++) {
      byte[] b = new byte[random.nextInt(120)];
      for (int i = 0; i < b.length; i++) {
        int kind = random.nextInt(40);
        b[i] = (byte) (kind == 0 ? '\n' : kind == 1 ? 0x0B : kind == 2 ? 0x8A : 'a' + kind % 26);
      }
      int from = random.nextInt(b.length + 1);
      int to = from + random.nextInt(b.length - from + 1);

      assertThat(Bytes.indexOfNewline(b, from, to)).isEqualTo(naive(b, from, to, true));
      assertThat(Bytes.lastIndexOfNewline(b, from, to)).isEqualTo(naive(b, from, to, false));
    }
  }

  @Test
  void newlinesAreCountedAsAPlainCountCountsThemHoweverDense() {
    Random random = new Random(6);
    for (int round = 0; round < 2_000; round++) {
      // up to thousands of words, so the counters' sums across are tried full, at every density
      byte[] b = new byte[random.nextInt(round % 10 == 0 ? 20_000 : 300)];
      int density = 1 + random.nextInt(8);
      for (int i = 0; i < b.length; i++) {
        int kind = random.nextInt(density);
        b[i] = (byte) (kind == 0 ? '\n' : random.nextBoolean() ? 0x8A : 0x0B);
      }
      int from = random.nextInt(b.length + 1);
      int to = from + random.nextInt(b.length - from + 1);
      long plain = 0;
      for (int i = from; i < to; i++) {
        plain += b[i] == '\n' ? 1 : 0;
      }
      assertThat(Bytes.countNewlines(b, from, to)).isEqualTo(plain);
    }
    byte[] all = new byte[100_000];
    java.util.Arrays.fill(all, (byte) '\n');
    assertThat(Bytes.countNewlines(all, 3, all.length)).isEqualTo(all.length - 3);
  }

  @Test
  void theFirstFlaggedByteIsTheLowestFlagInEveryPattern() {
    for (int mask = 1; mask < 256; mask++) {
      long flags = 0;
      for (int k = 0; k < 8; k++) {
        flags |= (mask >>> k & 1L) << (8 * k + 7);
      }
      assertThat(Bytes.firstFlagged(flags)).as("%x", flags).isEqualTo(Long.numberOfTrailingZeros(flags) >>> 3);
    }
  }

  private static int naive(byte[] b, int from, int to, boolean first) {
    int found = -1;
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        if (first) {
          return i;
        }
        found = i;
      }
    }
    return found;
  }
}
