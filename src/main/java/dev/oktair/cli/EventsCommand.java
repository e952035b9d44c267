package dev.oktair.cli;

import dev.oktair.events.EventSelector;
import dev.oktair.events.LogEvent;
import dev.oktair.events.RejectedLine;
import dev.oktair.evidence.EvidenceStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code okta-ir events}: prints the events of a case's evidence that match a filter, each once. */
@Command(
    name = "events",
    description = {
      "Print the events of a case's evidence that match.",
      "In time order (published, then evidence order; --evidence-order for the order stored), each event once:"
          + " a line repeating an earlier one (same uuid, same bytes; overlapping collections) is skipped. As a table"
          + " for people, or with --json the raw events exactly as stored, one per line."
    },
    footer = {"", "Times: ISO-8601 (2024-06-14T09:00:00Z, 2024-06-14) or an age (90m, 36h, 7d, 2w).",
      "Exit status: 0, 2 on a bad option or filter, 7 when evidence is missing, unreadable or changed since it was"
          + " sealed, or the manifest is missing.",
      "", "Examples:",
      "  okta-ir events --case case-alex --filter 'eventType sw \"user.session\"'",
      "  okta-ir events --case case-alex --since 2024-06-14 --limit 20 --json"})
final class EventsCommand extends BaseCommand {
  @Mixin CaseOption caseDir;

  @Mixin EventSelectionOptions selection;

  @Mixin LimitOption limit;

  @Option(names = "--evidence-order",
      description = "Print in evidence order (as stored, streaming) instead of time order.")
  boolean evidenceOrder;

  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    limit.value();
    EventSelector selector = selection.selection(this).withWindow();
    EvidenceStore store = EvidenceStore.existing(caseDir.dir(), ctx.clock());
    PrintWriter out = ctx.out();
    EventTable table = json.json ? null : new EventTable(out);
    if (table != null) {
      table.header();
    }
    Printer printer = new Printer(table, table == null ? ByteOutput.bytesOf(out) : null);
    EvidenceStore.ReadReport report;
    boolean intact = true;
    if (evidenceOrder) {
      report = store.readDistinct(selector, printer);
    } else {
      // Time order needs every match before the first line, unless the manifest says the evidence
      // is read in time order: then a match with a time is printed as it is read. Any other is held
      // by its place in the evidence (or as its raw bytes) and its time, parsed once (not its parsed
      // tree, nor a time parsed per comparison), then sorted, stably, so equal times keep evidence
      // order; those without a time come last, after every printed one, as the sort puts them.
      HeldEvents held = new HeldEvents();
      Sink sink = new Sink(held, printer);
      report = store.readDistinct(selector, sink);
      held.inTimeOrder(sink.printing ? printer::raw : (buf, off, len) -> false);
      printer.matched = sink.streamed + held.size();
      for (Path changed : held.changed()) {
        printer.unreadable(changed, "was changed while the evidence was read: its events were not all printed as read");
      }
      if (sink.disordered) {
        ctx.err().println("okta-ir: the evidence's events were not in the time order its manifest recorded:"
            + " they were printed as read");
      }
      intact = held.changed().isEmpty() && !sink.disordered;
    }
    out.flush();
    String cut = limit.cut(printer.printed, Math.max(printer.matched, printer.printed), "events");
    info(printer.printed + " events matched"
        + (cut != null ? "; " + cut : evidenceOrder && !limit.room(printer.printed) ? " (limit reached)" : "")
        + (report.repeats() > 0 ? " (" + report.repeats() + " duplicates across evidence files shown once)" : ""));
    if (!report.intact() || !intact) {
      ctx.err().println("okta-ir: the evidence is not intact; run 'okta-ir verify --case " + caseDir.dir() + "'");
      return ExitCode.EVIDENCE_MISMATCH;
    }
    return ExitCode.OK;
  }

  /**
   * Takes the events read: prints those with a published time as they come when the evidence is
   * read in time order, and holds the rest to be sorted. Passes problems on to the printer.
   */
  private static final class Sink implements EvidenceStore.Reading {
    private final HeldEvents keep;
    private final Printer printer;
    private boolean streaming;
    /** False once the printer has had enough (the limit, a closed stdout): the rest is only counted. */
    boolean printing = true;
    /** How many events were printed, or passed over once printing stopped, as they were read. */
    long streamed;
    /** Set when an event streamed is earlier than one before it, which the manifest ruled out. */
    boolean disordered;
    private Instant latest = Instant.MIN;

    Sink(HeldEvents keep, Printer printer) {
      this.keep = keep;
      this.printer = printer;
    }

    @Override
    public void inTimeOrder(boolean ordered) {
      streaming = ordered;
    }

    @Override
    public void from(Path file) {
      keep.from(file);
    }

    @Override
    public boolean event(LogEvent event) {
      Instant at = streaming ? event.published() : null;
      if (at == null) {
        keep.add(event);
        return true;
      }
      streamed++;
      disordered |= at.isBefore(latest);
      latest = at;
      printing = printing && printer.event(event);
      return true; // read on: the stderr note counts every match, and every file is checked
    }

    @Override
    public void rejected(RejectedLine line) {
      printer.rejected(line);
    }

    @Override
    public void unreadable(Path file, String why) {
      printer.unreadable(file, why);
    }
  }

  /** Prints events raw or as table rows, up to the limit; reports what the evidence could not give. */
  private final class Printer implements EvidenceStore.Reading {
    private final EventTable table;
    private final OutputStream bytes;
    long printed;
    long matched;
    private boolean closed;

    /** Prints rows to {@code table}, or (table null) raw lines to {@code bytes}. */
    Printer(EventTable table, OutputStream bytes) {
      this.table = table;
      this.bytes = bytes;
    }

    @Override
    public boolean event(LogEvent event) {
      if (!limit.room(printed)) {
        return false;
      }
      printed++;
      if (table != null) {
        table.row(event);
      } else {
        try {
          event.writeRaw(bytes);
          bytes.write('\n');
        } catch (IOException e) {
          closed = true;
        }
      }
      return limit.room(printed) && !closed;
    }

    /** Prints an event given by its raw bytes {@code buf[off, off + len)}, as {@link #event} does. */
    boolean raw(byte[] buf, int off, int len) {
      if (table != null) {
        return event(LogEvent.parse(java.util.Arrays.copyOfRange(buf, off, off + len)));
      }
      if (!limit.room(printed)) {
        return false;
      }
      printed++;
      // a closed stdout (a reader such as head that had enough) stops the read, quietly
      try {
        bytes.write(buf, off, len);
        bytes.write('\n');
      } catch (IOException e) {
        closed = true;
      }
      return limit.room(printed) && !closed;
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
