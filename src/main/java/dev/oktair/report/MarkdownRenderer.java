package dev.oktair.report;

import dev.oktair.detect.Citation;
import dev.oktair.detect.Finding;
import dev.oktair.evidence.EvidenceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Renders a report as GitHub-flavoured Markdown for tickets and wikis, the same content as the
 * HTML. Every value passes through {@link #md}, so an attacker's string cannot break a table,
 * open a link or inject HTML. Stateless.
 */
final class MarkdownRenderer {
  private final Writer out;
  private final ReportView view;

  private MarkdownRenderer(Writer out, ReportView view) {
    this.out = out;
    this.view = view;
  }

  /** Writes the report of {@code view} to {@code out} line by line, without holding it. */
  static void render(ReportView view, Writer out) {
    new MarkdownRenderer(ReportText.visible(out), view).all(view.report());
  }

  /**
   * Returns text safe in a Markdown table cell: HTML metacharacters as entities, Markdown
   * punctuation backslash-escaped, line breaks as spaces, URLs not autolinked.
   */
  static String md(String text) {
    if (text == null || text.isBlank()) {
      return "-";
    }
    StringBuilder b = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\n', '\r', '\t' -> b.append(' ');
        case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '!', '|', '~' -> b.append('\\').append(c);
        // "scheme://" escaped so a renderer's autolinking does not make an attacker's URL clickable
        case ':' -> b.append(text.startsWith("//", i + 1) ? "\\:" : ":");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private void all(Report r) {
    Report.Summary s = r.summary();
    line("# Incident report: " + md(s.caseId()));
    line("");
    line("Generated " + ReportText.time(r.generated()) + " by okta-ir. Report schema " + r.schemaVersion() + ".");
    heading("Case summary");
    table(List.of("", ""), List.of(
        List.of("Org", md(s.orgUrl())),
        List.of("Subjects", md(ReportText.join(s.subjects()))),
        List.of("Window", ReportText.time(s.windowStart()) + " to " + ReportText.time(s.windowEnd())
            + " (" + md(s.windowSource()) + ")"),
        List.of("Case opened", ReportText.time(s.created())),
        List.of("Events", s.events() + " from " + ReportText.time(s.firstEvent()) + " to " + ReportText.time(s.lastEvent())),
        List.of("Findings", severities(s.findingsBySeverity())),
        List.of("Time to contain (first attacker event)", r.timeToContain().fromFirstAttackerEvent() + " (from "
            + ReportText.time(r.timeToContain().firstAttackerEvent()) + " to "
            + ReportText.time(r.timeToContain().containmentComplete()) + ")"),
        List.of("Time to contain (investigation)", r.timeToContain().fromInvestigationStart() + " (from "
            + ReportText.time(r.timeToContain().investigationStart()) + ")")));
    heading("Attacker infrastructure");
    if (r.infrastructure().isEmpty()) {
      line("No finding attributes an IP to the attacker yet.");
    } else {
      cut(view.infrastructure(), view::infrastructureNote);
      rows(List.of("IP", "Network", "Location", "Proxy", "Events", "First", "Last", "User agents", "Findings"),
          view.infrastructure().shown(), h -> List.of(code(h.ip()), md(h.network()), md(h.location()), h.proxy() ? "yes" : "no",
              String.valueOf(h.events()), ReportText.time(h.first()), ReportText.time(h.last()),
              md(ReportText.join(h.userAgents())), md(ReportText.join(h.findings()))));
    }
    heading("Findings");
    if (r.findings().present() && view.findings().cut()) {
      detections(view.detections());
      cut(view.findings(), view::findingsNote);
    }
    findings(r.findings().present() ? Section.of(view.findings().shown()) : r.findings(),
        "The investigation found nothing.");
    timeline(r.timeline());
    heading("Rogue factors, assignments, grants and tokens");
    if (r.artefacts().present()) {
      cut(view.artefacts(), view::artefactsNote);
    }
    section(r.artefacts().present() ? Section.of(view.artefacts().shown()) : r.artefacts(),
        "No finding names a rogue object.", List.of("Kind", "Id", "Severity", "Finding"),
        a -> List.of(md(a.kind()), code(a.id()), a.severity().label(), md(a.title()) + " " + code(a.findingId())));
    heading("ThreatInsight and policy gaps");
    if (r.policyGaps().present()) {
      cut(view.policyGaps(), view::policyGapsNote);
    }
    findings(r.policyGaps().present() ? Section.of(view.policyGaps().shown()) : r.policyGaps(),
        "No ThreatInsight or sign-on policy gap found.");
    heading("Containment actions");
    section(r.containment(), "The plan has no actions.",
        List.of("Action", "Target", "Because of", "Requested", "Completed", "Status", "Request id"),
        a -> List.of(code(a.id()) + " " + md(a.action()),
            md(a.targetType()) + " " + md(a.targetDisplay()) + " " + code(a.targetId()), md(ReportText.join(a.reasons())),
            ReportText.time(a.requested()), ReportText.time(a.completed()), md(a.status()), code(a.requestId())));
    downstream(r.downstream());
    heading("Evidence manifest");
    rows(List.of("File", "SHA-256", "Bytes", "Events", "First", "Last", "Source", "Sealed"), r.evidence(),
        MarkdownRenderer::evidenceRow);
    heading("Command history");
    section(r.history(), "No command recorded.", List.of("Started", "Ended", "Command", "Exit"),
        c -> List.of(ReportText.time(c.start()), ReportText.time(c.end()), code("okta-ir " + String.join(" ", c.argv())),
            c.exit() == null ? "-" : String.valueOf(c.exit())));
  }

  private void findings(Section<List<Finding>> findings, String none) {
    section(findings, none, List.of("Severity", "Finding", "Subject", "First", "Last", "Technique", "Evidence"),
        f -> List.of("**" + f.severity().label() + "**", "**" + md(f.title()) + "** " + code(f.id()) + "<br>"
                + md(f.summary()) + "<br>*Do:* " + md(f.recommendation()),
            md(f.subject()), ReportText.time(f.first()), ReportText.time(f.last()), md(f.technique()),
            String.join("<br>", f.evidence().stream().map(c -> code(ReportText.citation(c))).toList())));
  }

  private void timeline(Report.Timeline t) {
    heading("Timeline: the attacker's sessions and the user's own");
    if (!t.attributed()) {
      line("No finding attributes a session to the attacker yet: every session is shown as the user's.");
      line("");
    }
    cut(view.sessions(), view::sessionsNote);
    rows(List.of("Held by", "Session", "First", "Last", "Events", "IPs", "Networks", "User agents", "Subjects"),
        view.sessions().shown(), s -> List.of(s.attacker() ? "**attacker**" : "user", code(s.session()), ReportText.time(s.first()),
            ReportText.time(s.last()), String.valueOf(s.eventCount()), md(ReportText.join(s.ips())),
            md(ReportText.join(s.networks())), md(ReportText.join(s.userAgents())), md(ReportText.join(s.subjects()))));
    line("### Events of the attacker's sessions");
    line("");
    cut(view.attackerEvents(), view::attackerEventsNote);
    rows(List.of("Time", "Event type", "Outcome", "IP", "Message", "uuid"), view.attackerEvents().shown(),
        e -> List.of(ReportText.time(e.published()), md(e.eventType()), md(e.outcome()), md(e.ip()),
            md(e.displayMessage()), code(e.uuid())));
  }

  private void downstream(Section<List<Report.Impact>> d) {
    heading("Downstream service providers");
    if (!d.present()) {
      notRun(d.notRun());
      return;
    }
    for (String[] category : new String[][] {{"done", "Done"}, {"requested", "Only requested (not confirmed)"},
        {"manual", "Manual checklist"}, {"pending", "Not done (planned, failed, not run or opt-in)"}}) {
      line("### " + category[1]);
      line("");
      rows(List.of("App", "SP", "Last access", "Action", "Ends", "Does not end", "By hand", "Status"),
          d.content().stream().filter(i -> i.category().equals(category[0])).toList(),
          i -> List.of(md(i.app()) + " " + code(i.appId()), md(i.sp()), ReportText.time(i.lastAccess()), md(i.action()),
              md(i.kills()), md(i.survives()), (category[0].equals("manual") ? "[ ] " : "") + md(i.manual()),
              md(i.status())));
    }
  }

  /** Writes each detection's line of a cut findings table: how many, how bad, whom, when, and examples. */
  private void detections(List<ReportView.Detection> detections) {
    line("### Every detection at a glance");
    line("");
    rows(List.of("Severity", "Detection", "Findings", "Subjects", "First", "Last", "Examples"), detections,
        d -> List.of("**" + d.severity().label() + "**", "**" + md(d.title()) + "** " + code(d.detection()),
            String.valueOf(d.count()), md(ReportText.join(d.subjects()))
                + (d.subjectCount() > d.subjects().size() ? " and " + (d.subjectCount() - d.subjects().size()) + " more" : ""),
            ReportText.time(d.first()), ReportText.time(d.last()),
            String.join("<br>", d.examples().stream().map(f -> code(f.id()) + " " + md(f.summary())).toList())));
  }

  /** Says, above a table that does not show every row, how many it leaves out and where they all are. */
  private void cut(ReportView.Rows<?> rows, java.util.function.Supplier<String> note) {
    if (rows.cut()) {
      line("> **Not shown in full.** " + md(note.get()));
      line("");
    }
  }

  private static List<String> evidenceRow(EvidenceFile f) {
    StringBuilder source = new StringBuilder(md(f.source().kind()) + " " + md(f.source().location()));
    new TreeMap<>(f.source().query()).forEach((k, v) -> source.append(' ').append(code(k + "=" + v)));
    return List.of(code(f.name()), code(f.sha256()), String.valueOf(f.bytes()), String.valueOf(f.events()),
        md(f.firstPublished()), md(f.lastPublished()), source.toString(), md(f.sealed()));
  }

  private <T> void section(Section<List<T>> section, String none, List<String> header, Function<T, List<String>> row) {
    if (!section.present()) {
      notRun(section.notRun());
    } else if (section.content().isEmpty()) {
      line(none);
      line("");
    } else {
      rows(header, section.content(), row);
    }
  }

  private <T> void rows(List<String> header, List<T> items, Function<T, List<String>> row) {
    if (items.isEmpty()) {
      line("None.");
      line("");
      return;
    }
    table(header, items, row);
  }

  private void table(List<String> header, List<List<String>> rows) {
    table(header, rows, r -> r);
  }

  /** Writes each item's row as it is made: a table of 317k findings held as cells did not fit (issue 14). */
  private <T> void table(List<String> header, List<T> items, Function<T, List<String>> row) {
    line("| " + String.join(" | ", header) + " |");
    line("|" + "---|".repeat(header.size()));
    for (T item : items) {
      line("| " + String.join(" | ", row.apply(item)) + " |");
    }
    line("");
  }

  private void notRun(String why) {
    line("> **Not yet run.** " + md(why));
    line("");
  }

  private void heading(String title) {
    line("");
    line("## " + title);
    line("");
  }

  private void line(String text) {
    try {
      out.write(text);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String severities(List<Report.SeverityCount> counts) {
    if (counts.isEmpty()) {
      return "not yet run";
    }
    StringBuilder b = new StringBuilder();
    counts.forEach(c -> b.append(b.length() == 0 ? "" : ", ").append(c.severity()).append(": ").append(c.count()));
    return b.toString();
  }

  /**
   * Returns the text as inline code, or a dash. HTML entities inside a code span would show
   * literally, so the text is shown through {@link #md} as plain text wrapped in {@code <code>}.
   */
  private static String code(String text) {
    return text == null || text.isBlank() ? "-" : "<code>" + md(text) + "</code>";
  }
}
