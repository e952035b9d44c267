package dev.oktair.bench;

import dev.oktair.sim.drill.Scorecard;
import dev.oktair.sim.scenario.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 13's rehearsal benchmark: {@code respond --apply --yes} against every shipped scenario at
 * several seeds, each scored, in real time; prints per rehearsal the footholds left, collateral,
 * victims missed and seconds to contain, then the median time to contain beside the industry's
 * 6-hour median. Not a test: run it by hand, on a quiet machine,
 * {@code mvn -q -B -Pbench-rehearse test-compile exec:java} ({@code -Drehearse.seeds=N}, {@code -Drehearse.scenarios=a,b}).
 */
public final class RehearsalBench {
  /** The median time to contain an identity compromise the runbook sets out to beat: 6 hours. */
  static final long SIX_HOURS = 21_600;

  private RehearsalBench() {}

  public static void main(String[] args) throws Exception {
    int seeds = Integer.getInteger("rehearse.seeds", 5);
    String only = System.getProperty("rehearse.scenarios", "");
    List<String> names = only.isBlank() ? Scenarios.names() : List.of(only.split(","));
    Path work = Files.createTempDirectory("rehearse");
    System.out.printf(Locale.ROOT, "%-20s %5s %5s %9s %10s %7s %8s %9s%n", "SCENARIO", "SEED", "EXIT", "FOOTHOLDS",
        "COLLATERAL", "MISSED", "SECONDS", "WALL(s)");
    List<Long> contained = new ArrayList<>();
    int unclean = 0;
    for (String name : names) {
      for (long seed = 1; seed <= seeds; seed++) {
        long t0 = System.nanoTime();
        Rehearsals.Outcome o = Rehearsals.run(name, seed, Clock.systemUTC(), work);
        double wall = (System.nanoTime() - t0) / 1e9;
        Scorecard c = o.card();
        System.out.printf(Locale.ROOT, "%-20s %5d %5d %4d of %-2d %10d %7d %8s %9.1f%n", name, seed, o.exit(),
            c.openFootholds(), c.footholds().size(), c.collateral().size(), c.missedVictims(),
            c.secondsToContain() == null ? "open" : c.secondsToContain().toString(), wall);
        if (Boolean.getBoolean("rehearse.verbose") && !c.clean()) {
          System.out.println(c.toJson());
          System.out.println("  case: " + work.resolve("case-" + name + "-" + seed));
        }
        if (c.secondsToContain() != null) {
          contained.add(c.secondsToContain());
        }
        unclean += c.clean() ? 0 : 1;
      }
    }
    contained.sort(Long::compare);
    int n = contained.size();
    if (n == 0) {
      System.out.println("no rehearsal was fully contained");
    } else {
      double median = n % 2 == 1 ? contained.get(n / 2) : (contained.get(n / 2 - 1) + contained.get(n / 2)) / 2.0;
      System.out.printf(Locale.ROOT, "median time to contain: %.0f s over %d contained rehearsals; the 6-hour median is"
          + " %d s: %.5f of it (%.0fx faster)%n", median, n, SIX_HOURS, median / SIX_HOURS, SIX_HOURS / Math.max(median, 1));
    }
    System.out.println(unclean == 0 ? "every rehearsal clean" : unclean + " rehearsal(s) not clean (footholds, collateral or missed victims)");
  }
}
