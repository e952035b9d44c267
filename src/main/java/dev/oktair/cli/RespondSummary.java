package dev.oktair.cli;

import dev.oktair.cases.CasePaths;
import dev.oktair.contain.Journal;
import dev.oktair.contain.Plan;
import dev.oktair.contain.PlanJson;
import dev.oktair.detect.Finding;
import dev.oktair.detect.FindingsFile;
import dev.oktair.detect.Severity;
import dev.oktair.events.Json;
import dev.oktair.report.ReportFormat;
import dev.oktair.report.Reports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one {@code respond} came to, read back from the case files the steps wrote (findings.json,
 * plan.json, journal.jsonl, reports/): the steps and their exit codes, findings by severity,
 * actions planned / done / not done, the report paths, and the worst exit code.
 *
 * @param caseDir the case directory
 * @param user the subject
 * @param applied true when the apply step ran
 * @param steps every step, run or skipped
 * @param findings findings by severity label, most severe first
 * @param planned actions in plan.json
 * @param done actions the journal records done
 * @param reports report paths by format label
 * @param next what to do next, or null
 */
record RespondSummary(Path caseDir, String user, boolean applied, List<RespondSteps.Result> steps,
    Map<String, Integer> findings, int planned, int done, Map<String, Path> reports, String next) {
  /**
   * Exit codes from worst to mildest: a bug, then what stops the runbook (credentials, Okta, disk,
   * evidence), then a refusal, then a partial containment, then rejected input, then findings.
   */
  private static final List<ExitCode> WORST_FIRST = List.of(ExitCode.INTERRUPTED, ExitCode.INTERNAL, ExitCode.CONFIG,
      ExitCode.REMOTE, ExitCode.IO, ExitCode.EVIDENCE_MISMATCH, ExitCode.USAGE, ExitCode.PARTIAL,
      ExitCode.INPUT_REJECTED, ExitCode.FINDINGS);

  RespondSummary {
    steps = List.copyOf(steps);
    findings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(findings)); // kept in order
    reports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reports));
  }

  static RespondSummary of(Path dir, String user, boolean applied, List<RespondSteps.Result> steps, String next) {
    CasePaths files = CasePaths.of(dir);
    Map<String, Integer> bySeverity = new LinkedHashMap<>();
    if (Files.isRegularFile(files.findings())) {
      List<Finding> all = FindingsFile.read(files.findings()).findings();
      for (int i = Severity.values().length - 1; i >= 0; i--) {
        Severity s = Severity.values()[i];
        bySeverity.put(s.label(), (int) all.stream().filter(f -> f.severity() == s).count());
      }
    }
    int planned = 0;
    int done = 0;
    if (Files.isRegularFile(files.plan())) {
      Plan plan = readPlan(files.plan());
      planned = plan.actions().size();
      if (applied && Files.isRegularFile(files.journal())) {
        Map<String, Journal.Last> journal = Journal.read(files.journal());
        done = (int) plan.actions().stream().filter(e -> journal.containsKey(e.action().key())
            && journal.get(e.action().key()).done()).count();
      }
    }
    Map<String, Path> reports = new LinkedHashMap<>();
    for (ReportFormat f : ReportFormat.values()) {
      Path p = Reports.defaultDir(dir).resolve(f.fileName()).toAbsolutePath();
      if (Files.isRegularFile(p)) {
        reports.put(f.label(), p);
      }
    }
    return new RespondSummary(dir, user, applied, steps, bySeverity, planned, done, reports, next);
  }

  /** Returns the worst exit code among the steps (0 when every step that ran succeeded). */
  int exit() {
    for (ExitCode code : WORST_FIRST) {
      if (steps.stream().anyMatch(s -> s.exit() == code.code())) {
        return code.code();
      }
    }
    return steps.stream().mapToInt(RespondSteps.Result::exit).filter(c -> c != 0).findFirst().orElse(0);
  }

  String toJson() {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("case", caseDir.toAbsolutePath().toString());
    o.put("user", user);
    o.put("exit", exit());
    o.put("applied", applied);
    var list = o.putArray("steps");
    for (RespondSteps.Result s : steps) {
      ObjectNode step = list.addObject().put("step", s.name()).put("command", s.command()).put("exit", s.exit());
      if (s.skipped() != null) {
        step.put("skipped", s.skipped());
      }
    }
    ObjectNode f = o.putObject("findings");
    findings.forEach(f::put);
    o.putObject("actions").put("planned", planned).put("done", done).put("notDone", applied ? planned - done : 0);
    ObjectNode r = o.putObject("reports");
    reports.forEach((k, v) -> r.put(k, v.toString()));
    o.put("next", next);
    return o.toString();
  }

  void print(PrintWriter out) {
    out.println();
    out.println("== Summary for " + TerminalText.neutralise(user) + "  (case " + caseDir.toAbsolutePath() + ")");
    for (RespondSteps.Result s : steps) {
      out.printf("   %-12s %s%n", s.name(), s.skipped() != null ? "not run: " + TerminalText.neutralise(s.skipped())
          : s.completed() ? "ok" + (s.exit() == 0 ? "" : " (exit " + s.exit() + ")") : "FAILED (exit " + s.exit() + ")");
    }
    StringBuilder sev = new StringBuilder();
    findings.forEach((k, v) -> {
      if (v > 0) {
        sev.append(sev.length() == 0 ? "" : ", ").append(v).append(' ').append(k);
      }
    });
    out.println("   findings     " + (sev.length() == 0 ? "none" : sev));
    out.println("   actions      " + planned + " planned" + (applied ? ", " + done + " done, " + (planned - done) + " not done"
        : ", none applied"));
    reports.forEach((k, v) -> out.printf("   %-12s %s%n", "report " + k, v));
    out.flush();
  }

  private static Plan readPlan(Path file) {
    try {
      return PlanJson.fromJson(Json.MAPPER.readTree(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
