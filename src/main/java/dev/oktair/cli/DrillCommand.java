package dev.oktair.cli;

import dev.oktair.okta.OktaConfig;
import dev.oktair.sim.drill.Drill;
import dev.oktair.sim.drill.Scorecard;
import dev.oktair.sim.scenario.Rehearsal;
import dev.oktair.sim.scenario.Scenarios;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code okta-ir drill}: rehearse the runbook against a simulated org with an attack already played, then score it. */
@Command(
    name = "drill",
    description = {
      "Rehearse the runbook on a simulated attack, then score it.",
      "drill start serves a simulated org with an attack already played; drill score compares the org's state"
          + " with the sealed ground truth."},
    subcommands = {DrillCommand.Start.class, DrillCommand.Score.class})
final class DrillCommand extends BaseCommand {
  @Override
  protected ExitCode execute() {
    spec.commandLine().usage(ctx.err());
    return ExitCode.USAGE;
  }

  /** {@code drill start}: serves the drill until Ctrl-C. */
  @Command(name = "start", description = {
      "Serve a simulated org with the attack already played, until Ctrl-C.",
      "Prints the alert a responder would get (a user and a symptom) and the exports to connect: the org, and the"
          + " fake service providers (Graph, Google, Salesforce, AWS, Slack, GitHub) its apps federate to. The ground truth"
          + " stays in this process; the scoring secret goes to a 0600 file under ~/.okta-ir/drills/."})
  static final class Start extends BaseCommand {
    @Option(names = "--scenario", paramLabel = "NAME|random",
        description = "A shipped scenario, or random (default). Known: ${COMPLETION-CANDIDATES}",
        completionCandidates = Names.class)
    String scenario = "random";

    @Option(names = "--scenario-file", paramLabel = "FILE", description = "Your own scenario file (see docs/scenarios.md).")
    Path scenarioFile;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the variant (names, addresses, times, order); default: random.")
    Long seed;

    @Option(names = "--port", paramLabel = "N", description = "Port of the simulated org; 0 picks a free one (default).")
    int port;

    @Mixin JsonOption json;

    @Override
    protected ExitCode execute() {
      long s = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
      Rehearsal rehearsal = rehearsal(s);
      try (Drill drill = start(rehearsal)) {
        URI org = URI.create(drill.simulator().baseUrl());
        Path file = DrillFiles.write(ctx.home(), org, drill.scoreUrl(), drill.secret());
        try {
          print(drill);
          info("drill running (seed " + s + "); when done: okta-ir drill score   (scoring secret in " + file + ")");
          info("press Ctrl-C to stop");
          SimulateCommand.awaitStop();
        } finally {
          DrillFiles.delete(ctx.home(), org);
        }
      }
      info("drill stopped");
      return ExitCode.OK;
    }

    private Drill start(Rehearsal rehearsal) {
      try {
        return Drill.start(rehearsal, port, ctx.clock());
      } catch (java.io.UncheckedIOException e) {
        throw new ExitException(ExitCode.CONFIG, e.getMessage() + " (--port " + port + "; 0 picks a free port)", e);
      }
    }

    private Rehearsal rehearsal(long s) {
      try {
        if (scenarioFile != null) {
          return Scenarios.rehearse(scenarioFile, s, ctx.clock().instant());
        }
        List<String> names = Scenarios.names();
        String name = "random".equals(scenario) ? names.get((int) Math.floorMod(s, (long) names.size())) : scenario;
        return Scenarios.rehearse(name, s, ctx.clock().instant());
      } catch (IllegalArgumentException e) {
        throw ExitException.usage(e.getMessage());
      }
    }

    private void print(Drill drill) {
      Map<String, String> env = drill.environment();
      if (json.json) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("orgUrl", drill.simulator().baseUrl());
        o.put("token", drill.simulator().apiToken());
        ObjectNode e = o.putObject("env");
        env.forEach(e::put);
        o.putObject("alert").put("user", drill.alert().user()).put("summary", drill.alert().summary());
        ctx.out().println(o);
      } else {
        ctx.out().println("ALERT  " + TerminalText.neutralise(drill.alert().user()) + ": "
            + TerminalText.neutralise(drill.alert().summary()));
        ctx.out().println();
        env.forEach((k, v) -> ctx.out().println("export " + k + "=" + v));
      }
      ctx.out().flush();
    }
  }

  /** {@code drill score}: the scorecard of the drill serving the configured org. */
  @Command(name = "score", description = {
      "Score the running drill of the configured org.",
      "Finds the drill from OKTA_CLIENT_ORGURL (or --org) and prints each foothold open or removed, collateral"
          + " damage, other victims found or missed, and the time to contain.",
      "Exit 10 while a foothold is open or a victim was missed."})
  static final class Score extends BaseCommand {
    @Mixin OktaOptions okta;
    @Mixin JsonOption json;

    @Override
    protected ExitCode execute() {
      OktaConfig config = okta.config(ctx, List.of());
      DrillFiles.Entry entry = DrillFiles.read(ctx.home(), config.orgUrl());
      Scorecard card;
      try {
        card = Drill.remoteScore(entry.scoreUrl(), entry.secret());
      } catch (IllegalStateException e) {
        throw new ExitException(ExitCode.REMOTE, e.getMessage(), e);
      }
      if (json.json) {
        ctx.out().println(card.toJson());
      } else {
        ScorecardText.print(card, ctx.out());
      }
      return card.openFootholds() > 0 || card.missedVictims() > 0 ? ExitCode.FINDINGS : ExitCode.OK;
    }
  }

  /** The shipped scenarios, for help and completion. */
  static final class Names implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      List<String> all = new java.util.ArrayList<>(Scenarios.names());
      all.add("random");
      return all.iterator();
    }
  }
}
