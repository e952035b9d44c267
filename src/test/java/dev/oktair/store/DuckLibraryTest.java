package dev.oktair.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckLibraryTest {
  @TempDir Path dir;

  @Test
  void twoCommandsAtOnceShareOneCachedLibraryAndNeitherCopiesItToTmp() throws Exception {
    Assumptions.assumeTrue(DuckLibrary.platform() != null, "the cache is used on Linux and macOS only");
    Path cache = dir.resolve("cache");
    // no temporary directory: the driver's own way (a copy in java.io.tmpdir) would fail
    Path tmp = dir.resolve("no-tmp");

    List<Process> both = new ArrayList<>();
    for (String db : List.of("a.duckdb", "b.duckdb")) {
      both.add(probe(cache, tmp, dir.resolve(db)));
    }
    for (Process p : both) {
      assertThat(p.waitFor()).isZero();
      assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()).isEqualTo("42");
    }

    Path okta = cache.resolve("okta-ir");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(okta))).isEqualTo("rwx------");
    List<Path> cached = list(okta);
    assertThat(cached).hasSize(1); // no .part file left behind
    assertThat(cached.get(0).getFileName().toString()).matches("duckdb-[0-9a-f]{8}-[0-9]+-libduckdb_java\\.so_.*");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cached.get(0)))).isEqualTo("r-x------");

    // and a third start finds it in place
    Process again = probe(cache, tmp, dir.resolve("c.duckdb"));
    assertThat(again.waitFor()).isZero();
    assertThat(list(okta)).isEqualTo(cached);
  }

  @Test
  void aCacheOthersCanWriteIsNotUsedAndTheDriverLoadsTheLibraryItself() throws Exception {
    Assumptions.assumeTrue(DuckLibrary.platform() != null, "the cache is used on Linux and macOS only");
    Path cache = dir.resolve("cache");
    Files.createDirectories(cache.resolve("okta-ir"));
    Files.setPosixFilePermissions(cache.resolve("okta-ir"), PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThat(DuckLibrary.cacheDir(cache)).isNull();
    Path tmp = Files.createDirectory(dir.resolve("tmp"));

    Process p = probe(cache, tmp, dir.resolve("a.duckdb"));

    assertThat(p.waitFor()).isZero();
    assertThat(list(cache.resolve("okta-ir"))).isEmpty();
  }

  @Test
  void aCachedFileOfTheWrongSizeOrWritableByOthersIsNotUsable() throws IOException {
    Path okta = DuckLibrary.cacheDir(dir);
    assertThat(okta).isEqualTo(dir.resolve("okta-ir"));
    Path lib = Files.writeString(okta.resolve("lib"), "12345");
    Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("r-x------"));

    assertThat(DuckLibrary.usable(lib, 5)).isTrue();
    assertThat(DuckLibrary.usable(lib, 6)).isFalse(); // partial or another build
    Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxrw-r--"));
    assertThat(DuckLibrary.usable(lib, 5)).isFalse();
    assertThat(DuckLibrary.usable(okta.resolve("missing"), 5)).isFalse();
    Path link = Files.createSymbolicLink(okta.resolve("link"), lib);
    assertThat(DuckLibrary.usable(link, 5)).isFalse();
  }

  private static Process probe(Path cache, Path tmp, Path db) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), DuckLibraryProbe.class.getName(),
        db.toString());
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    return pb.start();
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
