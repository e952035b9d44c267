package dev.oktair.cli;

import dev.oktair.events.Json;
import dev.oktair.report.ReportFormat;
import dev.oktair.report.Reports;
import dev.oktair.sim.drill.Drill;
import dev.oktair.sim.drill.Scorecard;
import dev.oktair.sim.scenario.Rehearsal;
import dev.oktair.sim.scenario.Scenarios;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code okta-ir demo}: a drill, answered. Starts {@code drill start}'s org in-process (a fixed
 * scenario and seed, so the output is stable), prints the alert, runs exactly
 * {@code respond --apply --yes} against it into a case directory, then prints
 * {@code drill score}'s scorecard. Every step is the real command over real HTTP, so what the demo
 * shows is what a responder gets.
 */
@Command(
    name = "demo",
    description = {
      "Rehearse: respond to a simulated attack, then score the result.",
      "Starts a drill in-process (the org with the attack already played, and the fake service providers its apps"
          + " federate to), prints the alert, runs 'okta-ir respond --apply --yes' for the alert's user (collect,"
          + " investigate with --hunt, the containment plan, the downstream revocations, apply, the report) into a"
          + " case directory, then prints 'okta-ir drill score': footholds removed, collateral, other victims found"
          + " and the time to contain.",
      "Exit 0 when the score is clean; 10 when a foothold is left open, something legitimate was harmed or a"
          + " victim missed; otherwise respond's exit code."
    })
final class DemoCommand extends BaseCommand {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  @Option(names = "--case", paramLabel = "DIR", description = "Case directory to create (default: cases/demo-<time>).")
  Path caseDir;

  @Option(names = "--scenario", paramLabel = "NAME", description = "The drill's scenario (default: ${DEFAULT-VALUE}).")
  String scenario = Scenarios.DEFAULT;

  @Option(names = "--seed", paramLabel = "N", description = "The drill's seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    Path dir = caseDir != null ? caseDir : Path.of("cases", "demo-" + STAMP.format(ctx.clock().instant()));
    Rehearsal rehearsal = rehearsal();
    try (Drill drill = Drill.start(rehearsal, 0, ctx.clock())) {
      say("== The drill   $ okta-ir drill start --scenario %s --seed %d   (in this process)", scenario, seed);
      say("A simulated Okta org at %s with the attack already played, and the fake service providers its apps"
          + " federate to (%s).", drill.simulator().baseUrl(), String.join(", ", dev.oktair.sim.sp.SpFakes.SERVICES));
      say("%nALERT  %s: %s", TerminalText.neutralise(drill.alert().user()), TerminalText.neutralise(drill.alert().summary()));
      List<String> respond = List.of("respond", "--case", dir.toString(), "--user", drill.alert().user(), "--apply", "--yes");
      say("%n== The response   $ okta-ir %s", String.join(" ", respond.stream().map(RespondSteps::quote).toList()));
      say("(the drill's exports, OKTA_CLIENT_* and the OKTAIR_* connector settings, are passed as the environment)");
      int exit = Cli.run(inner(drill), respond.toArray(String[]::new));
      Scorecard card = drill.score();
      return finish(dir, exit, card);
    }
  }

  private ExitCode finish(Path dir, int respondExit, Scorecard card) {
    boolean clean = card.clean();
    if (json.json) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("case", dir.toAbsolutePath().toString());
      o.put("respondExit", respondExit);
      o.put("ok", respondExit == 0 && clean);
      ObjectNode r = o.putObject("reports");
      for (ReportFormat f : List.of(ReportFormat.HTML, ReportFormat.MD)) {
        r.put(f.label(), Reports.defaultDir(dir).resolve(f.fileName()).toAbsolutePath().toString());
      }
      o.set("score", Json.MAPPER.readTree(card.toJson()));
      ctx.out().println(o);
      ctx.out().flush();
    } else {
      say("%n== The score   $ okta-ir drill score");
      ScorecardText.print(card, ctx.out());
      say("%nCase directory: %s", dir.toAbsolutePath());
      say("Report (html): %s", Reports.defaultDir(dir).resolve(ReportFormat.HTML.fileName()).toAbsolutePath());
      say("Next: okta-ir drill start   (a random scenario and seed: your turn)");
    }
    if (respondExit != 0) {
      throw new ExitException(ExitCode.of(respondExit), "respond did not complete (exit " + respondExit + "): see its"
          + " summary above");
    }
    if (!clean) {
      info("the score is not clean: " + card.openFootholds() + " foothold(s) open, " + card.collateral().size()
          + " collateral, " + card.missedVictims() + " victim(s) missed");
      return ExitCode.FINDINGS;
    }
    return ExitCode.OK;
  }

  private Rehearsal rehearsal() {
    try {
      return Scenarios.rehearse(scenario, seed, ctx.clock().instant());
    } catch (IllegalArgumentException e) {
      throw ExitException.usage(e.getMessage());
    }
  }

  /**
   * respond's own context: the drill's exports as its environment, and a home without the user's
   * settings files, so nothing but the drill is reached.
   */
  private Context inner(Drill drill) {
    PrintWriter out = json.json ? new PrintWriter(Writer.nullWriter()) : ctx.out();
    return new Context(out, ctx.err(), ctx.clock(), drill.environment(), ctx.home().resolve(".okta-ir-demo-none"),
        ctx.interactive());
  }

  private void say(String format, Object... args) {
    if (!json.json) {
      ctx.out().printf(format + "%n", args);
      ctx.out().flush();
    }
  }
}
