package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRangesTest {
  @TempDir
  Path dir;

  private Path file(String name, int size, long seed) throws IOException {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return Files.write(dir.resolve(name), bytes);
  }

  private static byte[] slice(Path p, long offset, int len) throws IOException {
    return Arrays.copyOfRange(Files.readAllBytes(p), (int) offset, (int) offset + len);
  }

  private static byte[] fetched(FileRanges r, int f, long offset, int len) throws IOException {
    int at = r.fetch(f, offset, len);
    return Arrays.copyOfRange(r.buffer(), at, at + len);
  }

  /** Forward, backward, across files, at the very end and larger than the first read: always the file's exact bytes. */
  @Test
  void everyRangeIsTheFilesBytesInAnyOrder() throws IOException {
    Path a = file("a", 9 << 20, 1);
    Path b = file("b", 300_000, 2);
    Random random = new Random(3);
    try (FileRanges r = new FileRanges(List.of(a, b))) {
      for (long off = 0; off + 1500 < (9 << 20); off += 1500 + random.nextInt(20_000)) { // forward, as a time-ordered file
        assertThat(fetched(r, 0, off, 1500)).isEqualTo(slice(a, off, 1500));
      }
      for (int i = 0; i < 300; i++) { // no order, two files, some long ranges
        int f = random.nextInt(2);
        Path p = f == 0 ? a : b;
        int len = 1 + random.nextInt(i % 50 == 0 ? 200_000 : 3000);
        long off = random.nextInt((int) Files.size(p) - len + 1);
        assertThat(fetched(r, f, off, len)).isEqualTo(slice(p, off, len));
      }
      assertThat(fetched(r, 1, 300_000 - 7, 7)).isEqualTo(slice(b, 300_000 - 7, 7));
    }
  }

  /** A file cut short since its ranges were noted fails the fetch; it never hands back fewer bytes. */
  @Test
  void aRangePastTheEndFails() throws IOException {
    Path a = file("a", 10_000, 4);
    try (FileRanges r = new FileRanges(List.of(a))) {
      assertThatThrownBy(() -> r.fetch(0, 9_990, 11)).isInstanceOf(EOFException.class).hasMessageContaining("a");
      assertThat(fetched(r, 0, 9_990, 10)).isEqualTo(slice(a, 9_990, 10));
    }
  }
}
