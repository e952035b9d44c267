package dev.oktair.store;

import dev.oktair.events.Window;
import java.util.List;

/** A time window as an SQL condition on {@code events.published}. */
final class WindowSql {
  private WindowSql() {}

  /** Returns the SQL condition for {@code window}, with its parameters appended to {@code params}. */
  static String where(Window window, List<Object> params) {
    StringBuilder sql = new StringBuilder("TRUE");
    if (window.since() != null) {
      sql.append(" AND published >= ?");
      params.add(Duck.timestamp(window.since()));
    }
    if (window.until() != null) {
      sql.append(" AND published < ?");
      params.add(Duck.timestamp(window.until()));
    }
    return sql.toString();
  }
}
