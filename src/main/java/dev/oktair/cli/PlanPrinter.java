package dev.oktair.cli;

import dev.oktair.contain.Plan;
import dev.oktair.contain.PlanJson;
import java.io.PrintWriter;
import java.util.List;

/** Prints a containment plan for review: a table (or one JSON object per action) and what is listed. */
final class PlanPrinter {
  private final PrintWriter out;
  private final boolean json;

  PlanPrinter(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  void print(Plan plan, String where) {
    if (json) {
      for (Plan.Entry e : plan.actions()) {
        var n = PlanJson.action(e);
        n.remove("params");
        n.remove("note");
        out.println(n);
      }
      out.flush();
      return;
    }
    out.printf("Containment plan for %s (%s), window %s .. %s%n", plan.org(), where, plan.windowStart(),
        plan.windowEnd() == null ? "now" : plan.windowEnd());
    for (Plan.Subject s : plan.subjects()) {
      out.println("  subject " + TerminalText.neutralise(s.login()) + " (" + s.userId() + ")"
          + (s.superAdmin() ? "  SUPER ADMIN since before the window: the suspend waits for --force" : ""));
    }
    out.println();
    TextTable t = new TextTable(out, List.of("ID", "ACTION", "TARGET", "AFTER", "WHY (findings)"), 60);
    for (Plan.Entry e : plan.actions()) {
      t.row(List.of(e.id(), e.action().kind().label(), e.action().target().display(),
          e.dependsOn().isEmpty() ? "-" : String.join(",", e.dependsOn()), why(e.reasons(), e.reasonsTotal())));
    }
    t.flush();
    for (Plan.Entry e : plan.actions()) {
      if (e.note() != null) {
        out.println("  " + e.id() + ": " + TerminalText.neutralise(e.note()));
      }
    }
    if (!plan.listed().isEmpty()) {
      out.println();
      out.println("Listed for review, left alone:");
      for (Plan.Listed l : plan.listed()) {
        out.println("  " + l.target().type() + " " + TerminalText.neutralise(l.target().display()) + ": "
            + TerminalText.neutralise(l.why()));
      }
    }
    out.flush();
  }

  /** The cited findings; when the plan cites only some, how many there are first (a long cell is cut). */
  private static String why(List<String> reasons, int total) {
    String cited = String.join(",", reasons);
    return total > reasons.size() ? total + " findings, the worst: " + cited : cited;
  }
}
