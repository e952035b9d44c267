package dev.oktair.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --limit N} of every listing command, with one meaning everywhere: print at most N
 * results (events, values, sessions or rows) in the command's order; 0 or absent prints all. When
 * the limit cuts the output the command says so on stderr, so a short list is never taken for all.
 */
final class LimitOption {
  @Option(names = "--limit", paramLabel = "N",
      description = "Print at most N results (events, values, sessions or rows); 0 or absent: all.")
  long limit;

  /** Returns the limit, 0 for none; a negative limit is a usage error. */
  long value() {
    if (limit < 0) {
      throw ExitException.usage("--limit must be 0 (all) or positive, not " + limit);
    }
    return limit;
  }

  /** Returns true when {@code printed} results leave room for one more. */
  boolean room(long printed) {
    return value() == 0 || printed < limit;
  }

  /** Returns the stderr note for a listing of {@code total} results cut to {@code shown}, or null when nothing was cut. */
  String cut(long shown, long total, String what) {
    return shown < total ? "showing the first " + shown + " of " + total + " " + what + " (--limit " + limit + ")" : null;
  }
}
