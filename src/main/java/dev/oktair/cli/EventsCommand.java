package dev.oktair.cli;

import dev.oktair.events.EventHandler;
import dev.oktair.events.EventReader;
import dev.oktair.events.LogEvent;
import dev.oktair.events.RejectedLine;
import dev.oktair.evidence.DedupIndex;
import dev.oktair.evidence.EvidenceFile;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.store.EventSelector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
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
      "Exit status: 0, 2 on a bad option or filter, 7 when evidence is missing or unreadable."})
final class EventsCommand extends BaseCommand {
  @Option(names = "--case", required = true, paramLabel = "DIR", description = "Case directory.")
  Path caseDir;

  @Mixin EventSelection selection;

  @Option(names = "--limit", paramLabel = "N", description = "Stop after N events.")
  Long limit;

  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    if (limit != null && limit < 0) {
      throw ExitException.usage("--limit must not be negative");
    }
    EventSelector selector = selection.withWindow(ctx.clock());
    EvidenceStore store = EvidenceStore.existing(caseDir, ctx.clock());
    PrintWriter out = ctx.out();
    EventTable table = json.json ? null : new EventTable(out);
    if (table != null) {
      table.header();
    }
    Printer printer = new Printer(selector, table, out);
    EventReader reader = EventReader.create().withPrefilter(selector.prefilter());
    int problems = 0;
    for (EvidenceFile file : store.files()) {
      Path path = store.pathOf(file);
      try {
        if (reader.read(path, printer).stopped()) {
          break;
        }
      } catch (NoSuchFileException e) {
        problems++;
        ctx.err().println("okta-ir: evidence file " + path + " is missing");
      } catch (IOException e) {
        problems++;
        ctx.err().println("okta-ir: cannot read evidence file " + path + ": " + e.getMessage());
      }
    }
    out.flush();
    info(printer.matched + " events matched" + (limit != null && printer.matched == limit ? " (limit reached)" : "")
        + (printer.seen.repeats() > 0 ? " (" + printer.seen.repeats() + " duplicates across evidence files shown once)" : ""));
    if (problems + printer.corrupt > 0) {
      ctx.err().println("okta-ir: the evidence is not intact; run 'okta-ir verify --case " + caseDir + "'");
      return ExitCode.EVIDENCE_MISMATCH;
    }
    return ExitCode.OK;
  }

  /** Prints matching events once each, raw or as table rows; reports unreadable evidence lines. */
  private final class Printer implements EventHandler {
    private final EventSelector selector;
    private final EventTable table;
    private final PrintWriter out;
    final SeenEvents seen = new SeenEvents();
    long matched;
    int corrupt;

    Printer(EventSelector selector, EventTable table, PrintWriter out) {
      this.selector = selector;
      this.table = table;
      this.out = out;
    }

    @Override
    public boolean event(LogEvent event, long line) {
      if (limit != null && matched >= limit) {
        return false;
      }
      if (!selector.test().test(event) || !seen.firstTime(event)) {
        return true;
      }
      matched++;
      if (table != null) {
        table.row(event);
      } else {
        // write, not println: println would flush an autoflushing stdout once per event.
        out.write(event.rawText());
        out.write('\n');
      }
      return limit == null || matched < limit;
    }

    @Override
    public void rejected(RejectedLine line) {
      corrupt++;
      ctx.err().println(TerminalText.neutralise(line.source() + ":" + line.line() + ": " + line.message()));
    }
  }

  /** The events printed so far, by the evidence's rule: same uuid and same bytes is the same event. */
  static final class SeenEvents {
    private final DedupIndex index = new DedupIndex();
    private long repeats;

    /** Returns true the first time an event is seen, false (and counts a repeat) afterwards. */
    boolean firstTime(LogEvent event) {
      if (index.add(event.uuid(), event.raw()) != DedupIndex.Verdict.DUPLICATE) {
        return true;
      }
      repeats++;
      return false;
    }

    long repeats() {
      return repeats;
    }
  }
}
