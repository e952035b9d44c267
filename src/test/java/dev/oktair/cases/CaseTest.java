package dev.oktair.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseTest {
  private static final Instant T0 = Instant.parse("2024-06-14T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  @TempDir Path tmp;

  private static Writer writer(String command) {
    return new Writer(4242, command, "1.2.3", T0);
  }

  @Test
  void createLaysOutTheCaseOwnerOnlyAndWritesCaseJson() throws Exception {
    Path dir = tmp.resolve("case-alex");
    try (Case c = Case.create(dir, CLOCK, writer("collect"))) {
      assertThat(c.paths().evidence()).isDirectory();
      assertThat(c.paths().staging()).isDirectory();
      CaseInfo info = c.info();
      assertThat(info.id()).isNotBlank();
      assertThat(info.created()).isEqualTo(T0);
      assertThat(info.oktaIrVersion()).isEqualTo("1.2.3");
      assertThat(info.history()).isEmpty();
    }
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("case.json"))))
          .isEqualTo("rw-------");
    }
    assertThat(Files.readString(dir.resolve("case.json"))).contains("\"created\" : \"2024-06-14T09:00:00Z\"");
  }

  @Test
  void aSecondWriterFailsAtOnceNamingTheHolder() throws Exception {
    Path dir = tmp.resolve("c");
    try (Case first = Case.create(dir, CLOCK, writer("collect"))) {
      first.addSubjects(List.of("alex@contoso.com"));
      // Another thread of this JVM goes through the same code path as another process would.
      Throwable second = CompletableFuture.supplyAsync(() -> {
        try (Case c = Case.create(dir, CLOCK, writer("import"))) {
          return null;
        } catch (OktaIrException e) {
          return e;
        }
      }).get();
      assertThat(second).isInstanceOf(OktaIrException.class);
      assertThat(((OktaIrException) second).kind()).isEqualTo(Kind.BUSY);
      assertThat(second.getMessage()).contains("pid 4242", "okta-ir collect", dir.toString());
      // the first writer is undisturbed
      assertThat(first.addSubjects(List.of("bob")).subjects()).containsExactly("alex@contoso.com", "bob");
    }
    try (Case again = Case.open(dir, CLOCK, writer("load"))) {
      assertThat(again.info().subjects()).containsExactly("alex@contoso.com", "bob");
    }
  }

  @Test
  void readersNeedNoLockAndCannotWrite() {
    Path dir = tmp.resolve("c");
    try (Case w = Case.create(dir, CLOCK, writer("collect"))) {
      Case r = Case.read(dir, CLOCK);
      assertThat(r.writable()).isFalse();
      assertThat(r.info().id()).isEqualTo(w.info().id());
      assertThatThrownBy(() -> r.setOrgUrl("https://x.okta.com")).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void historyMasksSecretsAndWindowKeepsWhatTheAnalystSet() {
    try (Case c = Case.create(tmp.resolve("c"), CLOCK, writer("collect"))) {
      c.recordCommand(new CommandRun(List.of("collect", "--case", "c", "--private-key", "/keys/k.pem",
          "--api-token=00abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN", "--client-secret", "s3cr3t", "--user", "alex",
          "00abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN", "SSWS abc", "-----BEGIN PRIVATE KEY-----\nMII"),
          T0, T0.plusSeconds(3), 0));
      CommandRun run = c.info().history().get(0);
      assertThat(run.argv()).containsExactly("collect", "--case", "c", "--private-key", "<masked>",
          "--api-token=<masked>", "--client-secret", "<masked>", "--user", "alex", "<masked>", "<masked>",
          "<masked>");
      assertThat(run.exitCode()).isZero();
      assertThat(run.ended()).isEqualTo(T0.plusSeconds(3));

      CompromiseWindow set = new CompromiseWindow(T0, T0.plusSeconds(3600), CompromiseWindow.Source.SET);
      c.setWindow(set);
      c.setWindow(new CompromiseWindow(T0.minusSeconds(60), null, CompromiseWindow.Source.INFERRED));
      assertThat(c.info().window()).isEqualTo(set);
    }
  }

  @Test
  void noCaseIsAUsageError() {
    assertThatThrownBy(() -> Case.read(tmp.resolve("none"), CLOCK))
        .isInstanceOf(OktaIrException.class)
        .satisfies(e -> assertThat(((OktaIrException) e).kind()).isEqualTo(Kind.USAGE));
  }

  @Test
  void anUnwritableParentIsAnIoErrorNamingThePath() throws Exception {
    Path parent = tmp.resolve("ro");
    Files.createDirectory(parent);
    parent.toFile().setWritable(false);
    try {
      assumeThat(Files.isWritable(parent)).as("chmod has no effect (running as root?)").isFalse();
      Path dir = parent.resolve("case");
      assertThatThrownBy(() -> Case.create(dir, CLOCK, writer("collect")))
          .isInstanceOf(OktaIrException.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("permission denied")
          .satisfies(e -> assertThat(((OktaIrException) e).kind()).isEqualTo(Kind.IO));
    } finally {
      parent.toFile().setWritable(true);
    }
  }
}
