package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import org.junit.jupiter.api.Test;

/** Every failure kind has one exit code, and the README and the root help list every code. */
class ExitCodeTest {
  @Test
  void everyKindMapsToOneExitCode() {
    for (Kind kind : Kind.values()) {
      assertThat(ExitCode.of(kind)).as(kind.name()).isNotNull().isNotEqualTo(ExitCode.OK);
      assertThat(Failures.exitCodeOf(new OktaIrException(kind, "x"))).isEqualTo(ExitCode.of(kind));
    }
    assertThat(ExitCode.of(Kind.BUSY)).isEqualTo(ExitCode.USAGE);
    assertThat(ExitCode.of(Kind.IO).code()).isEqualTo(8);
    assertThat(ExitCode.of(Kind.INTERRUPTED).code()).isEqualTo(130);
  }

  @Test
  void theReadmeAndTheRootHelpListEveryExitCode() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    String help = String.join("\n", Cli.class.getAnnotation(picocli.CommandLine.Command.class).footer());
    for (ExitCode code : ExitCode.values()) {
      assertThat(readme).as("README lists exit code %d", code.code()).containsPattern("\\n\\| " + code.code() + " \\|");
      assertThat(help).as("help lists exit code %d", code.code()).containsPattern("(?m)^  " + code.code() + " ");
    }
  }

  @Test
  void aForeignFailureWithoutAFileSystemCauseIsABug() {
    assertThat(Failures.exitCodeOf(new IllegalStateException("x"))).isEqualTo(ExitCode.INTERNAL);
    assertThat(Failures.messageOf(new IllegalStateException("x"))).startsWith("internal error: x");
  }

  @Test
  void runningOutOfMemorySaysHowToGiveItMoreNotThatItIsABug() {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    assertThat(Failures.exitCodeOf(oom)).isEqualTo(ExitCode.INTERNAL);
    assertThat(Failures.messageOf(oom)).startsWith("out of memory: ").contains("OKTA_IR_OPTS=-Xmx4g")
        .doesNotContain("this is a bug");
  }
}
