package dev.oktair.cli;

import dev.oktair.detect.Severity;
import dev.oktair.events.Times;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.investigate.Investigation;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaConfigException;
import dev.oktair.store.CaseDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import dev.oktair.cases.Case;
import dev.oktair.cases.CasePaths;
import dev.oktair.cases.CompromiseWindow;
import dev.oktair.detect.FindingsFile;
import picocli.CommandLine.Option;

/** {@code okta-ir investigate}: detections over the evidence plus a read-only audit, as cited findings. */
@Command(
    name = "investigate",
    description = {
      "Find what the attacker did and still holds, as cited findings.",
      "Runs the built-in detections over the case's evidence (collecting a user's System Log first when the case has"
          + " none for them), infers the compromise window, and audits the live tenant read-only: factors, app"
          + " assignments, OAuth grants and refresh tokens, API tokens, admin roles, ThreatInsight and sign-on policy."
          + " --offline (or no org configured) uses the evidence alone."
    },
    footer = {"", "Times: ISO-8601 (2024-06-14T09:00:00Z, 2024-06-14) or an age (90m, 36h, 7d, 2w).",
      "Exit status: 0; 2 on a bad option; 3 on rejected credentials; 4 when Okta fails after retries;"
          + " 10 when a finding is at or above --fail-on."})
final class InvestigateCommand extends BaseCommand {
  private static final List<String> SCOPES = List.of("okta.logs.read", "okta.users.read", "okta.apps.read",
      "okta.roles.read", "okta.apiTokens.read", "okta.threatInsights.read", "okta.policies.read");

  @Mixin CaseOption caseOption;
  private Path caseDir;

  @Option(names = "--user", paramLabel = "LOGIN", description = "User to investigate (default: every subject). Repeatable.")
  List<String> users = new ArrayList<>();

  @Option(names = "--since", paramLabel = "TIME", defaultValue = "30d",
      description = "How far back to collect when collecting first (default: ${DEFAULT-VALUE}).")
  String since;

  @Option(names = "--offline", description = "Use the evidence alone: no collection, no live audit.")
  boolean offline;

  @Option(names = "--hunt",
      description = "Collect the attacker's IPs, sessions, and rare device ids and user agents tenant-wide and name the"
          + " other accounts they reached.")
  boolean hunt;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit 10 when a finding is at or above this severity.")
  String failOn;

  @Option(names = "--window-start", paramLabel = "TIME", description = "Override the inferred compromise window's start.")
  String windowStart;

  @Option(names = "--window-end", paramLabel = "TIME", description = "Override the inferred compromise window's end.")
  String windowEnd;

