package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliTest {
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context ctx = new Context(new PrintWriter(out), new PrintWriter(err),
        Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC), Map.of(), Path.of("/nonexistent-home"), false);
    int exit = Cli.run(ctx, args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void helpListsExitCodes() {
    Run r = run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: okta-ir").contains("Exit codes:").contains("6  completed, but some input was rejected");
  }

  @Test
  void versionIsPrinted() {
    Run r = run("--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("okta-ir ");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Run r = run("--no-such-flag");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("okta-ir: Unknown option: '--no-such-flag'").contains("--help");
  }

  @Test
  void everyCommandHasHelp() {
    for (String name : Cli.commandLine(CliTestContexts.quiet()).getSubcommands().keySet()) {
      if (name.equals("help")) {
        continue;
      }
      Run r = run(name, "--help");
      assertThat(r.exit()).as(name + " --help").isZero();
      assertThat(r.out()).as(name + " --help").contains("Usage: okta-ir " + name);
    }
  }
}
