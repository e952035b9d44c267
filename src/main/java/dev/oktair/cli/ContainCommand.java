package dev.oktair.cli;

import dev.oktair.contain.Applier;
import dev.oktair.contain.Effects;
import dev.oktair.contain.Guards;
import dev.oktair.contain.Journal;
import dev.oktair.contain.Plan;
import dev.oktair.contain.PlanJson;
import dev.oktair.contain.Planner;
import dev.oktair.contain.Result;
import dev.oktair.cases.Case;
import dev.oktair.cases.CasePaths;
import dev.oktair.cases.CompromiseWindow;
import dev.oktair.detect.Finding;
import dev.oktair.detect.FindingsFile;
import dev.oktair.downstream.Connector;
import dev.oktair.downstream.Downstream;
import dev.oktair.downstream.DownstreamConfig;
import dev.oktair.store.CaseDatabase;
import dev.oktair.events.Json;
import dev.oktair.okta.Management;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaConfig;
import dev.oktair.okta.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code okta-ir contain}: plan containment from the case's findings, and apply it when asked. */
@Command(
    name = "contain",
    description = {
      "Plan containment from the findings; --apply carries it out.",
      "Reads findings.json and the live org (GETs only), writes plan.json and prints it: clear sessions and OAuth"
          + " tokens, then suspend; delete the rogue factors and keep the others; revoke the window's grants, refresh"
          + " tokens, API tokens and admin roles; deactivate rogue identity providers; then, at each app's service"
          + " provider a connector is configured for, revoke what it issued (the rest is listed as a manual checklist)."
          + " Nothing changes without"
          + " --apply, which asks for confirmation (or --yes), journals every call to journal.jsonl and can be re-run"
          + " after a failure or a crash: what is done is never sent again."
    },
    footer = {"", "Exit status: 0; 2 on bad input or a refused apply; 3 on missing or rejected credentials;"
        + " 4 when Okta fails while planning; 5 when containment was applied only in part (the summary and"
        + " journal.jsonl say what is done and what is not)."})
final class ContainCommand extends BaseCommand {
  private static final List<String> SCOPES = List.of("okta.users.read", "okta.users.manage", "okta.apps.read",
      "okta.apps.manage", "okta.groups.manage", "okta.roles.read", "okta.roles.manage", "okta.apiTokens.read",
      "okta.apiTokens.manage", "okta.idps.read", "okta.idps.manage", "okta.networkZones.read",
      "okta.networkZones.manage", "okta.logs.read");

  @Mixin CaseOption caseOption;

  @Option(names = "--apply", description = "Carry out the plan (after a confirmation naming the users and the org).")
  boolean apply;

  @Option(names = "--yes", description = "With --apply or --undo: do not ask (for automation).")
  boolean yes;

  @Mixin PlanOptions planOptions;

  @Option(names = "--undo", paramLabel = "ACTION_ID", description = "Reverse one applied action (suspend-user, block-ips).")
  String undo;

  @Mixin OktaOptions okta;