  @Mixin OktaOptions okta;
  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    caseDir = caseOption.dir();
    Severity threshold = failOn == null ? null : severity(failOn);
    if ((windowStart == null) != (windowEnd == null)) {
      throw ExitException.usage("give both --window-start and --window-end, or neither");
    }
    OktaClient client = offline ? null : client();
    if (client != null) {
      collectMissing(users);
    } else if (!Files.isDirectory(CasePaths.of(caseDir).evidence())) {
      throw ExitException.usage("no evidence in " + caseDir + " and no org to collect from: run collect or import first");
    }
    Investigation.Options options;
    try {
      options = new Investigation.Options(users, time(windowStart, "--window-start"), time(windowEnd, "--window-end"), client);
    } catch (IllegalArgumentException e) {
      throw ExitException.usage(e.getMessage());
    }
    Investigation.Report report = Investigation.run(caseDir, ctx.clock(), options);
    Set<String> others = new TreeSet<>();
    if (hunt) {
      if (client != null && !report.attackerIps().isEmpty()) {
        List<String> args = new ArrayList<>(List.of("collect", "--case", caseDir.toString(), "--since", since));
        report.attackerIps().keySet().forEach(ip -> args.addAll(List.of("--ip", ip)));
        report.attackerSessions().forEach(session -> args.addAll(List.of("--session", session)));
        // the attacker's device ids and exact user agents too, each only when the tenant's log shows it rare
        Investigation.HuntQuery byEquipment = Investigation.huntFilter(client, report,
            time(since, "--since"), ctx.clock().instant());
        if (byEquipment.filter() != null) {
          args.addAll(List.of("--filter", byEquipment.filter()));
        }
        if (!byEquipment.leftOut().isEmpty()) {
          info("hunt: " + byEquipment.leftOut().size() + " device id(s) or user agent(s) of the attacker's are common"
              + " in the tenant (or unprintable) and were not collected tenant-wide");
        }
        inner(args);
      }
      Investigation.Report all = Investigation.run(caseDir, ctx.clock(), new Investigation.Options(List.of(),
          options.windowStart(), options.windowEnd(), null));
      others.addAll(all.victims());
      others.removeAll(lower(users));
      if (!others.isEmpty()) {
        if (client != null) {
          // the hunt saw only what they did from the attacker's sources: their own log shows the
          // session it was stolen from, so the detections can name them (not just list them)
          for (String other : others) {
            inner(List.of("collect", "--case", caseDir.toString(), "--user", other, "--since", since));
          }
        }
        List<String> subjects = new ArrayList<>(lower(users));
        subjects.addAll(others);
        report = Investigation.run(caseDir, ctx.clock(), new Investigation.Options(subjects, options.windowStart(),
            options.windowEnd(), client));
      }
    }
    recordInCase(report, others);
    new InvestigateOutput(ctx.out(), json.json).print(report, others);
    if (threshold != null && report.findings().stream().anyMatch(f -> f.severity().atLeast(threshold))) {
      throw new ExitException(ExitCode.FINDINGS, "findings at or above " + threshold.label());
    }
    return ExitCode.OK;
  }

  private OktaClient client() {
    try {
      return okta.client(ctx, okta.config(ctx, SCOPES), false);
    } catch (OktaConfigException e) {
      info("no org configured (" + TerminalText.neutralise(e.getMessage()) + "): investigating the evidence alone");
      return null;
    }
  }

  /** Collects the users the case has no events of, through collect's own front door. */
  private void collectMissing(List<String> logins) {
    for (String login : logins) {
      if (!hasEvents(login)) {
        inner(List.of("collect", "--case", caseDir.toString(), "--user", login, "--since", since));
      }
    }
  }

  private boolean hasEvents(String login) {
    if (!Files.isDirectory(CasePaths.of(caseDir).evidence()) || EvidenceStore.existing(caseDir, ctx.clock()).files().isEmpty()) {
      return false;
    }
    String l = login.toLowerCase(Locale.ROOT);
    Long n = CaseDatabase.open(caseDir, ctx.clock()).query(
        "SELECT count(*) FROM events WHERE lower(actor_alternate_id) = ? OR lower(target_user) = ?",
        rs -> rs.getLong(1), l, l).get(0);
    return n > 0;
  }

  /**
   * Stores the window and the subjects in case.json. Taken last, once the inner collections have
   * released the case, so investigate holds the write lock only for this short update.
   */
  private void recordInCase(Investigation.Report report, Set<String> others) {
    Case kase = caseOption.open(ctx);
    FindingsFile.Window w = report.window();
    if (w != null && w.start() != null && w.end() != null) {
      kase.setWindow(new CompromiseWindow(w.start(), w.end(),
          "override".equals(w.source()) ? CompromiseWindow.Source.SET : CompromiseWindow.Source.INFERRED));
    }
    List<String> subjects = new ArrayList<>(lower(users));
    subjects.addAll(others);
    if (!subjects.isEmpty()) {
      kase.addSubjects(subjects);
    }
  }

  private void inner(List<String> args) {
    Context quiet = new Context(new java.io.PrintWriter(java.io.Writer.nullWriter()), ctx.err(), ctx.clock(), ctx.env(),
        ctx.home(), false);
    int exit = Cli.run(quiet, args.toArray(String[]::new));
    if (exit != 0) {
      throw new ExitException(ExitCode.of(exit), "collecting before the investigation failed: okta-ir " + String.join(" ", args));
    }
  }

  private Instant time(String text, String flag) {
    if (text == null) {
      return null;
    }
    try {
      return Times.parseBound(text, ctx.clock());
    } catch (IllegalArgumentException e) {
      throw ExitException.usage(flag + ": " + e.getMessage());
    }
  }

  private static Severity severity(String label) {
    try {
      return Severity.parse(label);
    } catch (IllegalArgumentException e) {
      throw ExitException.usage("--fail-on: " + e.getMessage());
    }
  }

  private static List<String> lower(List<String> logins) {
    return logins.stream().map(u -> u.toLowerCase(Locale.ROOT)).toList();
  }
}
