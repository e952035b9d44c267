package dev.oktair.store;

/**
 * Makes text safe for a CSV file opened in a spreadsheet: user agents, display names and other
 * attacker-controlled fields must not run as formulas. Following OWASP's CSV-injection advice, a
 * cell starting with =, +, -, @, a tab or a carriage return gets a leading single quote; cells are
 * then quoted per RFC 4180 when they hold a comma, quote or line break. The same rule in Java (for
 * {@code okta-ir sql --csv}) and in SQL (for {@code okta-ir export --format csv}).
 */
public final class CsvCells {
  private CsvCells() {}

  /** Returns {@code text} with a leading quote when a spreadsheet would read it as a formula. */
  public static String neutralise(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
  }

  /** Returns one CSV field: neutralised text, quoted when needed; empty for null. */
  public static String field(String text) {
    String safe = neutralise(text);
    if (safe == null) {
      return "";
    }
    return quoted(safe);
  }

  /** Returns one CSV field holding {@code text} as is (numbers), quoted when needed. */
  public static String quoted(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  /** Returns the SQL expression that neutralises the VARCHAR expression {@code column}. */
  static String sql(String column) {
    return "CASE WHEN left(" + column + ", 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || " + column
        + " ELSE " + column + " END";
  }
}
