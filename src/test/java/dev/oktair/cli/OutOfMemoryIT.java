package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that runs out of heap (here {@code report}, filling a 512 MB heap through {@link
 * CrashHook}, a real OutOfMemoryError in a real JVM) says so in one line and how to give it more;
 * with {@code --verbose}, and only then, the stack trace follows, as for any other failure.
 */
class OutOfMemoryIT {
  @TempDir Path tmp;

  @Test
  void oneLineWithoutVerboseAndTheStackTraceWithIt() throws Exception {
    Path caseDir = Files.createDirectories(tmp.resolve("case"));
    Map<String, String> env = Map.of(CrashHook.VARIABLE, CrashHook.OUT_OF_MEMORY);

    Child quiet = Child.start(tmp, "quiet", env, List.of("report", "--case", caseDir.toString()));
    assertThat(quiet.exit()).isEqualTo(ExitCode.INTERNAL.code());
    assertThat(quiet.stderr()).contains("okta-ir: out of memory: this case needs more than the Java heap's")
        .doesNotContain("java.lang.OutOfMemoryError").doesNotContain("\tat ");

    for (List<String> args : List.of(List.of("report", "--case", caseDir.toString(), "--verbose"),
        List.of("-v", "report", "--case", caseDir.toString()))) {
      Child verbose = Child.start(tmp, "verbose", env, args);
      assertThat(verbose.exit()).as("%s", args).isEqualTo(ExitCode.INTERNAL.code());
      String err = verbose.stderr();
      assertThat(err).as("%s", args).contains("okta-ir: out of memory: this case needs more than the Java heap's")
          .contains("java.lang.OutOfMemoryError").contains("\tat dev.oktair.cli.CrashHook.exhaustHeap")
          .contains("\tat dev.oktair.cli.ReportCommand.execute");
      assertThat(err.indexOf("okta-ir: out of memory")).as("the one line first").isLessThan(err.indexOf("\tat "));
    }
  }
}
