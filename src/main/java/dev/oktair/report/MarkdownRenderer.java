package dev.oktair.report;

import dev.oktair.detect.Citation;
import dev.oktair.detect.Finding;
import dev.oktair.evidence.EvidenceFile;
import dev.oktair.store.TimelineSession;
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

  private MarkdownRenderer(Writer out) {
    this.out = out;
  }

  /** Writes the report to {@code out} line by line, without holding it. */
  static void render(Report r, Writer out) {
    new MarkdownRenderer(ReportText.visible(out)).all(r);
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
      rows(List.of("IP", "Network", "Location", "Proxy", "Events", "First", "Last", "User agents", "Findings"),
          r.infrastructure(), h -> List.of(code(h.ip()), md(h.network()), md(h.location()), h.proxy() ? "yes" : "no",
              String.valueOf(h.events()), ReportText.time(h.first()), ReportText.time(h.last()),
              md(ReportText.join(h.userAgents())), md(ReportText.join(h.findings()))));
    }
    heading("Findings");
    findings(r.findings(), "The investigation found nothing.");
    timeline(r.timeline());
    heading("Rogue factors, assignments, grants and tokens");
    section(r.artefacts(), "No finding names a rogue object.", List.of("Kind", "Id", "Severity", "Finding"),
        a -> List.of(md(a.kind()), code(a.id()), a.severity().label(), md(a.title()) + " " + code(a.findingId())));
    heading("ThreatInsight and policy gaps");
    findings(r.policyGaps(), "No ThreatInsight or sign-on policy gap found.");
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
    rows(List.of("Held by", "Session", "First", "Last", "Events", "IPs", "Networks", "User agents", "Subjects"),
        t.sessions(), s -> List.of(s.attacker() ? "**attacker**" : "user", code(s.session()), ReportText.time(s.first()),
            ReportText.time(s.last()), String.valueOf(s.eventCount()), md(ReportText.join(s.ips())),
            md(ReportText.join(s.networks())), md(ReportText.join(s.userAgents())), md(ReportText.join(s.subjects()))));
    line("### Events of the attacker's sessions");
    line("");
    List<TimelineSession.Event> events = t.sessions().stream().filter(Report.Session::attacker)
        .flatMap(s -> s.events().stream()).toList();
    rows(List.of("Time", "Event type", "Outcome", "IP", "Message", "uuid"), events,
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
