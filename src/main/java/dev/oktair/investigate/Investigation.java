package dev.oktair.investigate;

import dev.oktair.detect.Detections;
import dev.oktair.detect.Finding;
import dev.oktair.detect.FindingIds;
import dev.oktair.detect.FindingsFile;
import dev.oktair.detect.Infra;
import dev.oktair.okta.OktaClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The front door of investigate: detections over the case's evidence, the compromise window
 * (inferred from attacker-attributed findings unless overridden), the live audit when a client
 * is given, and findings.json written. Read-only towards the tenant. Thread-safe per call.
 */
public final class Investigation {
  private Investigation() {}

  /**
   * What to investigate.
   *
   * @param users logins to scope the findings to (empty: every subject in the evidence)
   * @param windowStart the analyst's window start, or null to infer it
   * @param windowEnd the analyst's window end, or null to infer it
   * @param okta the live tenant for the audit, or null for evidence alone
   */
  public record Options(List<String> users, Instant windowStart, Instant windowEnd, OktaClient okta) {
    public Options {
      users = users.stream().map(u -> u.toLowerCase(Locale.ROOT)).toList();
      if ((windowStart == null) != (windowEnd == null)) {
        throw new IllegalArgumentException("give both --window-start and --window-end, or neither");
      }
    }
  }

  /**
   * What the investigation found.
   *
   * @param window the compromise window
   * @param findings the findings, most severe first
   * @param attackerIps the attacker's client IPs and their AS numbers
   * @param attackerSessions the attacker's sessions
   * @param victims the users with attacker-attributed activity
   * @param appsReached the apps the attacker's sources, sessions and tokens signed into (app id to label)
   * @param attackerDevices the device ids the attacker used from their addresses, not common in the case
   * @param attackerAgents the exact user agents the attacker used from their addresses, not common in the case
   */
  public record Report(FindingsFile.Window window, List<Finding> findings, Map<String, Long> attackerIps,
      Set<String> attackerSessions, Set<String> victims, Map<String, String> appsReached,
      Set<String> attackerDevices, Set<String> attackerAgents) {
    public Report {
      findings = List.copyOf(findings);
      attackerDevices = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(attackerDevices));
      attackerAgents = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(attackerAgents));
    }
  }

  /**
   * How the hunt collects the attacker's equipment tenant-wide.
   *
   * @param filter a System Log filter for the attacker's rare device ids and user agents, or null when none is left
   * @param leftOut the values not collected by: common in the tenant's log, unprintable, or past the first few
   */
  public record HuntQuery(String filter, List<String> leftOut) {
    public HuntQuery {
      leftOut = List.copyOf(leftOut);
    }
  }

  /**
   * Returns the filter by which the hunt collects, between {@code since} and {@code until}, the
   * device ids and user agents of {@code report}: a value the tenant's log shows used by more than
   * {@link Infra#COMMON} users or addresses is left out. Reads the log only.
   */
  public static HuntQuery huntFilter(OktaClient okta, Report report, Instant since, Instant until) {
    return new HuntFilter(okta, since, until).build(report.attackerDevices(), report.attackerAgents());
  }

  /** Investigates the case at {@code caseDir} and writes its findings.json. */
  public static Report run(Path caseDir, Clock clock, Options options) {
    Detections.Result result = Detections.run(caseDir, clock, options.windowStart(), options.windowEnd());
    Infra infra = result.infra();
    List<Finding> findings = new ArrayList<>();
    for (Finding f : result.findings()) {
      if (options.users().isEmpty() || options.users().contains(f.subject()) || f.subject() == null) {
        findings.add(f);
      }
    }
    FindingsFile.Window window = options.windowStart() != null
        ? new FindingsFile.Window(options.windowStart(), options.windowEnd(), "override")
        : inferred(findings);
    if (options.okta() != null) {
      List<Finding> detected = List.copyOf(findings);
      Set<String> subjects = new LinkedHashSet<>(options.users());
      if (subjects.isEmpty()) {
        subjects.addAll(infra.victims());
      }
      for (String u : subjects) {
        findings.addAll(new LiveAudit(options.okta(), window, detected).user(u));
      }
      findings.addAll(new LiveAudit(options.okta(), window, detected).tenant());
    }
    findings.sort(FindingIds.ORDER);
    new CaseFiles(caseDir).write(new FindingsFile.Contents(window, findings));
    return new Report(window, findings, infra.ips(), infra.sessions(), new TreeSet<>(infra.victims()), infra.appsReached(),
        infra.devices(), infra.userAgents());
  }

  /** First to last time of the findings attributed to the attacker; empty when none is. */
  static FindingsFile.Window inferred(List<Finding> findings) {
    Instant start = null;
    Instant end = null;
    for (Finding f : findings) {
      if ("true".equals(f.facts().get("attacker")) && f.first() != null) {
        start = start == null || f.first().isBefore(start) ? f.first() : start;
        end = end == null || f.last().isAfter(end) ? f.last() : end;
      }
    }
    return new FindingsFile.Window(start, end, "inferred");
  }
}
