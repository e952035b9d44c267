package dev.oktair.store;

import dev.oktair.events.EventSelector;
import dev.oktair.events.LogEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Evaluates an event filter in Java over the raw JSON of candidate rows and records the rows it
 * keeps in the temporary table {@code matched(rid)}, so that SQL can be restricted to them. The
 * filter sees exactly the bytes {@code okta-ir events --filter} sees, so both agree.
 */
final class FilterScan {
  /** The condition that restricts {@code events} to the rows the filter kept. */
  static final String MATCHED = "rowid IN (SELECT rid FROM temp.matched)";

  private FilterScan() {}

  /**
   * Scans the rows of {@code events} satisfying {@code candidates} (with {@code params}) and keeps
   * those {@code filter} accepts, skipping the parse of lines its prefilter rules out. Rows arrive
   * as their UTF-8 bytes ({@code encode(raw)}), the very bytes of the evidence line.
   */
  static void run(Connection c, EventSelector filter, String candidates, List<Object> params)
      throws SQLException {
    Duck.exec(c, "CREATE OR REPLACE TEMP TABLE matched (rid BIGINT)");
    try (DuckDBAppender appender = ((DuckDBConnection) c).createAppender("temp", "main", "matched");
        PreparedStatement ps = Duck.prepare(c, "SELECT rowid, encode(raw) FROM events WHERE " + candidates, params.toArray())) {
      ps.setFetchSize(4096);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byte[] raw = rs.getBytes(2);
          if (filter.prefilter().mightMatch(raw, 0, raw.length) && filter.test().test(LogEvent.parse(raw))) {
            appender.beginRow();
            appender.append(rs.getLong(1));
            appender.endRow();
          }
        }
      }
    }
  }
}
