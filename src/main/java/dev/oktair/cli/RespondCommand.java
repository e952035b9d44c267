package dev.oktair.cli;

import dev.oktair.cases.CasePaths;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code okta-ir respond}: the whole runbook as one command. Each step is the real okta-ir command
 * run in this process with the same context (collect, investigate --hunt, the containment plan,
 * the downstream map, apply when asked and confirmed, the report), so respond does nothing a
 * responder could not do by hand, and its case is the same case.
 */
@Command(
    name = "respond",
    description = {
      "Run the whole runbook for one user, from collect to report.",
      "Collects the user's System Log, investigates with --hunt (findings, window, live audit, other victims),"
          + " plans containment, maps what to revoke downstream, and writes the report. Nothing changes without"
          + " --apply; --apply asks for confirmation naming the users and the org unless --yes, and without a"
          + " terminal it stops for review and prints the exact command that applies the reviewed plan."
    },
    footer = {"", "Exit status: the worst of its steps: 0; 2 on bad input or an apply not confirmed; 3 on missing or"
        + " rejected credentials; 4 when Okta fails; 5 when containment was applied only in part; 10 when a finding"
        + " is at or above --fail-on (only then)."})
final class RespondCommand extends BaseCommand {
  @Mixin CaseOption caseOption;

  @Option(names = "--user", required = true, paramLabel = "LOGIN", description = "The user suspected compromised.")
  String user;

  @Option(names = "--since", paramLabel = "TIME", defaultValue = "30d",
      description = "How far back to collect (default: ${DEFAULT-VALUE}).")
  String since;

  @Option(names = "--apply", description = "Carry out the containment plan (after a confirmation, or --yes).")
  boolean apply;

  @Option(names = "--yes", description = "With --apply: do not ask (for automation).")
  boolean yes;

  @Mixin PlanOptions planOptions;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit 10 when a finding is at or above this severity.")
  String failOn;

  @Mixin OktaOptions okta;
  @Mixin DownstreamOptions downstream;
  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    Path dir = caseOption.dir();
    String c = dir.toString();
    Context inner = json.json ? withOut(new PrintWriter(Writer.nullWriter())) : ctx;
    RespondSteps steps = new RespondSteps(inner, ctx.out(), ctx.err(), !json.json);
    int total = apply ? 6 : 5;

    boolean collected = steps.run(total, "collect", "Collect the user's System Log through the Okta API",
        args(List.of("collect", "--case", c, "--user", user, "--since", since), true), 0, 6);
    boolean investigated = collected && steps.run(total, "investigate",
        "Investigate: detections, the compromise window, a read-only audit, and a hunt for other victims",
        args(investigateArgs(c), true), 0, 10);
    if (!collected) {
      steps.skip("investigate", "collect failed");
    }
    boolean planned = investigated && steps.run(total, "plan", "Plan the containment (nothing changes yet)",
        planArgs(List.of("contain", "--case", c)), 0);
    if (!investigated) {
      steps.skip("plan", "investigate did not complete");
    }
    if (investigated) {
      List<String> map = args(List.of("downstream", "--case", c, "--user", user), true);
      if (downstream.file != null) {
        map.addAll(List.of("--downstream-config", downstream.file.toString()));
      }
      steps.run(total, "downstream", "What to revoke at each app's service provider", map, 0);
    } else {
      steps.skip("downstream", "investigate did not complete");
    }
    String applyCommand = "okta-ir " + String.join(" ", planArgs(List.of("contain", "--case", c, "--apply", "--yes"))
        .stream().map(RespondSteps::quote).toList());
    if (apply) {
      if (!planned) {
        steps.skip("apply", "no plan to apply");
      } else if (!yes && !ctx.in().isTerminal()) {
        steps.refuse("apply", "not applied: --apply without --yes needs a terminal to confirm. Review the plan above,"
            + " then apply exactly it: " + applyCommand);
      } else {
        List<String> a = planArgs(List.of("contain", "--case", c, "--apply"));
        if (yes) {
          a.add("--yes");
        }
        if (planOptions.force) {
          a.add("--force");
        }
        steps.run(total, "apply", "Apply the plan: sessions and tokens cleared before the suspend, then the rest", a, 0, 5);
      }
    }
    if (CasePaths.of(dir).exists()) {
      steps.run(total, "report", "Write the incident up: HTML, Markdown, JSON, Timesketch",
          args(List.of("report", "--case", c), false), 0);
    } else {
      steps.skip("report", "no case was created");
    }

    String next = planned && !apply ? "nothing was changed. Review " + c + "/plan.json, then apply it: " + applyCommand : null;
    RespondSummary summary = RespondSummary.of(dir, user, apply && planned, steps.results(), next);
    if (json.json) {
      ctx.out().println(summary.toJson());
    } else {
      summary.print(ctx.out());
    }
    if (next != null) {
      info(next);
    }
    return ExitCode.of(summary.exit());
  }

  private List<String> investigateArgs(String c) {
    List<String> a = new ArrayList<>(List.of("investigate", "--case", c, "--user", user, "--hunt", "--since", since));
    if (failOn != null) {
      a.addAll(List.of("--fail-on", failOn));
    }
    return a;
  }

  /** A contain command's arguments, with the plan options (apply re-uses the reviewed plan only when they match). */
  private List<String> planArgs(List<String> base) {
    List<String> a = args(base, true);
    a.addAll(planOptions.planArgs());
    return a;
  }

  /** The step's arguments, with the org options when it talks to the org. */
  private List<String> args(List<String> base, boolean org) {
    List<String> a = new ArrayList<>(base);
    if (org) {
      a.addAll(okta.args());
    }
    return a;
  }

  private Context withOut(PrintWriter out) {
    return new Context(out, ctx.err(), ctx.clock(), ctx.env(), ctx.home(), ctx.interactive(), ctx.in());
  }
}
