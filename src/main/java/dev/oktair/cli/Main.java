package dev.oktair.cli;

/** The {@code okta-ir} executable. */
public final class Main {
  private Main() {}

  public static void main(String... args) {
    System.exit(Cli.run(Context.system(), args));
  }
}
