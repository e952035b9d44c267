package dev.oktair.cli;

import dev.oktair.collect.Collector;
import java.util.ArrayList;
import java.util.List;

/**
 * The crash tests' hook: with {@code OKTA_IR_TEST_CRASH_AT=POINT} in the environment, the process
 * halts at once (as a {@code kill -9} would stop it: no shutdown hooks, nothing flushed) when a
 * command reaches that point, or, at {@link #OUT_OF_MEMORY}, fills the heap until the JVM throws
 * a real {@link OutOfMemoryError}. Unset, as in every real run, it does nothing.
 */
final class CrashHook {
  /** The environment variable naming the point to halt at. */
  static final String VARIABLE = "OKTA_IR_TEST_CRASH_AT";

  /** The exit status a halted process reports (128 + SIGKILL, as a shell shows a kill -9). */
  static final int STATUS = 137;

  /** The point at which {@code report} runs out of memory, as it did on 317k findings (issue 14). */
  static final String OUT_OF_MEMORY = "report-out-of-memory";

  private CrashHook() {}

  /** Fills the heap until it runs out when the environment names {@code point}; else returns. */
  static void exhaustHeap(Context ctx, String point) {
    if (!point.equals(ctx.env().get(VARIABLE))) {
      return;
    }
    List<long[]> held = new ArrayList<>();
    for (;;) {
      held.add(new long[1 << 20]); // 8 MB at a time; dropped, and so free again, once the error is thrown
    }
  }

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
