package dev.oktair.cli;

import dev.oktair.events.EventSelector;
import dev.oktair.events.LogEvent;
import dev.oktair.events.RejectedLine;
import dev.oktair.evidence.EvidenceStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code okta-ir events}: prints the events of a case's evidence that match a filter, each once. */
@Command(
    name = "events",
    description = {
      "Print the events of a case's evidence that match.",
      "In evidence order, each event once: a line repeating an earlier one (same uuid, same bytes; overlapping"
          + " collections) is skipped. As a table for people, or with --json the raw events exactly as stored,"
          + " one per line."
    },
    footer = {"", "Times: ISO-8601 (2024-06-14T09:00:00Z, 2024-06-14) or an age (90m, 36h, 7d, 2w).",
      "Exit status: 0, 2 on a bad option or filter, 7 when evidence is missing, unreadable or changed since it was"
          + " sealed, or the manifest is missing."})
final class EventsCommand extends BaseCommand {
  @Mixin CaseOption caseDir;

  @Mixin EventSelectionOptions selection;

  @Option(names = "--limit", paramLabel = "N", description = "Stop after N events.")
  Long limit;

  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    if (limit != null && limit < 0) {
      throw ExitException.usage("--limit must not be negative");
    }
    EventSelector selector = selection.selection().withWindow();
    EvidenceStore store = EvidenceStore.existing(caseDir.dir(), ctx.clock());
    PrintWriter out = ctx.out();
    EventTable table = json.json ? null : new EventTable(out);
    if (table != null) {
      table.header();
    }
    Printer printer = new Printer(table, out);
    EvidenceStore.ReadReport report = store.readDistinct(selector, printer);
    out.flush();
    info(printer.printed + " events matched" + (limit != null && printer.printed == limit ? " (limit reached)" : "")
        + (report.repeats() > 0 ? " (" + report.repeats() + " duplicates across evidence files shown once)" : ""));
    if (!report.intact()) {
      ctx.err().println("okta-ir: the evidence is not intact; run 'okta-ir verify --case " + caseDir.dir() + "'");
      return ExitCode.EVIDENCE_MISMATCH;
    }
    return ExitCode.OK;
  }

  /** Prints events raw or as table rows, up to the limit; reports what the evidence could not give. */
  private final class Printer implements EvidenceStore.Reading {
    private final EventTable table;
    private final PrintWriter out;
    long printed;

    Printer(EventTable table, PrintWriter out) {
      this.table = table;
      this.out = out;
    }

    @Override
    public boolean event(LogEvent event) {
      if (limit != null && printed >= limit) {
        return false;
      }
      printed++;
      if (table != null) {
        table.row(event);
      } else {
        // write, not println: println would flush an autoflushing stdout once per event.
        out.write(event.rawText());
        out.write('\n');
      }
      return limit == null || printed < limit;
    }

    @Override
    public void rejected(RejectedLine line) {
      ctx.err().println(TerminalText.neutralise(line.source() + ":" + line.line() + ": " + line.message()));
    }

    @Override
    public void unreadable(Path file, String why) {
      ctx.err().println("okta-ir: evidence file " + file + " " + why);
    }
  }
}
