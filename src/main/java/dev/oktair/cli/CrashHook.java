package dev.oktair.cli;

import dev.oktair.collect.Collector;

/**
 * The crash tests' hook: with {@code OKTA_IR_TEST_CRASH_AT=POINT} in the environment, the process
 * halts at once (as a {@code kill -9} would stop it: no shutdown hooks, nothing flushed) when a
 * command reaches that point. Unset, as in every real run, it does nothing.
 */
final class CrashHook {
  /** The environment variable naming the point to halt at. */
  static final String VARIABLE = "OKTA_IR_TEST_CRASH_AT";

  /** The exit status a halted process reports (128 + SIGKILL, as a shell shows a kill -9). */
  static final int STATUS = 137;

  private CrashHook() {}

  /** Returns {@code collector} with the hook when the environment asks for one. */
  static Collector install(Context ctx, Collector collector) {
    String point = ctx.env().get(VARIABLE);
    return point == null ? collector : collector.withCrashPoint(at -> halt(point, at));
  }

  private static void halt(String point, String at) {
    if (point.equals(at)) {
      Runtime.getRuntime().halt(STATUS);
    }
  }
}
