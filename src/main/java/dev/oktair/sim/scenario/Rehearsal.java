package dev.oktair.sim.scenario;

import dev.oktair.sim.TenantSeed;
import java.util.Objects;

/**
 * A scenario played for a drill: the tenant to serve, and apart from it the answer key.
 *
 * @param seed what the simulator serves (no ground truth in it beyond what the tenant shows)
 * @param truth the footholds, victims and alert; the drill keeps it in memory only
 */
public record Rehearsal(TenantSeed seed, GroundTruth truth) {
  public Rehearsal {
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(truth, "truth");
  }
}
