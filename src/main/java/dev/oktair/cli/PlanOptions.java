package dev.oktair.cli;

import dev.oktair.contain.Plan;
import dev.oktair.contain.Planner;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What the containment plan may do beyond its defaults, written once for {@code contain} and
 * {@code respond}: the same flags, the same meaning, handed on unchanged from one to the other.
 */
final class PlanOptions {
  @Option(names = "--force", description = "Allow acting on a super administrator or on the credential's own user.")
  boolean force;

  @Option(names = "--reset-factors", description = "Reset every factor of each subject instead of deleting only the rogue ones.")
  boolean resetFactors;

  @Option(names = "--block-ips", description = "Add the attacker's addresses to the '" + Planner.ZONE + "' zone.")
  boolean blockIps;

  @Option(names = "--remove-assignments",
      description = "Remove app assignments and group memberships added in the window (listed either way).")
  boolean removeAssignments;

  /** Returns the plan options these flags select (a reviewed plan is re-used only when they match). */
  Plan.Options options() {
    return new Plan.Options(resetFactors, blockIps, removeAssignments);
  }

  /** Returns the flags that select the same plan, to hand to an inner {@code contain}. */
  List<String> planArgs() {
    List<String> a = new ArrayList<>();
    if (resetFactors) {
      a.add("--reset-factors");
    }
    if (blockIps) {
      a.add("--block-ips");
    }
    if (removeAssignments) {
      a.add("--remove-assignments");
    }
    return a;
  }
}
