package dev.oktair.cli;

import dev.oktair.cases.Case;
import dev.oktair.events.Json;
import dev.oktair.store.CaseDatabase;
import dev.oktair.store.LoadReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code okta-ir load}: loads a case's evidence into its case database. */
@Command(
    name = "load",
    description = {
      "Load the case's evidence into CASE/case.duckdb.",
      "The database serves pivots, timelines and SQL. Incremental: only evidence files not loaded yet are read;"
          + " running it again is a no-op. One row per distinct event: lines repeating an event of an earlier line"
          + " or file (overlapping collections) are recorded in evidence_lines only.",
      "pivot, timeline, sql and export load new evidence themselves; --rebuild starts afresh."
    },
    footer = {"", "Exit status: 0; 2 when there is no case; 7 when evidence changed under a loaded file"
        + " (run 'okta-ir verify', then 'okta-ir load --rebuild')."})
final class LoadCommand extends BaseCommand {
  @Mixin CaseOption caseDir;

  @Option(names = "--rebuild", description = "Drop the database and load every evidence file again.")
  boolean rebuild;

  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    Instant start = ctx.clock().instant();
    Case kase = caseDir.open(ctx);
    LoadReport report = CaseDatabase.load(kase.paths().root(), ctx.clock(), rebuild);
    Duration took = Duration.between(start, ctx.clock().instant());
    if (json.json) {
      ctx.out().println(toJson(report));
    } else {
      report.loaded().forEach(f -> ctx.out().printf(Locale.ROOT, "loaded %s  %d lines, %d new events%s%n",
          TerminalText.neutralise(f.name()), f.lines(), f.newEvents(), f.exact() ? "  (exact line reader)" : ""));
      ctx.out().printf(Locale.ROOT, "%s: %d events added from %d lines (%d duplicates), %d files already loaded,"
              + " %d events in %s%n",
          report.noop() ? "up to date" : report.rebuilt() ? "rebuilt" : "loaded", report.eventsAdded(),
          report.linesAdded(), report.duplicates(), report.alreadyLoaded(), report.totalEvents(),
          kase.paths().database());
    }
    if (report.uuidCollisions() > 0) {
      info(report.uuidCollisions() + " uuids each name more than one distinct event (column uuid_collision)");
    }
    if (!took.isZero() && report.linesAdded() > 0) {
      double seconds = took.toNanos() / 1e9;
      info(String.format(Locale.ROOT, "loaded %d lines in %.1f s (%.0f lines/s)",
          report.linesAdded(), seconds, report.linesAdded() / seconds));
    }
    return ExitCode.OK;
  }

  /** Tells the analyst (on stderr) when a query command loaded new evidence before answering. */
  static void noteLoadedOnOpen(BaseCommand command, CaseDatabase db) {
    LoadReport r = db.loadedOnOpen();
    if (r != null) {
      command.info("loaded " + r.eventsAdded() + " new events (" + r.duplicates() + " duplicate lines) from "
          + r.loaded().size() + " evidence files into " + db.file());
    }
  }

  static ObjectNode toJson(LoadReport report) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    ArrayNode files = o.putArray("loaded");
    report.loaded().forEach(f -> files.addObject().put("name", f.name()).put("sha256", f.sha256())
        .put("lines", f.lines()).put("newEvents", f.newEvents()).put("exact", f.exact()));
    o.put("alreadyLoaded", report.alreadyLoaded());
    o.put("linesAdded", report.linesAdded());
    o.put("eventsAdded", report.eventsAdded());
    o.put("duplicates", report.duplicates());
    o.put("uuidCollisions", report.uuidCollisions());
    o.put("totalEvents", report.totalEvents());
    o.put("rebuilt", report.rebuilt());
    return o;
  }
}
