package dev.oktair.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClassConstantsTest {
  private static byte[] driverLoader() throws IOException {
    try (InputStream in = ClassConstantsTest.class.getClassLoader().getResourceAsStream("org/duckdb/DuckDBNative.class")) {
      return in.readAllBytes();
    }
  }

  @Test
  void rewritesTheOneConstantAndTheClassStillDefines() throws IOException {
    byte[] patched = ClassConstants.replace(driverLoader(), "libduckdb_java.so_", "/cache/dir/ü-libduckdb_java.so_");

    assertThat(patched).isNotNull();
    assertThat(new String(patched, StandardCharsets.ISO_8859_1)).contains("/cache/dir/").doesNotContain("\0libduckdb_java.so_");
    // a fresh loader parses the class file in full: the constant pool is still well formed
    Class<?> defined = new ClassLoader(ClassLoader.getPlatformClassLoader()) {
      Class<?> define() {
        return defineClass("org.duckdb.DuckDBNative", patched, 0, patched.length);
      }
    }.define();
    assertThat(defined.getName()).isEqualTo("org.duckdb.DuckDBNative");
  }

  @Test
  void refusesAMissingOrRepeatedConstantAndWhatIsNotAClass() throws IOException {
    assertThat(ClassConstants.replace(driverLoader(), "no-such-constant", "x")).isNull();
    byte[] twice = ClassConstants.replace(driverLoader(), "duckdb_java", "libduckdb_java");
    assertThat(ClassConstants.replace(twice, "libduckdb_java", "y")).isNull();
    assertThat(ClassConstants.replace("not a class".getBytes(StandardCharsets.US_ASCII), "a", "b")).isNull();
    assertThat(ClassConstants.replace(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 9, 1},
        "a", "b")).isNull(); // truncated
  }
}
