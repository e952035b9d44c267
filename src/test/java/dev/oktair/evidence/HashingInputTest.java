package dev.oktair.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The import's input hash, taken on a thread of its own: the same as hashing the bytes in line. */
class HashingInputTest {
  @Test
  void hashesAndCountsEveryByteReadWhateverTheReadSizes() throws Exception {
    // More than all the buffers hold, so that they are handed over and reused several times.
    byte[] data = new byte[HashingInput.BUFFER * (HashingInput.BUFFERS + 1) + 12_345];
    new Random(14).nextBytes(data);
    String sha;
    long count;
    try (HashingInput in = new HashingInput(new ByteArrayInputStream(data))) {
      Random sizes = new Random(7);
      byte[] buf = new byte[HashingInput.BUFFER + 100];
      for (long got = 0; got >= 0; ) {
        int pick = sizes.nextInt(4);
        if (pick == 0) {
          got = in.read();
        } else if (pick == 1) {
          got = in.skip(1 + sizes.nextInt(3000));
          got = got == 0 ? -1 : got;
        } else {
          got = in.read(buf, 3, 1 + sizes.nextInt(pick == 2 ? 5000 : buf.length - 3));
        }
      }
      sha = in.sha256();
      count = in.count;
    }
    assertThat(count).isEqualTo(data.length);
    assertThat(sha).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
  }

  @Test
  void anEmptyInputHasTheHashOfNothing() throws Exception {
    try (HashingInput in = new HashingInput(InputStream.nullInputStream())) {
      assertThat(in.read()).isEqualTo(-1);
      assertThat(in.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
      assertThat(in.count).isZero();
    }
  }
}
