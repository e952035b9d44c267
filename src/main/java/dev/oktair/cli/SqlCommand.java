package dev.oktair.cli;

import dev.oktair.store.CaseDatabase;
import dev.oktair.store.RowSink;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code okta-ir sql}: one read-only query over the case database. */
@Command(
    name = "sql",
    description = {
      "Run one read-only SQL query over the case database.",
      "DuckDB dialect. Tables: 'events' (one row per distinct event, typed columns plus raw JSON),"
          + " 'evidence_lines' (one row per evidence line: which files saw each event) and 'loaded_files';"
          + " docs/case-database.md lists the columns.",
      "Anything but a single SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, PIVOT, UNPIVOT or EXPLAIN is refused;"
          + " files outside the database are out of reach. CSV output neutralises cells a spreadsheet would run as"
          + " formulas."
    },
    footer = {"", "Examples:",
      "  okta-ir sql --case case-alex 'SELECT DISTINCT client_ip FROM events'",
      "  okta-ir sql --case case-alex --json 'SELECT * FROM events LIMIT 5'",
      "",
      "Exit status: 0; 2 on a refused or failing query, or no case; 7 when evidence changed."})
final class SqlCommand extends BaseCommand {
  /** Passes on the rows within the limit and counts them all. */
  private static final class LimitedRows implements RowSink {
    private final RowSink to;
    private final LimitOption limit;
    long shown;
    long total;

    LimitedRows(RowSink to, LimitOption limit) {
      this.to = to;
      this.limit = limit;
    }

    @Override
    public void columns(List<Column> columns) {
      to.columns(columns);
    }

    @Override
    public void row(List<Object> values) {
      total++;
      if (limit.room(shown)) {
        shown++;
        to.row(values);
      }
    }

    @Override
    public void end() {
      to.end();
    }
  }

  @Mixin CaseOption caseDir;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The query.")
  String query;

  @Mixin LimitOption limit;

  @Mixin JsonOption json;

  @Option(names = "--csv", description = "Print CSV (header row, RFC 4180 quoting, formulas neutralised).")
  boolean csv;

  @Override
  protected ExitCode execute() {
    if (json.json && csv) {
      throw ExitException.usage("--json and --csv exclude each other");
    }
    SqlOutput format = json.json ? SqlOutput.JSON : csv ? SqlOutput.CSV : SqlOutput.TABLE;
    CaseDatabase db = CaseDatabase.open(caseDir.dir(), ctx.clock());
    LoadCommand.noteLoadedOnOpen(this, db);
    limit.value();
    LimitedRows rows = new LimitedRows(format.sink(ctx.out()), limit);
    db.sql(query, rows);
    String cut = limit.cut(rows.shown, rows.total, "rows");
    if (cut != null) {
      info(cut);
    }
    return ExitCode.OK;
  }
}
