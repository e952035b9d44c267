package dev.oktair.cli;

import dev.oktair.detect.Finding;
import dev.oktair.detect.FindingsFile;
import dev.oktair.detect.Severity;
import dev.oktair.investigate.Investigation;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/** Prints an investigation: findings one per line as JSON, or a report for people (neutralised). */
final class InvestigateOutput {
  private final PrintWriter out;
  private final boolean json;

  InvestigateOutput(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  void print(Investigation.Report r, Set<String> others) {
    if (json) {
      r.findings().forEach(f -> out.println(FindingsFile.toJson(f)));
      out.flush();
      return;
    }
    FindingsFile.Window w = r.window();
    out.println(w.start() == null ? "Compromise window: none (no finding is attributed to an attacker)"
        : "Compromise window (" + w.source() + "): " + w.start() + " .. " + w.end());
    for (Severity s : new Severity[] {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO}) {
      List<Finding> l = r.findings().stream().filter(f -> f.severity() == s).toList();
      if (!l.isEmpty()) {
        out.println();
        out.println(s.label().toUpperCase() + " (" + l.size() + ")");
        l.forEach(f -> out.println("  " + f.id() + "  " + t(f.detection()) + "  " + t(f.subject() == null ? "-" : f.subject())
            + "  " + (f.first() == null ? "" : f.first() + "  ") + t(f.summary())));
      }
    }
    out.println();
    out.println("Attacker infrastructure:");
    r.attackerIps().forEach((ip, asn) -> out.println("  ip " + t(ip) + (asn == null ? "" : "  AS" + asn)));
    r.attackerSessions().forEach(s -> out.println("  session " + t(s)));
    section(r, "Rogue factors", "audit-rogue-factor", "factor-activated");
    section(r, "Suspicious assignments and grants", "audit-assignment", "app-assigned", "group-added", "oauth-consent",
        "audit-grant", "audit-refresh-token", "audit-api-token", "api-token-created");
    out.println("Apps reached in the window:");
    r.appsReached().forEach((id, label) -> out.println("  " + t(label) + "  " + t(id)));
    out.println("Affected accounts: " + t(String.join(", ", r.victims())));
    if (!others.isEmpty()) {
      out.println("Other affected accounts found by --hunt: " + t(String.join(", ", others)));
    }
    out.flush();
  }

  private void section(Investigation.Report r, String title, String... detections) {
    out.println(title + ":");
    List<String> ids = List.of(detections);
    r.findings().stream().filter(f -> ids.contains(f.detection()) && "true".equals(f.facts().get("attacker")))
        .forEach(f -> out.println("  " + f.id() + "  " + t(f.summary())));
  }

  private static String t(String s) {
    return TerminalText.neutralise(s);
  }
}
