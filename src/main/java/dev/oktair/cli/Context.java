package dev.oktair.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may touch outside itself: its output streams, the clock, the environment and
 * the user's home. Tests build one with captured streams and a fixed clock.
 *
 * @param out results (stdout)
 * @param err progress, warnings and errors (stderr)
 * @param clock the only source of "now"
 * @param env environment variables (OKTA_CLIENT_* and friends)
 * @param home the user's home directory (for ~/.okta/okta.yaml)
 * @param interactive true when stderr is a terminal (progress bars instead of plain lines)
 * @param in standard input, for confirmation prompts (commands that change an org refuse to prompt
 *     when it is not a terminal)
 */
public record Context(
    PrintWriter out, PrintWriter err, Clock clock, Map<String, String> env, Path home, boolean interactive, Input in) {
  public Context {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(clock, "clock");
    env = Map.copyOf(env);
    Objects.requireNonNull(home, "home");
  }

  /** Returns a context without input (nothing to read, not a terminal). */
  public Context(PrintWriter out, PrintWriter err, Clock clock, Map<String, String> env, Path home, boolean interactive) {
    this(out, err, clock, env, home, interactive, Input.none());
  }

  /** Returns the context of the real process. */
  public static Context system() {
    return new Context(
        ByteOutput.stdout(),
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
        Clock.systemUTC(),
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        System.console() != null,
        Input.of(new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)),
            System.console() != null));
  }
}
