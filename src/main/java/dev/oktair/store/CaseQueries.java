package dev.oktair.store;

import dev.oktair.errors.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One read-only connection to the case database for okta-ir's own typed queries (detections,
 * reports): prepared statements only, so values never become SQL. Not thread-safe; close it.
 */
public final class CaseQueries implements AutoCloseable {
  private final Connection connection;

  CaseQueries(Connection connection) {
    this.connection = connection;
  }

  /**
   * Returns every row of {@code sql}, mapped; {@code ?} placeholders take {@code params} in order
   * (an {@link Instant} binds as a UTC timestamp).
   *
   * @throws StoreException of kind INTERNAL when the query fails: okta-ir's own queries are code
   */
  public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
    try (PreparedStatement ps = Duck.prepare(connection, sql, bindable(params)); ResultSet rs = ps.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(mapper.map(rs));
      }
      return rows;
    } catch (SQLException e) {
      throw new StoreException(Kind.INTERNAL, "case database query failed: " + SqlRunner.firstLine(e.getMessage()), e);
    }
  }

  /** Returns the first row of {@code sql}, mapped, or empty when there is none. */
  public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = list(sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  /** Returns a TIMESTAMP column of the current row as the UTC instant it holds, or null. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    return Duck.instant(rs, rs.findColumn(column));
  }

  private static Object[] bindable(Object[] params) {
    Object[] out = params.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof Instant t) {
        out[i] = Duck.timestamp(t);
      }
    }
    return out;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // a read-only connection has nothing to lose on close
    }
  }
}
