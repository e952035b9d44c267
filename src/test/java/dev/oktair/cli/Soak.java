package dev.oktair.cli;

/**
 * How much longer the fault suites run: {@code -Dsoak.factor=N} (the {@code soak} Maven profile
 * sets it) multiplies their seeds, kill rounds and concurrent pairs; unset it is 1, the counts
 * {@code mvn verify} runs.
 */
final class Soak {
  private Soak() {}

  /** Returns the multiplier, at least 1. */
  static int factor() {
    return Math.max(1, Integer.getInteger("soak.factor", 1));
  }
}
