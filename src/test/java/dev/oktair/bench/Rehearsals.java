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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One rehearsal, as a team would run it: a drill of a shipped scenario served in-process, then
 * {@code okta-ir respond --apply --yes --remove-assignments} against it with only the alert's
 * user and the drill's org settings (again with {@code --force} when respond refuses to act on a
 * super administrator, as the responder would once told), then the drill's scorecard. Shared by {@code RehearsalIT} and {@link RehearsalBench}.
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

  /** Rehearses {@code scenario} at {@code seed}: drill time and the org's "now" from {@code clock}. */
  public static Outcome run(String scenario, long seed, Clock clock, Path work) {
    try (Drill drill = Drill.start(Scenarios.rehearse(scenario, seed, clock.instant()), 0, clock)) {
      Map<String, String> env = Map.of("OKTA_CLIENT_ORGURL", drill.simulator().baseUrl(),
          "OKTA_CLIENT_TOKEN", drill.simulator().apiToken());
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      Context ctx = new Context(new PrintWriter(out), new PrintWriter(err), clock, env, work.resolve("home"), false);
      List<String> args = new ArrayList<>(List.of("respond", "--case", work.resolve("case-" + scenario + "-" + seed).toString(),
          "--user", drill.alert().user(), "--apply", "--yes", "--remove-assignments"));
      int exit = Cli.run(ctx, args.toArray(String[]::new));
      if (exit == 2 && err.toString().contains("is a super administrator")) {
        // what the responder does when told: the subject is an admin the attacker held, so act on it
        args.add("--force");
        exit = Cli.run(ctx, args.toArray(String[]::new));
      }
      return new Outcome(scenario, seed, exit, drill.score(), out.toString(), err.toString());
    }
  }
}
