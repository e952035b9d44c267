package dev.oktair.bench;

import dev.oktair.cli.Cli;
import dev.oktair.cli.Context;
import dev.oktair.sim.drill.Drill;
import dev.oktair.sim.drill.Scorecard;
import dev.oktair.sim.scenario.Scenarios;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * One rehearsal, as a team would run it: a drill of a shipped scenario served in-process, then
 * exactly {@code okta-ir respond --apply --yes} against it with only the alert's user and the
 * drill's exports (the org and the fake SPs' connector settings), then the drill's scorecard.
 * Shared by {@code RehearsalIT} and {@link RehearsalBench}.
 */
public final class Rehearsals {
  private Rehearsals() {}

  /**
   * What one rehearsal came to.
   *
   * @param scenario the scenario's name
   * @param seed the variant's seed
   * @param exit respond's exit code
   * @param card the drill's scorecard after respond
   * @param out respond's stdout
   * @param err respond's stderr
   */
  public record Outcome(String scenario, long seed, int exit, Scorecard card, String out, String err) {}

  /** Returns the one command a rehearsal runs: plain {@code respond --apply --yes}, no flag to help it. */
  public static String[] command(Path caseDir, String user) {
    return new String[] {"respond", "--case", caseDir.toString(), "--user", user, "--apply", "--yes"};
  }

  /** Rehearses {@code scenario} at {@code seed}: drill time and the org's "now" from {@code clock}. */
  public static Outcome run(String scenario, long seed, Clock clock, Path work) {
    try (Drill drill = Drill.start(Scenarios.rehearse(scenario, seed, clock.instant()), 0, clock)) {
      Map<String, String> env = drill.environment();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      Context ctx = new Context(new PrintWriter(out), new PrintWriter(err), clock, env, work.resolve("home"), false);
      int exit = Cli.run(ctx, command(work.resolve("case-" + scenario + "-" + seed), drill.alert().user()));
      return new Outcome(scenario, seed, exit, drill.score(), out.toString(), err.toString());
    }
  }
}
