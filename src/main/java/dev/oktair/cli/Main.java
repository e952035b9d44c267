package dev.oktair.cli;

import dev.oktair.sim.scenario.Scenarios;

/** The {@code okta-ir} executable. */
public final class Main {
  private Main() {}

  public static void main(String... args) {
    // The AWS SDK logs through SLF4J, which warns on stderr that no logger is bound; okta-ir has
    // nothing to log there, and those three lines are noise at 03:00. Its own errors still show.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    // simulate's first answer waits for its scenario to be read (issue 16, ready in under 2 s):
    // the reader gets ready on another core while picocli reads the command line on this one
    if (args.length > 0 && "simulate".equals(args[0])) {
      Scenarios.warmUp();
    }
    Context context = Context.system();
    if (args.length > 0 && !args[0].startsWith("-") && !"help".equals(args[0])) {
      // a command that runs long on a heap too small for its case says so rather than collect in silence
      HeapWatch.start(context.err());
    }
    System.exit(Cli.run(context, args));
  }
}
