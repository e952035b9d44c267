package dev.oktair.store;

import dev.oktair.events.Json;
import dev.oktair.events.Times;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs an admitted query on a locked connection and hands its typed rows to a sink. */
final class SqlRunner {
  private SqlRunner() {}

  static void run(Connection locked, String query, RowSink sink) throws SQLException {
    String statement = SqlGuard.admit(locked, query);
    try (Statement s = locked.createStatement()) {
      s.setFetchSize(2048);
      ResultSet rs;
      try {
        if (!s.execute(statement)) {
          throw StoreException.invalid("the statement returned no rows");
        }
        rs = s.getResultSet();
      } catch (SQLException e) {
        throw StoreException.invalid("query failed: " + firstLine(e.getMessage()));
      }
      try (rs) {
        ResultSetMetaData md = rs.getMetaData();
        List<RowSink.Column> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          columns.add(new RowSink.Column(md.getColumnLabel(i), md.getColumnTypeName(i)));
        }
        sink.columns(columns);
        while (next(rs)) {
          List<Object> values = new ArrayList<>(columns.size());
          for (int i = 1; i <= columns.size(); i++) {
            values.add(value(rs, i, columns.get(i - 1)));
          }
          sink.row(values);
        }
        sink.end();
      }
    }
  }

  private static boolean next(ResultSet rs) {
    try {
      return rs.next();
    } catch (SQLException e) {
      throw StoreException.invalid("query failed: " + firstLine(e.getMessage()));
    }
  }

  private static Object value(ResultSet rs, int i, RowSink.Column column) throws SQLException {
    String type = column.type().toUpperCase(Locale.ROOT);
    if (rs.getObject(i) == null) {
      return null;
    }
    if (type.equals("BOOLEAN")) {
      return rs.getBoolean(i);
    }
    if (column.numeric()) {
      return rs.getObject(i);
    }
    if (type.equals("TIMESTAMP") || type.equals("TIMESTAMP_MS") || type.equals("TIMESTAMP_S")) {
      return rs.getObject(i, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
    if (type.equals("TIMESTAMP WITH TIME ZONE")) {
      return rs.getObject(i, OffsetDateTime.class).toInstant();
    }
    if (type.endsWith("[]") || type.endsWith("]") || type.startsWith("STRUCT") || type.startsWith("MAP")
        || type.startsWith("UNION")) {
      // lists and structs as JSON, not DuckDB's own "[a, b]" / "{'k': v}" text that no JSON reader takes
      return Json.MAPPER.valueToTree(plain(rs.getObject(i)));
    }
    String text = rs.getString(i);
    if (type.equals("JSON")) {
      try {
        return Json.MAPPER.readTree(text);
      } catch (tools.jackson.core.JacksonException e) {
        return text;
      }
    }
    return text;
  }

  /** Returns a nested JDBC value (array, struct, map) as plain lists, maps and scalars for Jackson. */
  private static Object plain(Object v) throws SQLException {
    if (v instanceof java.sql.Array a) {
      List<Object> out = new ArrayList<>();
      for (Object o : (Object[]) a.getArray()) {
        out.add(plain(o));
      }
      return out;
    }
    if (v instanceof org.duckdb.DuckDBStruct s) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : s.getMap().entrySet()) {
        out.put(e.getKey(), plain(e.getValue()));
      }
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(String.valueOf(e.getKey()), plain(e.getValue()));
      }
      return out;
    }
    if (v instanceof LocalDateTime t) {
      return Times.format(t.toInstant(ZoneOffset.UTC));
    }
    if (v instanceof OffsetDateTime t) {
      return Times.format(t.toInstant());
    }
    if (v instanceof java.sql.Timestamp t) {
      return Times.format(t.toInstant());
    }
    return v instanceof Number || v instanceof Boolean || v instanceof String || v == null ? v : String.valueOf(v);
  }

  /**
   * Returns the first line of a DuckDB message with control characters escaped: messages can
   * quote event values (attacker-controlled), and end up on a terminal.
   */
  static String firstLine(String message) {
    String line = message == null ? "" : message.lines().findFirst().orElse("");
    StringBuilder out = new StringBuilder(line.length());
    line.codePoints().forEach(cp -> {
      if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || Character.getType(cp) == Character.FORMAT) {
        out.append(String.format(Locale.ROOT, "\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }
}
