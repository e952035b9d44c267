package dev.oktair.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The shape every okta-ir command shares: standard help and version options, {@code --verbose},
 * and the injected {@link Context}. A subcommand implements {@link #execute()} and returns an
 * exit code; failures are thrown and mapped to exit codes in one place ({@link Failures}). A
 * command that mixes in {@link CaseOption} has each run recorded in the case's history here, once,
 * whatever its outcome.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false)
public abstract class BaseCommand implements Callable<Integer> {
  @Spec protected CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, description = "Print details, and stack traces on errors.")
  protected boolean verbose;

  protected Context ctx;

  private StopOnInterrupt stop;

  final void init(Context context) {
    this.ctx = context;
  }

  @Override
  public final Integer call() throws Exception {
    Instant started = ctx.clock().instant();
    if (spec.root().userObject() instanceof BaseCommand root && root != this && root.verbose) {
      verbose = true; // "okta-ir -v events" means the same as "okta-ir events -v"
    }
    int code = ExitCode.INTERNAL.code();
    try {
      code = execute().code();
      return code;
    } catch (Exception | Error e) {
      code = Failures.exitCodeOf(e).code();
      throw e;
    } finally {
      recordRun(started, code);
      if (stop != null) {
        stop.close(); // only now may a Ctrl-C'd JVM exit: the run is sealed and recorded
      }
    }
  }

  /**
   * Turns Ctrl-C into a request to stop (for commands that stop gracefully, e.g. following the
   * log): the process exits only after the command has returned and its run was recorded.
   */
  protected final StopOnInterrupt stopOnInterrupt() {
    if (stop == null) {
      stop = StopOnInterrupt.install();
    }
    return stop;
  }

  private void recordRun(Instant started, int code) {
    CaseOption option = caseOption();
    if (option == null) {
      return;
    }
    List<String> argv = spec.root().commandLine().getParseResult().originalArgs();
    try {
      option.finish(ctx, argv, started, code);
    } catch (RuntimeException e) {
      // The command's own outcome matters more than its line in the history: say so, keep it.
      ctx.err().println("okta-ir: warning: this run was not recorded in case.json: "
          + TerminalText.lines(Failures.messageOf(e)));
    }
  }

  /** Returns the {@code --case} mixin of this command, or null when it has none. */
  final CaseOption caseOption() {
    for (CommandSpec mixin : spec.mixins().values()) {
      if (mixin.userObject() instanceof CaseOption option) {
        return option;
      }
    }
    return null;
  }

  /** Runs the command and returns its exit code. */
  protected abstract ExitCode execute() throws Exception;

  /** Writes one line of progress or a warning to stderr. */
  protected void info(String message) {
    ctx.err().println("[okta-ir] " + message);
    ctx.err().flush();
  }

  boolean verbose() {
    return verbose;
  }
}
