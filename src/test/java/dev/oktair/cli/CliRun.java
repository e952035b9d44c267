package dev.oktair.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * One in-process run of the CLI with captured output.
 *
 * @param code the exit code
 * @param out what went to stdout
 * @param err what went to stderr
 */
record CliRun(int code, String out, String err) {
  static CliRun of(Clock clock, Map<String, String> env, Path home, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(new Context(new PrintWriter(out), new PrintWriter(err), clock, env, home, false), args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
