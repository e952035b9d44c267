package dev.oktair.cli;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code okta-ir} root command: lists the subcommands and runs one. {@link #run} is the
 * entry point for the executable and for tests; it never calls {@code System.exit}.
 */
@Command(
    name = "okta-ir",
    description = "Okta incident response: collect, investigate, contain, report.",
    footerHeading = "%nRun 'okta-ir COMMAND --help' for a command's options.%n%nExit codes:%n",
    footer = {
      "  0  success",
      "  1  internal error (a bug; --verbose prints the stack trace), or out of memory",
      "  2  usage or invalid input",
      "  3  configuration or credentials problem",
      "  4  remote API failure after retries",
      "  5  containment partially applied",
      "  6  completed, but some input was rejected (quarantined)",
      "  7  evidence verification failed (a file changed, added or removed); case database stale or damaged",
      "  8  local I/O problem (disk full, permission denied, read-only file system)",
      "  10 findings at or above --fail-on",
      "  130 interrupted (Ctrl-C): re-run the same command to resume (collect continues from its checkpoints)",
    })
public final class Cli extends BaseCommand {
  /**
   * The subcommands, in the order the usage lists them. Only the one a run names is built: picocli
   * reflects over every option of every command it is given, work a run of one command (or of
   * {@code --version}) should not pay at each start.
   */
  private static final List<Class<?>> COMMANDS = List.of(
      CommandLine.HelpCommand.class,
      ImportCommand.class,
      VerifyCommand.class,
      EventsCommand.class,
      CollectCommand.class,
      InvestigateCommand.class,
      LoadCommand.class,
      PivotCommand.class,
      TimelineCommand.class,
      SqlCommand.class,
      ExportCommand.class,
      ReportCommand.class,
      SimulateCommand.class,
      ContainCommand.class,
      DownstreamCommand.class,
      DemoCommand.class,
      DrillCommand.class,
      RespondCommand.class);

  /** Runs okta-ir with {@code args} in {@code context}; returns the exit code. */
  public static int run(Context context, String... args) {
    // "--version" alone builds no subcommand; "--version" with more is left for picocli to judge.
    boolean versionOnly = args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]));
    CommandLine cl = commandLine(context, args.length == 0 ? null : args[0], versionOnly);
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands only exceptions to the handler above; the heap the failed work held is free again here
      context.err().println("okta-ir: " + Failures.messageOf(e));
      if (verbose(cl)) {
        e.printStackTrace(context.err()); // where it ran out: what a report of a case too large for its heap needs
      }
      return Failures.exitCodeOf(e).code();
    } finally {
      context.out().flush();
      context.err().flush();
    }
  }

  /** Returns true when the command line parsed asked for --verbose, before the command or after it. */
  private static boolean verbose(CommandLine cl) {
    CommandLine.ParseResult parsed = cl.getParseResult();
    return parsed != null && parsed.asCommandLineList().stream()
        .anyMatch(c -> c.getCommand() instanceof BaseCommand b && b.verbose());
  }

  /** Returns the root command line with every subcommand. */
  static CommandLine commandLine(Context context) {
    return commandLine(context, null, false);
  }

  /**
   * Returns the root command line with only the subcommand named {@code first} when the run names
   * one as its first argument, none when {@code versionOnly}, else (and for {@code help}) all of them.
   */
  static CommandLine commandLine(Context context, String first, boolean versionOnly) {
    Cli root = new Cli();
    root.init(context); // the factory only initialises the subcommands it creates
    Factory factory = new Factory(context);
    CommandLine cl = new CommandLine(root, factory);
    Class<?> named = COMMANDS.stream().filter(c -> nameOf(c).equals(first)).findFirst().orElse(null);
    if (named == CommandLine.HelpCommand.class) {
      named = null;
    }
    for (Class<?> command : COMMANDS) {
      if (!versionOnly && (named == null || named == command)) {
        cl.addSubcommand(nameOf(command), new CommandLine(command, factory));
      }
    }
    cl.setOut(context.out());
    cl.setErr(context.err());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    Converters.register(cl, context.clock());
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          Object command = commandLine.getCommand();
          boolean verbose = command instanceof BaseCommand b && b.verbose();
          // Messages quote input and remote answers (DuckDB errors quote cell values, Okta quotes
          // the filter): neutralised, so an attacker's escape sequence cannot reach the terminal.
          context.err().println("okta-ir: " + TerminalText.lines(Failures.messageOf(ex)));
          String hint = command instanceof BaseCommand b && b.caseOption() != null ? b.caseOption().hint(ex) : null;
          if (hint != null) {
            context.err().println("okta-ir: " + TerminalText.lines(hint));
          }
          if (verbose) {
            ex.printStackTrace(context.err());
          }
          return Failures.exitCodeOf(ex).code();
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          context.err().println("okta-ir: " + TerminalText.lines(ex.getMessage()));
          context.err().println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
          return ExitCode.USAGE.code();
        });
    return cl;
  }

  private static String nameOf(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  /** Without a command, the usage goes to stderr (nothing was asked, so no result) and exit code 2. */
  @Override
  protected ExitCode execute() {
    spec.commandLine().usage(ctx.err());
    return ExitCode.USAGE;
  }

  /** Creates commands, handing each the context. */
  private record Factory(Context context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      K made = CommandLine.defaultFactory().create(cls);
      if (made instanceof BaseCommand command) {
        command.init(context);
      }
      return made;
    }
  }

  /** Returns the version Maven wrote into {@code version.properties}, or "development build". */
  static String version() {
    Properties p = new Properties();
    try (InputStream in = Cli.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version", "development build");
  }

  /** Tells picocli the version, for {@code --version}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"okta-ir " + version()};
    }
  }
}
