package dev.oktair.cli;

import dev.oktair.events.Times;
import dev.oktair.events.EventSelection;
import dev.oktair.store.CaseDatabase;
import dev.oktair.store.TimelineSession;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code okta-ir timeline}: the case's events in order, session by session. */
@Command(
    name = "timeline",
    description = {
      "Print the case's events in time order, session by session.",
      "Grouped by root session id, else external session id; events without one come last, grouped by subject"
          + " and IP into bursts (a new group after 30 quiet minutes). Each group is headed"
          + " by its IPs, networks, devices, user agents, time span and subjects, so the attacker's session reads"
          + " apart from the user's. With --json, one object per session with its events."
    },
    footer = {"", "Times: ISO-8601 (2024-06-14T09:00:00Z, 2024-06-14) or an age (90m, 36h, 7d, 2w).",
      "Exit status: 0; 2 on a bad option or filter, or no case; 7 when evidence changed.",
      "", "Examples:",
      "  okta-ir timeline --case case-alex --since 2024-06-14 --limit 10",
      "  okta-ir timeline --case case-alex --filter 'client.ipAddress eq \"203.0.113.9\"'"})
final class TimelineCommand extends BaseCommand {
  @Mixin CaseOption caseDir;

  @Mixin EventSelectionOptions selection;

  @Mixin LimitOption limit;

  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    EventSelection chosen = selection.selection(this);
    CaseDatabase db = CaseDatabase.open(caseDir.dir(), ctx.clock());
    LoadCommand.noteLoadedOnOpen(this, db);
    List<TimelineSession> sessions = db.timeline(chosen.window(), chosen.selector());
    String cut = limit.cut(Math.min(sessions.size(), limit.value() == 0 ? sessions.size() : limit.value()),
        sessions.size(), "sessions");
    if (cut != null) {
      sessions = sessions.subList(0, (int) limit.value());
    }
    PrintWriter out = ctx.out();
    for (TimelineSession s : sessions) {
      if (json.json) {
        out.println(s.toJson());
      } else {
        print(out, s);
      }
    }
    out.flush();
    if (cut != null) {
      info(cut);
    }
    return ExitCode.OK;
  }

  private static void print(PrintWriter out, TimelineSession s) {
    out.printf(Locale.ROOT, "== %s  (%d events, %s .. %s)%n",
        TerminalText.cell(s.label(), 160),
        s.events().size(), Times.format(s.first()), Times.format(s.last()));
    header(out, "subject", s.subjects());
    header(out, "ip", s.ips());
    header(out, "network", s.networks());
    header(out, "device", s.devices());
    header(out, "ua", s.userAgents());
    for (TimelineSession.Event e : s.events()) {
      out.printf(Locale.ROOT, "   %-24s  %-40s  %-9s  %-15s  %s%n",
          e.published() == null ? "-" : Times.format(e.published()), TerminalText.cell(e.eventType(), 40),
          TerminalText.cell(e.outcome(), 9), TerminalText.cell(e.ip(), 39), TerminalText.cell(e.displayMessage(), 80));
    }
    out.println();
  }

  private static void header(PrintWriter out, String name, List<String> values) {
    if (!values.isEmpty()) {
      StringBuilder line = new StringBuilder();
      for (String v : values) {
        line.append(line.length() == 0 ? "" : " | ").append(TerminalText.cell(v, 120));
      }
      out.printf(Locale.ROOT, "   %-8s %s%n", name, line);
    }
  }
}
