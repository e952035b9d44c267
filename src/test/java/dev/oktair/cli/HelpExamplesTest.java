package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.oktair.events.filter.EventFilter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 16: every example in a command's help pastes as-is: it is printed on one line (never
 * wrapped), its quoting survives a POSIX shell, and the arguments parse (filters included).
 */
class HelpExamplesTest {
  @TempDir Path home;

  @Test
  void everyHelpExampleIsOneLineThatParses() {
    CommandLine root = Cli.commandLine(Runs.quiet(home));
    List<String> examples = new ArrayList<>();
    for (CommandLine sub : root.getSubcommands().values()) {
      String help = sub.getUsageMessage(CommandLine.Help.Ansi.OFF);
      String[] footers = sub.getCommandSpec().usageMessage().footer();
      for (int i = 0; i < footers.length; i++) {
        if (footers[i].startsWith("  okta-ir ")) {
          StringBuilder example = new StringBuilder();
          for (int j = i; ; j++) { // a line ending in a backslash continues, as in a shell
            assertThat(help.lines()).as("printed unwrapped in %s --help", sub.getCommandName()).contains(footers[j]);
            boolean more = footers[j].endsWith(" \\");
            example.append(more ? footers[j].substring(0, footers[j].length() - 1) : footers[j]);
            if (!more) {
              break;
            }
          }
          examples.add(example.toString().trim().replaceAll(" +", " "));
        }
      }
    }
    assertThat(examples).hasSizeGreaterThanOrEqualTo(10);
    for (String example : examples) {
      List<String> argv = shellWords(example);
      assertThat(argv.get(0)).isEqualTo("okta-ir");
      String[] args = argv.subList(1, argv.size()).toArray(String[]::new);
      assertThatCode(() -> Cli.commandLine(Runs.quiet(home)).parseArgs(args)).as(example).doesNotThrowAnyException();
      int filter = argv.indexOf("--filter");
      if (filter > 0) {
        assertThatCode(() -> EventFilter.parse(argv.get(filter + 1))).as(example).doesNotThrowAnyException();
      }
    }
  }

  @Test
  void theRootHelpSaysCtrlCExitsWith130AndReRunningResumes() {
    String help = Cli.commandLine(Runs.quiet(home)).getUsageMessage(CommandLine.Help.Ansi.OFF);
    assertThat(help).contains("130 interrupted (Ctrl-C): re-run the same command to resume");
  }

  /** Splits like a POSIX shell: single quotes literal, double quotes with backslash escapes. */
  private static List<String> shellWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        w.append(line, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '"') {
        for (i++; line.charAt(i) != '"'; i++) {
          if (line.charAt(i) == '\\') {
            i++;
          }
          w.append(line.charAt(i));
        }
        inWord = true;
      } else if (c == ' ') {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }
}
