package dev.oktair.http;

import java.time.Duration;

/**
 * Waits for a while: the one place a remote client blocks on time, so tests replace it with a
 * fake that advances a fake clock. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {
  /** Blocks for {@code duration} (nothing when zero or negative). */
  void sleep(Duration duration) throws InterruptedException;

  /** Returns the sleeper that really waits. */
  static Sleeper system() {
    return duration -> {
      if (duration.isNegative() || duration.isZero()) {
        return;
      }
      Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    };
  }
}
