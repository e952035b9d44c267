package dev.oktair.sim.scenario;

import dev.oktair.sim.TenantSeed;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * The simulator's scenarios: named stories kept as data, materialised into a {@link TenantSeed}
 * (API contract; implementation pending on the scenario branch).
 */
public final class Scenarios {
  /** The scenario used when none is named. */
  public static final String DEFAULT = "contoso-aitm";

  private Scenarios() {}

  /** Returns the names of the scenarios that exist. */
  public static List<String> names() {
    return List.of(DEFAULT);
  }

  /**
   * Materialises scenario {@code name}, deterministic for {@code seed}, its timeline anchored so
   * that its latest activity is just before {@code anchor}.
   *
   * @throws IllegalArgumentException naming the known scenarios when {@code name} is unknown
   */
  public static TenantSeed load(String name, long seed, Instant anchor) {
    throw new UnsupportedOperationException("scenarios are not implemented yet");
  }

  /**
   * Writes {@code count} realistic events (the scenario's mix, many users, spread over the 90
   * days before {@code anchor}) as JSONL to {@code out}; deterministic for {@code seed}.
   */
  public static void generate(long count, long seed, Instant anchor, OutputStream out) {
    throw new UnsupportedOperationException("the event generator is not implemented yet");
  }
}
