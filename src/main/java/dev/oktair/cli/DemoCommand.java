package dev.oktair.cli;

import dev.oktair.report.ReportFormat;
import dev.oktair.report.Reports;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.sp.SpFakes;
import dev.oktair.sim.SimulatorOptions;
import dev.oktair.sim.TenantSeed;
import dev.oktair.sim.scenario.Scenarios;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code okta-ir demo}: the runbook, end to end, against the simulated tenant started
 * in-process. Each step runs the real okta-ir command, through the real Okta client over HTTP,
 * so what the demo shows is what a responder gets against a live org.
 */
@Command(
    name = "demo",
    description = {
      "Run the incident-response runbook against a simulated tenant.",
      "The tenant starts in-process; the demo collects the victim's System Log and the attacker's infrastructure"
          + " through the Okta API, verifies the evidence, pivots to what the attacker left behind, and investigates"
          + " (findings, window, live audit, hunt for other victims), maps the downstream service providers, and contains:"
          + " Okta first, then each simulated SP over HTTP, then writes the report."
          + " Prints where the case is."
    })
final class DemoCommand extends BaseCommand {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  @Option(names = "--case", paramLabel = "DIR", description = "Case directory to create (default: cases/demo-<time>).")
  Path caseDir;

  @Option(names = "--scenario", paramLabel = "NAME", description = "Scenario to seed the tenant with (default: ${DEFAULT-VALUE}).")
  String scenario = Scenarios.DEFAULT;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for the scenario (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Mixin JsonOption json;

  private final List<Step> steps = new ArrayList<>();
  private SpFakes sps;
  private Map<String, Integer> spsServed = Map.of();

  @Override
  protected ExitCode execute() {
    Path dir = caseDir != null ? caseDir : Path.of("cases", "demo-" + STAMP.format(ctx.clock().instant()));
    TenantSeed tenant = loadScenario();
    TenantSeed.Story story = tenant.story();
    try (OktaSimulator sim = OktaSimulator.start(
        SimulatorOptions.builder().seed(tenant).clock(ctx.clock()).randomSeed(seed).build());
        SpFakes sps = SpFakes.start(ctx.clock(), tenant)) {
      Context inner = innerContext(sim, sps);
      this.sps = sps;
      say("Simulated Okta tenant at %s: scenario %s, %d users, %d System Log events.",
          sim.baseUrl(), story.name(), tenant.users().size(), tenant.events().size());
      say("Suspected compromise: %s. Case directory: %s", story.victimLogin(), dir);
      say("Simulated service providers (%s): their connector settings are passed to okta-ir as OKTAIR_* variables,"
          + " exactly as 'okta-ir simulate' prints them.", String.join(", ", SpFakes.SERVICES));

      run(inner, "Collect the suspect's System Log for the last 30 days, through the Okta API",
          "collect", "--case", dir.toString(), "--user", story.victimLogin(), "--since", "30d");
      List<String> ipArgs = new ArrayList<>(List.of("collect", "--case", dir.toString(), "--since", "30d"));
      for (String ip : story.attackerIps()) {
        ipArgs.add("--ip");
        ipArgs.add(ip);
      }
      run(inner, "Collect everything the attacker's IPs did tenant-wide (IPs from the scenario's ground truth)",
          ipArgs.toArray(String[]::new));
      run(inner, "Verify the evidence against its manifest", "verify", "--case", dir.toString());
      run(inner, "Sign-ins through an anonymising proxy",
          "events", "--case", dir.toString(), "--filter",
          "eventType eq \"user.session.start\" and securityContext.isProxy eq true");
      String attackStart = story.attackStart().truncatedTo(ChronoUnit.SECONDS).toString();
      run(inner, "Client IPs, NEW = never seen before the attack began (" + attackStart + ")",
          "pivot", "--case", dir.toString(), "--by", "ip", "--baseline-until", attackStart);
      run(inner, "Networks and devices the attacker brought",
          "pivot", "--case", dir.toString(), "--by", "asn,device", "--baseline-until", attackStart);
      run(inner, "Sessions, one by one: the attacker's reads apart from the user's own",
          "timeline", "--case", dir.toString(), "--since", attackStart);
      run(inner, "Investigate: detections, the compromise window, a read-only audit of the tenant, and a hunt for"
              + " other accounts the attacker's infrastructure reached",
          "investigate", "--case", dir.toString(), "--user", story.victimLogin(), "--hunt", "--since", "30d");
      contain(inner, dir);
      spsServed = revocations(sps);
      run(inner, "Write the incident up: HTML for people, Markdown for the ticket",
          "report", "--case", dir.toString(), "--format", "html,md");
    }
    return finish(dir);
  }

  /** Containment from investigate's findings: the downstream impact map, the plan for review, then applied. */
  private void contain(Context inner, Path dir) {
    run(inner, "Downstream impact: every app the suspect reached, its service provider, and what revokes what there",
        "downstream", "--case", dir.toString());
    run(inner, "Plan the containment from the findings, downstream included (nothing changes yet)",
        "contain", "--case", dir.toString());
    run(inner, "Apply it: Okta sessions cleared first, then the suspend, rogue factors, grants and API token removed,"
            + " and the revocations at each service provider",
        "contain", "--case", dir.toString(), "--apply", "--yes");
    say("%nThe simulated service providers received these revocations (changes answered 2xx): %s", spsServed());
  }

  /** Returns, per fake SP, how many changes (not reads) it served with a 2xx answer. */
  private static Map<String, Integer> revocations(SpFakes sps) {
    Map<String, Integer> out = new java.util.LinkedHashMap<>();
    for (String service : SpFakes.SERVICES) {
      out.put(service, (int) sps.journal().requests(service).stream()
          .filter(e -> !e.method().equals("GET") && !e.path().endsWith("/token") && e.status() / 100 == 2).count());
    }
    return out;
  }

  private String spsServed() {
    return revocations(sps).toString();
  }

  private TenantSeed loadScenario() {
    try {
      return Scenarios.load(scenario, seed, ctx.clock().instant());
    } catch (IllegalArgumentException e) {
      throw ExitException.usage(e.getMessage());
    }
  }

  /** The demo's own environment: the simulator's org URL and local API token, and the fake SPs' connector settings. */
  private Context innerContext(OktaSimulator sim, SpFakes sps) {
    Map<String, String> env = new HashMap<>();
    sps.environmentInOrder().forEach(e -> env.put(e.getKey(), e.getValue()));
    env.put("OKTA_CLIENT_ORGURL", sim.baseUrl());
    env.put("OKTA_CLIENT_TOKEN", sim.apiToken());
    env.put("OKTA_CLIENT_AUTHORIZATIONMODE", "SSWS");
    PrintWriter out = json.json ? new PrintWriter(new StringWriter()) : ctx.out();
    return new Context(out, ctx.err(), ctx.clock(), env, ctx.home().resolve(".okta-ir-demo-none"), ctx.interactive());
  }

  private void run(Context inner, String title, String... args) {
    if (!json.json) {
      ctx.out().println();
      ctx.out().printf("== %d. %s%n", steps.size() + 1, title);
      ctx.out().println("   $ okta-ir " + String.join(" ", quoted(args)));
      ctx.out().flush();
    }
    int exit = Cli.run(inner, args);
    steps.add(new Step(title, List.of(args), exit));
    if (exit != 0) {
      info("step failed with exit code " + exit + ": okta-ir " + String.join(" ", quoted(args)));
    }
  }

  private ExitCode finish(Path dir) {
    int failed = steps.stream().mapToInt(Step::exit).filter(code -> code != 0).findFirst().orElse(0);
    boolean ok = failed == 0;
    if (json.json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("case", dir.toAbsolutePath().toString());
      o.put("ok", ok);
      ObjectNode served = o.putObject("serviceProviderRevocations");
      spsServed.forEach(served::put);
      ArrayNode list = o.putArray("steps");
      for (Step s : steps) {
        ObjectNode step = list.addObject();
        step.put("title", s.title());
        step.put("command", "okta-ir " + String.join(" ", quoted(s.args().toArray(String[]::new))));
        step.put("exit", s.exit());
      }
      ctx.out().println(o);
    } else {
      ctx.out().println();
      say("Case directory: %s", dir.toAbsolutePath());
      for (ReportFormat format : List.of(ReportFormat.HTML, ReportFormat.MD)) {
        say("Report (%s): %s", format.label(), Reports.defaultDir(dir).resolve(format.fileName()).toAbsolutePath());
      }
      say("Next: okta-ir sql --case %s \"SELECT event_type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC\"", dir);
    }
    if (!ok) {
      throw new ExitException(ExitCode.of(failed), "the demo did not complete: see the failed step above");
    }
    return ExitCode.OK;
  }

  private void say(String format, Object... args) {
    if (!json.json) {
      ctx.out().printf(format + "%n", args);
      ctx.out().flush();
    }
  }

  private static List<String> quoted(String... args) {
    List<String> out = new ArrayList<>();
    for (String a : args) {
      out.add(a.matches("[A-Za-z0-9@._:/,=+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
    }
    return out;
  }

  private record Step(String title, List<String> args, int exit) {}
}
