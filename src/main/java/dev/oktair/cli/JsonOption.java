package dev.oktair.cli;

import picocli.CommandLine.Option;

/** The {@code --json} switch of every command that prints results. */
final class JsonOption {
  @Option(names = "--json", description = "Print results as JSON (one object per line where there are many).")
  boolean json;
}