  private Path caseDir;
  private Case kase;
  @Mixin DownstreamOptions downstream;
  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    caseDir = caseOption.dir();
    CasePaths files = CasePaths.of(caseDir);
    OktaConfig config = okta.config(ctx, SCOPES);
    if (apply || undo != null) {
      kase = caseOption.open(ctx); // held to the end: no other okta-ir process writes the case meanwhile
    }
    if (undo != null) {
      return undo(files, config);
    }
    Findings findings = findings(files);
    Plan.Options options = planOptions.options();
    Plan plan = apply ? reviewed(files, config, options) : null;
    DownstreamConfig sps = downstream.config(ctx);
    if (plan == null) {
      OktaClient reading = client(config, true);
      Planner planner = new Planner(new Management(reading), ctx.clock(), impacts(reading, sps, findings));
      plan = planner.plan(findings.list(), findings.start(), findings.end(), options);
      write(files.plan(), plan);
    }
    new PlanPrinter(ctx.out(), json.json).print(plan, caseDir.relativize(files.plan()).toString());
    if (!apply) {
      info("nothing was changed: review " + files.plan() + ", then run again with --apply");
      return ExitCode.OK;
    }
    if (plan.actions().isEmpty()) {
      info("nothing to apply");
      return ExitCode.OK;
    }
    Management writes = new Management(client(config, false));
    plan = guard(writes, plan);
    confirm(plan.actions().size() + " actions", plan);
    return applied(files, writes, plan, connectors(sps));
  }

  /** Returns the reviewed plan.json when it was made for this org with these options, else null. */
  private Plan reviewed(CasePaths files, OktaConfig config, Plan.Options options) {
    if (!Files.exists(files.plan())) {
      return null;
    }
    Plan p = readPlan(files);
    if (p.org().equals(config.orgUrl().toString()) && p.options().equals(options)) {
      info("applying the reviewed plan " + files.plan() + " (planned " + p.created() + ")");
      return p;
    }
    info("plan.json was made for other options or another org: planning again");
    return null;
  }

  /**
   * Returns each subject's downstream impact map: the apps it reached in the case's window (when
   * the case holds evidence) or holds now, with what the configured connectors can revoke.
   */
  private Planner.Downstream impacts(OktaClient reading, DownstreamConfig sps, Findings findings) {
    CaseDatabase db = CasePaths.of(caseDir).exists() ? CaseDatabase.open(caseDir, ctx.clock()) : null;
    if (db != null) {
      LoadCommand.noteLoadedOnOpen(this, db);
    }
    return (userId, login) -> Downstream.impactMap(
        DownstreamApps.collect(db, reading, login, findings.start(), findings.end()), sps.configured());
  }

  private ExitCode undo(CasePaths files, OktaConfig config) {
    Plan plan = readPlan(files);
    Plan.Entry entry = plan.action(undo);
    if (entry == null) {
      throw ExitException.usage("plan.json has no action " + undo + " (ids are a1, a2, ...: see 'okta-ir contain --case "
          + caseDir + "')");
    }
    Management writes = new Management(client(config, false));
    confirm("the undo of " + undo + " (" + entry.action().kind().label() + " " + entry.action().target().display() + ")",
        plan);
    try (Journal journal = Journal.open(files.journal(), ctx.clock())) {
      Result r = applier(writes, journal, Map.of()).undo(plan, undo, Journal.read(files.journal()));
      return new ResultPrinter(ctx.out(), json.json).print(r, files.journal().toString());
    }
  }

  private ExitCode applied(CasePaths files, Management writes, Plan plan, Map<String, Connector> connectors) {
    Map<String, Journal.Last> earlier = Journal.read(files.journal());
    try (Journal journal = Journal.open(files.journal(), ctx.clock())) {
      Result r = applier(writes, journal, connectors).apply(plan, earlier);
      return new ResultPrinter(ctx.out(), json.json).print(r, files.journal().toString());
    }
  }

  private Applier applier(Management writes, Journal journal, Map<String, Connector> connectors) {
    return new Applier(new Effects(writes, connectors), journal, ctx.clock(), sleeper(),
        Applier.Settings.defaults());
  }

  private OktaClient client(OktaConfig config, boolean dryRun) {
    return OktaClient.builder(config).clock(ctx.clock()).sleeper(sleeper()).dryRun(dryRun).build();
  }

  /** Waits on the context's clock when it is also a sleeper (tests' accelerated time), else really. */
  private Sleeper sleeper() {
    return ctx.clock() instanceof Sleeper s ? s : Sleeper.system();
  }

  /** Returns the configured downstream connectors by SP name; they send only when the plan is applied. */
  private Map<String, Connector> connectors(DownstreamConfig sps) {
    return Downstream.connectors(sps, ctx.clock(), false);
  }

  /** Refuses a plan the org no longer matches; returns what may apply (a real super admin's suspend needs --force). */
  private Plan guard(Management writes, Plan plan) {
    Guards g = Guards.check(writes, plan, kase.info().subjects());
    if (!g.mismatches().isEmpty()) {
      throw ExitException.usage("refusing to apply: the org no longer matches the plan: " + String.join("; ", g.mismatches())
          + ". Plan again (okta-ir contain --case " + caseDir + ") and review it");
    }
    if (!g.needOverride().isEmpty() && !planOptions.force) {
      throw ExitException.usage("refusing to apply: " + String.join("; ", g.needOverride())
          + ". If that is intended, run again with --force");
    }
    if (g.superAdmins().isEmpty() || planOptions.force) {
      return plan;
    }
    for (String why : g.superAdmins().values()) {
      String line = "HELD BACK: the suspend of " + TerminalText.neutralise(why) + ". The rest of the plan applies (sessions"
          + " cleared, the attacker's artefacts removed); reset the password out of band, and suspend with --force once"
          + " another administrator can act: okta-ir contain --case " + caseDir + " --apply --force";
      info(line);
    }
    return g.holdBack(plan);
  }

  private void confirm(String what, Plan plan) {
    if (yes) {
      return;
    }
    if (!ctx.in().isTerminal()) {
      throw ExitException.usage("refusing to change the org without --yes: standard input is not a terminal");
    }
    String users = plan.subjects().stream().map(s -> s.login() + " (" + s.userId() + ")").collect(Collectors.joining(", "));
    ctx.err().printf("About to apply %s to %s in the org %s.%nType 'yes' to continue: ", what,
        TerminalText.neutralise(users.isEmpty() ? "no user (tenant-wide actions only)" : users), plan.org());
    ctx.err().flush();
    String answer = ctx.in().readLine();
    if (answer == null || !answer.trim().equalsIgnoreCase("yes")) {
      throw ExitException.usage("not confirmed: nothing was changed");
    }
  }

  private Plan readPlan(CasePaths files) {
    if (!Files.exists(files.plan())) {
      throw ExitException.usage("the case has no plan.json: run 'okta-ir contain --case " + caseDir + "' first");
    }
    try {
      return PlanJson.fromJson(Json.MAPPER.readTree(Files.readAllBytes(files.plan())));
    } catch (IOException | RuntimeException e) {
      throw ExitException.usage("cannot read " + files.plan() + ": " + e.getMessage());
    }
  }

  /**
   * The findings to contain and their window: investigate's findings.json, the window from it,
   * else from case.json.
   */
  private record Findings(List<Finding> list, Instant start, Instant end) {}

  private Findings findings(CasePaths files) {
    if (!Files.exists(files.findings())) {
      throw ExitException.usage("the case has no findings.json at " + files.findings()
          + ": investigate the case first, so there are findings to contain");
    }
    FindingsFile.Contents c;
    try {
      c = FindingsFile.read(files.findings());
    } catch (RuntimeException e) {
      throw ExitException.usage("cannot read " + files.findings() + ": " + e.getMessage());
    }
    Instant start = c.window().start();
    Instant end = c.window().end();
    if (start == null && files.exists()) {
      CompromiseWindow w = Case.read(caseDir, ctx.clock()).info().window();
      start = w == null ? null : w.start();
      end = w == null ? null : w.end();
    }
    if (start == null) {
      throw ExitException.usage("the findings attribute nothing to an attacker, so there is no window to contain:"
          + " set one with investigate's window options");
    }
    return new Findings(c.findings(), start, end);
  }

  /** Writes plan.json whole or not at all (temporary file, fsync, atomic move). */
  private static void write(Path file, Plan plan) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(PlanJson.toJson(plan));
      try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(java.nio.ByteBuffer.wrap(bytes));
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
