package dev.oktair.cli;

/** The {@code okta-ir} executable. */
public final class Main {
  private Main() {}

  public static void main(String... args) {
    // The AWS SDK logs through SLF4J, which warns on stderr that no logger is bound; okta-ir has
    // nothing to log there, and those three lines are noise at 03:00. Its own errors still show.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    System.exit(Cli.run(Context.system(), args));
  }
}
