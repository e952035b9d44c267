/**
 * The {@code okta-ir} command line (picocli): {@link dev.oktair.cli.Cli#run} and one small class
 * per subcommand. Exit codes are defined in {@link dev.oktair.cli.ExitCode} and failures mapped to
 * them in one place. The only package that knows picocli, and the only one that wires the
 * simulator into the product (demo, drill, simulate).
 */
package dev.oktair.cli;
