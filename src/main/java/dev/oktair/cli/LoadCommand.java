package dev.oktair.cli;

import dev.oktair.events.Json;
import dev.oktair.store.CaseDatabase;
import dev.oktair.store.LoadReport;
import java.nio.file.Path;
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
      "Load the case's sealed evidence into CASE/case.duckdb for pivots, timelines and SQL.",
      "Incremental: only evidence files not loaded yet are read; running it again is a no-op.",
      "pivot, timeline, sql and export load new evidence themselves; --rebuild starts afresh."
    },
    footer = {"", "Exit status: 0; 2 when there is no case; 7 when evidence changed under a loaded file",
      "(run 'okta-ir verify', then 'okta-ir load --rebuild')."})
final class LoadCommand extends BaseCommand {
  @Option(names = "--case", required = true, paramLabel = "DIR", description = "Case directory.")
  Path caseDir;

  @Option(names = "--rebuild", description = "Drop the database and load every evidence file again.")
  boolean rebuild;

  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    Instant start = ctx.clock().instant();
    LoadReport report = CaseDatabase.load(caseDir, ctx.clock(), rebuild);
    Duration took = Duration.between(start, ctx.clock().instant());
    if (json.json) {
      ctx.out().println(toJson(report));
    } else {
      report.loaded().forEach(f -> ctx.out().printf(Locale.ROOT, "loaded %s  %d events%s%n",
          TerminalText.neutralise(f.name()), f.rows(), f.exact() ? "  (exact line reader)" : ""));
      ctx.out().printf(Locale.ROOT, "%s: %d events added, %d files already loaded, %d events in %s%n",
          report.noop() ? "up to date" : report.rebuilt() ? "rebuilt" : "loaded",
          report.rowsAdded(), report.alreadyLoaded(), report.totalRows(), CaseDatabase.path(caseDir));
    }
    if (!took.isZero() && report.rowsAdded() > 0) {
      double seconds = took.toNanos() / 1e9;
      info(String.format(Locale.ROOT, "loaded %d events in %.1f s (%.0f events/s)",
          report.rowsAdded(), seconds, report.rowsAdded() / seconds));
    }
    return ExitCode.OK;
  }

  static ObjectNode toJson(LoadReport report) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    ArrayNode files = o.putArray("loaded");
    report.loaded().forEach(f -> files.addObject().put("name", f.name()).put("sha256", f.sha256())
        .put("rows", f.rows()).put("exact", f.exact()));
    o.put("alreadyLoaded", report.alreadyLoaded());
    o.put("rowsAdded", report.rowsAdded());
    o.put("totalRows", report.totalRows());
    o.put("rebuilt", report.rebuilt());
    return o;
  }
}
