package dev.oktair.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The shape every okta-ir command shares: standard help and version options, {@code --verbose},
 * and the injected {@link Context}. A subcommand implements {@link #execute()} and returns an
 * exit code; failures are thrown and mapped to exit codes in one place ({@link Failures}).
 */
@Command(mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false)
public abstract class BaseCommand implements Callable<Integer> {
  @Spec protected CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, description = "Print details, and stack traces on errors.")
  protected boolean verbose;

  protected Context ctx;

  final void init(Context context) {
    this.ctx = context;
  }

  @Override
  public final Integer call() throws Exception {
    return execute().code();
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
