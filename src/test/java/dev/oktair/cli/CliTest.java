package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CliTest {
  private static Runs.Run run(String... args) {
    return Runs.run(Path.of("/nonexistent-home"), args);
  }

  @Test
  void helpListsExitCodes() {
    Runs.Run r = run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: okta-ir").contains("Exit codes:").contains("6  completed, but some input was rejected");
  }

  @Test
  void versionIsPrinted() {
    Runs.Run r = run("--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("okta-ir ");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Runs.Run r = run("--no-such-flag");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("okta-ir: Unknown option: '--no-such-flag'").contains("--help");
  }

  /** No command at all used to be an internal error (a null context): it is a usage error. */
  @Test
  void noCommandPrintsUsageOnStderrAndExitsTwo() {
    Runs.Run r = run();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("Usage: okta-ir").doesNotContain("okta-ir: internal error");
  }

  /**
   * The root help lists each command by its first description line: several were cut mid-sentence
   * ("...each event once:"). Each must be one whole sentence that fits the 80-column list.
   */
  @Test
  void everyCommandSummaryIsOneWholeLine() {
    Runs.Run root = run("--help");
    for (var e : Cli.commandLine(Runs.quiet(Path.of("/nonexistent-home"))).getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue; // picocli's own
      }
      String summary = e.getValue().getCommandSpec().usageMessage().description()[0];
      assertThat(summary).as(e.getKey()).endsWith(".").hasSizeLessThanOrEqualTo(64);
      assertThat(root.out()).as(e.getKey()).contains(summary);
    }
  }

  /** The same option has the same name and label in every command: collect said --since=T, the rest TIME. */
  @Test
  void sharedOptionsHaveOneLabelEverywhere() {
    var labels = java.util.Map.of("--case", "DIR", "--since", "TIME", "--until", "TIME", "--baseline-until", "TIME",
        "--filter", "EXPR");
    for (var e : Cli.commandLine(Runs.quiet(Path.of("/nonexistent-home"))).getSubcommands().entrySet()) {
      for (var option : e.getValue().getCommandSpec().options()) {
        String expected = labels.get(option.longestName());
        if (expected != null) {
          assertThat(option.paramLabel()).as(e.getKey() + " " + option.longestName()).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void everyCommandHasHelp() {
    for (String name : Cli.commandLine(Runs.quiet(Path.of("/nonexistent-home"))).getSubcommands().keySet()) {
      if (name.equals("help")) {
        continue;
      }
      Runs.Run r = run(name, "--help");
      assertThat(r.exit()).as(name + " --help").isZero();
      assertThat(r.out()).as(name + " --help").contains("Usage: okta-ir " + name);
    }
  }

  /**
   * A run builds only the command it names (picocli's reflection over every command's options was
   * most of a start); {@code help}, no command, or an unknown one build them all, so the usage,
   * {@code help COMMAND} and picocli's suggestions still see every command.
   */
  @Test
  void aRunBuildsOnlyTheCommandItNames() {
    Context quiet = Runs.quiet(Path.of("/nonexistent-home"));
    assertThat(Cli.commandLine(quiet, "pivot", false).getSubcommands().keySet()).containsExactly("pivot");
    assertThat(Cli.commandLine(quiet, "--version", true).getSubcommands()).isEmpty();
    int all = Cli.commandLine(quiet).getSubcommands().size();
    assertThat(all).isGreaterThan(10);
    assertThat(Cli.commandLine(quiet, "help", false).getSubcommands()).hasSize(all);
    assertThat(Cli.commandLine(quiet, "frob", false).getSubcommands()).hasSize(all);
    assertThat(run("help", "pivot").out()).contains("Usage: okta-ir pivot");
    Runs.Run versionThenCommand = run("-V", "pivot"); // with more arguments it is picocli's, as before
    assertThat(versionThenCommand.exit()).isZero();
    assertThat(versionThenCommand.out()).startsWith("okta-ir ");
  }
}
