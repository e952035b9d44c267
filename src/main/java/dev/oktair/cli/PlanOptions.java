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
  @Option(names = "--force", description = "Allow acting on a super administrator who held the role before the compromise window, or on the"
      + " credential's own user (a super admin role granted in the window is removed first and needs no --force).")
  boolean force;

  @Option(names = "--reset-factors", description = "Reset every factor of each subject instead of deleting only the rogue ones.")
  boolean resetFactors;

  @Option(names = "--block-ips", description = "Add the attacker's addresses to the '" + Planner.ZONE + "' zone.")
  boolean blockIps;

  @Option(names = "--keep-assignments", description = "Keep the app assignments and group memberships findings attribute"
      + " to the attacker (removed by default; the others of the window are listed and kept either way).")
  boolean keepAssignments;

  /** Accepted for scripts written when removal was opt-in; it is now the default. */
  @Option(names = "--remove-assignments", hidden = true)
  boolean removeAssignments;

  /** Returns the plan options these flags select (a reviewed plan is re-used only when they match). */
  Plan.Options options() {
    if (keepAssignments && removeAssignments) {
      throw ExitException.usage("--keep-assignments and --remove-assignments contradict each other: choose one");
    }
    return new Plan.Options(resetFactors, blockIps, keepAssignments);
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
    if (keepAssignments) {
      a.add("--keep-assignments");
    }
    return a;
  }
}
