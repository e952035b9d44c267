package dev.oktair.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of one {@code respond}: each run through {@link Cli#run} in the given context, its
 * heading on stdout (text mode), its progress on stderr, and its exit code kept for the summary.
 */
final class RespondSteps {
  /**
   * One step's end.
   *
   * @param name the step's short name (collect, investigate, plan, downstream, apply, report)
   * @param args the okta-ir arguments it ran with; empty when it did not run
   * @param exit its exit code (0 when it did not run and that is no failure)
   * @param completed true when it ended with one of the exit codes that let the next steps go on
   * @param skipped why it did not run, or null
   */
  record Result(String name, List<String> args, int exit, boolean completed, String skipped) {
    Result {
      args = List.copyOf(args);
    }

    String command() {
      return args.isEmpty() ? null : "okta-ir " + String.join(" ", args.stream().map(RespondSteps::quote).toList());
    }
  }

  private final Context inner;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean headings;
  private final List<Result> results = new ArrayList<>();
  private int number;

  RespondSteps(Context inner, PrintWriter out, PrintWriter err, boolean headings) {
    this.inner = inner;
    this.out = out;
    this.err = err;
    this.headings = headings;
  }

  /** Runs one step; returns true when it ended with one of {@code completedCodes}. */
  boolean run(int total, String name, String title, List<String> args, int... completedCodes) {
    number++;
    String command = new Result(name, args, 0, true, null).command();
    if (headings) {
      out.println();
      out.printf("== %d/%d %s%n   $ %s%n", number, total, title, TerminalText.neutralise(command));
      out.flush();
    }
    progress("step " + number + "/" + total + " " + name + ": " + command);
    int exit = interrupted() ? ExitCode.INTERRUPTED.code() : Cli.run(inner, args.toArray(String[]::new));
    boolean completed = false;
    for (int code : completedCodes) {
      completed |= code == exit;
    }
    results.add(new Result(name, args, exit, completed, null));
    progress(name + (completed ? " done" : " FAILED") + " (exit " + exit + ")");
    return completed;
  }

  /** Records a step that did not run because an earlier one did not complete. */
  void skip(String name, String why) {
    results.add(new Result(name, List.of(), 0, false, why));
    progress(name + " skipped: " + why);
  }

  /** Records a step refused (exit 2) with what to do instead. */
  void refuse(String name, String why) {
    results.add(new Result(name, List.of(), ExitCode.USAGE.code(), false, why));
    err.println("okta-ir: " + TerminalText.lines(why));
    err.flush();
  }

  List<Result> results() {
    return List.copyOf(results);
  }

  /** A Ctrl-C during an earlier step ends the runbook: nothing after it starts. */
  private boolean interrupted() {
    return results.stream().anyMatch(r -> r.exit() == ExitCode.INTERRUPTED.code());
  }

  private void progress(String line) {
    err.println("[okta-ir] respond: " + TerminalText.neutralise(line));
    err.flush();
  }

  /** Quotes one argument for a POSIX shell when it needs it. */
  static String quote(String a) {
    return a.matches("[A-Za-z0-9@._:/,=+-]+") ? a : "'" + a.replace("'", "'\\''") + "'";
  }
}
