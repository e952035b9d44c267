package dev.oktair.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs a {@link PivotQuery} as one aggregate query over {@code events}. */
final class Pivots {
  private Pivots() {}

  /** Runs the pivot and hands each row to {@code sink} as DuckDB returns it, most events first. */
  static void run(Connection c, PivotQuery q, Consumer<PivotRow> sink) throws SQLException {
    List<PivotKey> keys = q.keys();
    List<Object> params = new ArrayList<>();
    String window = WindowSql.where(q.window(), params);
    if (q.filter() != null) {
      List<Object> scanParams = new ArrayList<>(params);
      String candidates = window;
      if (q.baselineUntil() != null) {
        candidates = "(" + window + ") OR published < ?";
        scanParams.add(Duck.timestamp(q.baselineUntil()));
      }
      FilterScan.run(c, q.filter(), candidates, scanParams);
      window = "(" + window + ") AND " + FilterScan.MATCHED;
    }
    String sql = sql(keys, window, q);
    if (q.baselineUntil() != null) {
      params.add(Duck.timestamp(q.baselineUntil()));
    }
    try (PreparedStatement ps = Duck.prepare(c, sql, params.toArray()); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        sink.accept(row(rs, keys, q.baselineUntil() != null));
      }
    }
  }

  private static String sql(List<PivotKey> keys, String window, PivotQuery q) {
    List<String> k = new ArrayList<>();
    List<String> exprs = new ArrayList<>();
    List<String> joinOn = new ArrayList<>();
    List<String> order = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      k.add("k" + i);
      exprs.add(keys.get(i).expression() + " AS k" + i);
      joinOn.add("a.k" + i + " IS NOT DISTINCT FROM b.k" + i);
      order.add("a.k" + i + " ASC NULLS LAST");
    }
    String keyList = String.join(", ", k);
    StringBuilder sql = new StringBuilder()
        .append("WITH w AS (SELECT ").append(String.join(", ", exprs))
        .append(", outcome_result, published, actor_type, actor_alternate_id FROM events WHERE ").append(window)
        .append("), a AS (SELECT ").append(keyList).append(", count(*) AS events,")
        .append(" count(*) FILTER (WHERE outcome_result IN ('SUCCESS', 'ALLOW')) AS successes,")
        .append(" count(*) FILTER (WHERE outcome_result IN ('FAILURE', 'DENY')) AS failures,")
        .append(" epoch_us(min(published)) AS first_seen, epoch_us(max(published)) AS last_seen,")
        .append(" count(DISTINCT actor_alternate_id) FILTER (WHERE actor_type = 'User') AS subjects")
        .append(" FROM w GROUP BY ").append(keyList).append(")");
    String baseline = "NULL::BOOLEAN";
    String from = " FROM a";
    if (q.baselineUntil() != null) {
      String filtered = q.filter() == null ? "" : " AND " + FilterScan.MATCHED;
      sql.append(", b AS (SELECT DISTINCT ").append(String.join(", ", exprs))
          .append(", true AS seen FROM events WHERE published < ?").append(filtered).append(")");
      // a missing value (no IP, no device) is not something the attacker brought: never NEW
      baseline = "b.seen IS NULL AND " + String.join(" AND ", k.stream().map(x -> "a." + x + " IS NOT NULL").toList());
      from = " FROM a LEFT JOIN b ON " + String.join(" AND ", joinOn);
    }
    sql.append(" SELECT ");
    for (String key : k) {
      sql.append("a.").append(key).append(", ");
    }
    sql.append("a.events, a.successes, a.failures, a.first_seen, a.last_seen, a.subjects, ")
        .append(baseline).append(" AS is_new").append(from)
        .append(" ORDER BY a.events DESC, ").append(String.join(", ", order));
    if (q.limit() > 0) {
      sql.append(" LIMIT ").append(q.limit());
    }
    return sql.toString();
  }

  private static PivotRow row(ResultSet rs, List<PivotKey> keys, boolean baseline) throws SQLException {
    Map<PivotKey, Object> value = new LinkedHashMap<>();
    int col = 1;
    for (PivotKey key : keys) {
      value.put(key, rs.getObject(col++));
    }
    long events = rs.getLong(col++);
    long successes = rs.getLong(col++);
    long failures = rs.getLong(col++);
    var first = Duck.instantOfMicros(rs, col++);
    var last = Duck.instantOfMicros(rs, col++);
    long subjects = rs.getLong(col++);
    Boolean isNew = baseline ? Boolean.valueOf(rs.getBoolean(col)) : null;
    return new PivotRow(value, events, successes, failures, first, last, subjects, isNew);
  }
}
