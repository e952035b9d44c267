package dev.oktair.cli;

import dev.oktair.events.Times;
import dev.oktair.events.EventSelection;
import dev.oktair.store.CaseDatabase;
import dev.oktair.store.PivotKey;
import dev.oktair.store.PivotQuery;
import dev.oktair.store.PivotRow;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code okta-ir pivot}: counts the case's events by IP, ASN, device, user agent, session... */
@Command(
    name = "pivot",
    description = {
      "Count the case's events by IP, network, device, session...",
      "For each value: events, successes (SUCCESS, ALLOW), failures (FAILURE, DENY), first and last seen,"
          + " distinct User subjects. With --baseline-until, values no event before that time had are marked NEW:"
          + " the attacker's IPs, ASNs, devices and user agents stand out; a missing value (no IP, no device) is"
          + " never NEW.",
      "Keys: ip, asn, isp, proxy, country, city, device, ua, browser, os, session, app, eventType, outcome, actor,"
          + " target (combine with commas: --by ip,ua).",
      "Prints the " + PivotCommand.DEFAULT_LIMIT + " values with most events unless --limit says otherwise (stderr says"
          + " when there are more); --limit 0 prints every value."
    },
    footer = {"", "Times: ISO-8601 (2024-06-14T09:00:00Z, 2024-06-14) or an age (90m, 36h, 7d, 2w).",
      "Exit status: 0; 2 on a bad option, key or filter, or no case; 7 when evidence changed.",
      "", "Examples:",
      "  okta-ir pivot --case case-alex --by ip,ua --baseline-until 2024-06-01",
      "  okta-ir pivot --case case-alex --by asn --filter 'outcome.result eq \"FAILURE\"'",
      "  okta-ir pivot --case case-alex --by ip --limit 0 --json"})
final class PivotCommand extends BaseCommand {
  @Mixin CaseOption caseDir;

  @Option(names = "--by", required = true, paramLabel = "KEY[,KEY...]", description = "What to group by.")
  String by;

  @Mixin EventSelectionOptions selection;

  @Option(names = "--baseline-until", paramLabel = "TIME",
      description = "Mark values never seen before TIME as NEW.")
  Converters.TimeArg baselineUntil;

  /**
   * The top values, not every value, unless asked: a pivot of a large case has a value per client IP
   * (hundreds of thousands), which floods a terminal and costs seconds to print (issue 14).
   */
  @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
      description = "Print the N values with most events (default ${DEFAULT-VALUE}, table and JSON alike); 0: all.")
  long limit;

  /** How many values a pivot prints when --limit is not given. */
  static final int DEFAULT_LIMIT = 50;

  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    List<PivotKey> keys;
    try {
      keys = PivotKey.list(by);
    } catch (IllegalArgumentException e) {
      throw ExitException.usage("--by: " + e.getMessage());
    }
    long max = limit;
    if (max < 0) {
      throw ExitException.usage("--limit must be 0 (all) or positive, not " + max);
    }
    if (max > Integer.MAX_VALUE - 1) {
      throw ExitException.usage("--limit must be at most " + (Integer.MAX_VALUE - 1));
    }
    Instant baseline = Converters.TimeArg.at(baselineUntil);
    EventSelection chosen = selection.selection(this);
    // one row more than asked for tells whether the limit cut the list
    PivotQuery query = new PivotQuery(keys, chosen.window(), baseline, max == 0 ? 0 : (int) max + 1, chosen.selector());
    // the common pivots (one key, every event) come from the summaries the load wrote; the rest,
    // or a case changed since, from the database
    List<PivotRow> summarised = CaseDatabase.summarisedPivot(caseDir.dir(), ctx.clock(), query);
    CaseDatabase db = null;
    if (summarised == null) {
      db = CaseDatabase.open(caseDir.dir(), ctx.clock());
      LoadCommand.noteLoadedOnOpen(this, db);
    }
    // rows stream from DuckDB to the output in blocks (not a flush per line): a million values
    // need no more memory than ten
    PrintWriter out = new PrintWriter(new BufferedWriter(ctx.out(), 1 << 16));
    boolean baselined = baseline != null;
    TextTable table = json.json ? null : table(out, keys, baselined);
    long[] seen = {0};
    Consumer<PivotRow> print = r -> {
      if (max > 0 && ++seen[0] > max) {
        return; // the one row more than asked for
      }
      if (table == null) {
        out.println(r.toJson());
      } else {
        table.row(cells(r, baselined));
      }
    };
    try {
      if (db == null) {
        summarised.forEach(print);
      } else {
        db.pivot(query, print);
      }
      if (table != null) {
        table.flush();
      }
    } finally {
      out.flush();
    }
    if (max > 0 && seen[0] > max) {
      info("showing the " + max + " values with most events; there are more (--limit 0 for all)");
    }
    return ExitCode.OK;
  }

  private static TextTable table(PrintWriter out, List<PivotKey> keys, boolean baseline) {
    List<String> headers = new ArrayList<>();
    keys.forEach(k -> headers.add(k.key().toUpperCase(Locale.ROOT)));
    headers.addAll(List.of("EVENTS", "OK", "FAIL", "FIRST SEEN", "LAST SEEN", "SUBJECTS"));
    if (baseline) {
      headers.add("NEW");
    }
    return new TextTable(out, headers, 60);
  }

  private static List<String> cells(PivotRow r, boolean baseline) {
    List<String> cells = new ArrayList<>();
    r.value().values().forEach(v -> cells.add(v == null ? null : String.valueOf(v)));
    // Arrays.asList, not List.of: events without a readable published time have no first/last seen
    cells.addAll(Arrays.asList(Long.toString(r.events()), Long.toString(r.successes()), Long.toString(r.failures()),
        Times.format(r.firstSeen()), Times.format(r.lastSeen()), Long.toString(r.subjects())));
    if (baseline) {
      cells.add(r.isNew() ? "NEW" : "");
    }
    return cells;
  }
}
