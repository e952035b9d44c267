package dev.oktair.store;

import dev.oktair.events.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Admits only one read-only query: a SELECT (with WITH, DESCRIBE, SHOW, SUMMARIZE or DuckDB's
 * FROM-first form, which DuckDB's parser turns into a SELECT), a PIVOT or UNPIVOT, or an EXPLAIN
 * of one of these. The verdict comes from DuckDB's own parser ({@code json_serialize_sql}), so
 * comments, quoting and statement separators are read exactly as DuckDB would execute them; a
 * read-only, file-system-less connection stands behind it.
 */
final class SqlGuard {
  private static final Pattern LEADING_NOISE = Pattern.compile("\\A(?:\\s+|--[^\\n]*(?:\\n|\\z)|/\\*.*?\\*/)*", Pattern.DOTALL);
  private static final Pattern FIRST_WORD = Pattern.compile("\\A([A-Za-z]+)");
  private static final Pattern EXPLAIN = Pattern.compile("(?i)\\AEXPLAIN(?:\\s+ANALY[SZ]E)?\\b");
  private static final Pattern TRAILING_SEMICOLONS = Pattern.compile("[;\\s]+\\z");

  private SqlGuard() {}

  /**
   * Returns the statement to run for {@code query}.
   *
   * @throws StoreException naming what is allowed when the query is anything else
   */
  static String admit(Connection c, String query) throws SQLException {
    String body = stripLeading(query);
    if (firstWord(body).equals("EXPLAIN")) {
      Matcher m = EXPLAIN.matcher(body);
      if (!m.find()) {
        throw rejected("EXPLAIN");
      }
      return m.group() + " " + admitQuery(c, body.substring(m.end()));
    }
    return admitQuery(c, query);
  }

  private static String admitQuery(Connection c, String query) throws SQLException {
    String body = stripLeading(query);
    String word = firstWord(body);
    if (word.equals("PIVOT") || word.equals("UNPIVOT")) {
      // DuckDB's parser gives no verdict on a PIVOT without IN list; the lexer does, and the
      // wrapper turns anything it might miss into a syntax error.
      if (!SqlText.singleStatement(body)) {
        throw rejected(word);
      }
      return wrap(body);
    }
    if (word.equals("EXPLAIN") || !singleSelect(c, query)) {
      throw rejected(word);
    }
    return query;
  }

  /** Turns a PIVOT statement into the equivalent SELECT over a PIVOT subquery. */
  private static String wrap(String pivot) {
    return "SELECT * FROM (" + TRAILING_SEMICOLONS.matcher(pivot).replaceAll("") + "\n)";
  }

  /** Returns true when DuckDB parses {@code sql} as exactly one SELECT statement. */
  private static boolean singleSelect(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)::VARCHAR")) {
      ps.setString(1, sql);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        JsonNode parsed = Json.MAPPER.readTree(rs.getString(1));
        return !parsed.path("error").asBoolean(true) && parsed.path("statements").size() == 1;
      }
    }
  }

  private static String stripLeading(String sql) {
    Matcher m = LEADING_NOISE.matcher(sql);
    return m.find() ? sql.substring(m.end()) : sql;
  }

  private static String firstWord(String sql) {
    Matcher m = FIRST_WORD.matcher(sql);
    return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "";
  }

  private static StoreException rejected(String what) {
    String shown = what.isBlank() ? "this statement" : what + " statements";
    return StoreException.invalid("okta-ir sql runs one read-only query (SELECT, WITH, FROM, DESCRIBE, SHOW,"
        + " SUMMARIZE, PIVOT, UNPIVOT or EXPLAIN of one of these); " + shown + " and multiple statements are refused");
  }
}
