package dev.oktair.okta;

import java.time.Duration;

/**
 * Waits for a while: the one place okta-ir blocks on time, so tests replace it with a fake that
 * advances a fake clock. The HTTP layer's {@link dev.oktair.http.Sleeper}, named here so that
 * packages above {@code okta} need not import {@code http}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper extends dev.oktair.http.Sleeper {
  /** Returns the sleeper that really waits. */
  static Sleeper system() {
    dev.oktair.http.Sleeper real = dev.oktair.http.Sleeper.system();
    return real::sleep;
  }

  /** Returns {@code s} as an okta sleeper. */
  static Sleeper of(dev.oktair.http.Sleeper s) {
    return s instanceof Sleeper own ? own : s::sleep;
  }

  @Override
  void sleep(Duration duration) throws InterruptedException;
}
