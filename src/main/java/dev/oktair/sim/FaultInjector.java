package dev.oktair.sim;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Draws, per request and in arrival order, whether to inject a fault and how long to delay;
 * deterministic for the seed. Thread-safe.
 */
final class FaultInjector {
  /** What to do with one request. */
  enum Fault {
    NONE,
    RATE_LIMIT,
    SERVER_ERROR,
    UNAVAILABLE,
    RESET,
    /** Carry a mutating request out, then drop the connection (the after-commit fault). */
    APPLIED_RESET
  }

  /**
   * One draw.
   *
   * @param fault the fault, or NONE
   * @param delay how long to wait before answering
   */
  record Draw(Fault fault, Duration delay) {}

  private final FaultSpec spec;
  private final SplittableRandom random;

  FaultInjector(FaultSpec spec, long seed) {
    this.spec = spec;
    this.random = new SplittableRandom(seed);
  }

  /** Draws the fault for the next request; {@code tokenEndpoint} requests are spared unless configured. */
  synchronized Draw next(boolean tokenEndpoint) {
    if (!spec.active() || (tokenEndpoint && !spec.tokenEndpoint())) {
      return new Draw(Fault.NONE, Duration.ZERO);
    }
    double u = random.nextDouble();
    long jitterMillis = spec.jitter().toMillis();
    long extra = jitterMillis > 0 ? random.nextLong(jitterMillis + 1) : 0;
    Duration delay = spec.latency().plusMillis(extra);
    return new Draw(pick(u), delay);
  }

  private Fault pick(double u) {
    double edge = spec.rate429();
    if (u < edge) {
      return Fault.RATE_LIMIT;
    }
    edge += spec.rate500();
    if (u < edge) {
      return Fault.SERVER_ERROR;
    }
    edge += spec.rate503();
    if (u < edge) {
      return Fault.UNAVAILABLE;
    }
    edge += spec.resetRate();
    if (u < edge) {
      return Fault.RESET;
    }
    edge += spec.appliedResetRate();
    return u < edge ? Fault.APPLIED_RESET : Fault.NONE;
  }
}
