package dev.oktair.cli;

import dev.oktair.events.EventHandler;
import dev.oktair.events.EventReader;
import dev.oktair.events.LinePredicate;
import dev.oktair.events.LogEvent;
import dev.oktair.events.RejectedLine;
import dev.oktair.events.Times;
import dev.oktair.events.filter.EventFilter;
import dev.oktair.events.filter.KeywordQuery;
import dev.oktair.evidence.EvidenceFile;
import dev.oktair.evidence.EvidenceStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code okta-ir events}: prints the events of a case's evidence that match a filter. */
@Command(
    name = "events",
    description = {
      "Print the events of a case's sealed evidence that match, in evidence order.",
      "As a table for people, or with --json the raw events exactly as stored, one per line."
    },
    footer = {"", "Times: ISO-8601 (2024-06-14T09:00:00Z, 2024-06-14) or an age (90m, 36h, 7d, 2w).",
      "Exit status: 0, 2 on a bad option or filter, 7 when evidence is missing or unreadable."})
final class EventsCommand extends BaseCommand {
  @Option(names = "--case", required = true, paramLabel = "DIR", description = "Case directory.")
  Path caseDir;

  @Option(names = "--filter", paramLabel = "EXPR",
      description = "Okta filter expression, e.g. 'eventType eq \"user.session.start\"'.")
  String filter;

  @Option(names = "--q", paramLabel = "TEXT", description = "Okta keyword search (every keyword must match).")
  String query;

  @Option(names = "--since", paramLabel = "TIME", description = "Only events published at or after TIME.")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "Only events published before TIME.")
  String until;

  @Option(names = "--limit", paramLabel = "N", description = "Stop after N events.")
  Long limit;

  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    Selection selection = selection();
    EvidenceStore store = EvidenceStore.existing(caseDir, ctx.clock());
    PrintWriter out = ctx.out();
    EventTable table = json.json ? null : new EventTable(out);
    if (table != null) {
      table.header();
    }
    Printer printer = new Printer(selection, table, out);
    EventReader reader = EventReader.create().withPrefilter(selection.prefilter());
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
    info(printer.matched + " events matched" + (selection.limit() != null && printer.matched == selection.limit()
        ? " (limit reached)" : ""));
    if (problems + printer.corrupt > 0) {
      ctx.err().println("okta-ir: the evidence is not intact; run 'okta-ir verify --case " + caseDir + "'");
      return ExitCode.EVIDENCE_MISMATCH;
    }
    return ExitCode.OK;
  }

  private Selection selection() {
    if (limit != null && limit < 0) {
      throw ExitException.usage("--limit must not be negative");
    }
    Instant from = bound("--since", since);
    Instant to = bound("--until", until);
    if (from != null && to != null && !from.isBefore(to)) {
      throw ExitException.usage("--since (" + from + ") must be before --until (" + to + ")");
    }
    EventFilter f = filter == null ? null : EventFilter.parse(filter);
    KeywordQuery q = query == null ? null : KeywordQuery.parse(query);
    return new Selection(f, q, from, to, limit);
  }

  private Instant bound(String option, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Times.parseBound(text, ctx.clock());
    } catch (IllegalArgumentException e) {
      throw ExitException.usage(option + ": " + e.getMessage());
    }
  }

  /**
   * What to print: filter and keywords (with their raw-bytes prefilters), the time window (since
   * inclusive, until exclusive; events without a usable time fall outside any window) and a limit.
   */
  private record Selection(EventFilter filter, KeywordQuery q, Instant since, Instant until, Long limit) {
    LinePredicate prefilter() {
      LinePredicate p = LinePredicate.ALL;
      if (filter != null) {
        p = p.and(filter::mightMatch);
      }
      if (q != null) {
        p = p.and(q::mightMatch);
      }
      return p;
    }

    boolean test(LogEvent e) {
      if (since != null || until != null) {
        Instant at = e.published();
        if (at == null || (since != null && at.isBefore(since)) || (until != null && !at.isBefore(until))) {
          return false;
        }
      }
      return (filter == null || filter.test(e)) && (q == null || q.test(e));
    }
  }

  /** Prints matching events, raw or as table rows; reports unreadable evidence lines. */
  private final class Printer implements EventHandler {
    private final Selection selection;
    private final EventTable table;
    private final PrintWriter out;
    long matched;
    int corrupt;

    Printer(Selection selection, EventTable table, PrintWriter out) {
      this.selection = selection;
      this.table = table;
      this.out = out;
    }

    @Override
    public boolean event(LogEvent event, long line) {
      Long max = selection.limit();
      if (max != null && matched >= max) {
        return false;
      }
      if (!selection.test(event)) {
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
      return max == null || matched < max;
    }

    @Override
    public void rejected(RejectedLine line) {
      corrupt++;
      ctx.err().println(TerminalText.neutralise(line.source() + ":" + line.line() + ": " + line.message()));
    }
  }
}
