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
    limit.value(); // a bad limit is a usage error before any work
    EventSelection chosen = selection.selection(this);
    CaseDatabase db = CaseDatabase.open(caseDir.dir(), ctx.clock());
    LoadCommand.noteLoadedOnOpen(this, db);
    PrintWriter out = ctx.out();
    // One session at a time as the database groups them: a million events do not fit the heap
    // at once (issue 14). Past the limit the rest are only counted, for the note that says so.
    long[] total = {0};
    db.timeline(chosen.window(), chosen.selector(), s -> {
      if (limit.room(total[0]++)) {
        if (json.json) {
          s.writeJson(out);
          out.println();
        } else {
          print(out, s);
        }
      }
      return true;
    });
    out.flush();
    String cut = limit.cut(Math.min(total[0], limit.value() == 0 ? total[0] : limit.value()), total[0], "sessions");
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
