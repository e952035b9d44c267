package dev.oktair.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lexical check that SQL text is one statement: no semicolon outside string literals
 * ('...', E'...', $tag$...$tag$), quoted identifiers and comments (nested block comments
 * included), except trailing ones. Used where DuckDB's parser cannot give a verdict (a PIVOT
 * without an IN list is several statements inside DuckDB); text it cannot read is refused.
 */
final class SqlText {
  private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z_0-9]*)?\\$");

  private SqlText() {}

  /** Returns true when {@code sql} holds exactly one statement and nothing after it. */
  static boolean singleStatement(String sql) {
    boolean ended = false;
    boolean content = false;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int next;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
        continue;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = endOfBlockComment(sql, i);
        if (i < 0) {
          return false;
        }
        continue;
      } else if (c == ';') {
        ended = true;
        i++;
        continue;
      } else if (c == '\'') {
        next = endOfQuoted(sql, i, '\'', escapes(sql, i));
      } else if (c == '"') {
        next = endOfQuoted(sql, i, '"', false);
      } else if (c == '$') {
        next = endOfDollarQuoted(sql, i);
      } else {
        next = i + 1;
      }
      if (next < 0 || ended) {
        return false; // unterminated literal, or something after a semicolon
      }
      content = true;
      i = next;
    }
    return content;
  }

  /** True for E'...' strings, where a backslash escapes the next character. */
  private static boolean escapes(String sql, int quote) {
    if (quote == 0 || Character.toUpperCase(sql.charAt(quote - 1)) != 'E') {
      return false;
    }
    return quote == 1 || !Character.isLetterOrDigit(sql.charAt(quote - 2)) && sql.charAt(quote - 2) != '_';
  }

  private static int endOfQuoted(String sql, int start, char quote, boolean backslash) {
    for (int i = start + 1; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (backslash && c == '\\') {
        i++;
      } else if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i++;
        } else {
          return i + 1;
        }
      }
    }
    return -1;
  }

  private static int endOfDollarQuoted(String sql, int start) {
    Matcher m = DOLLAR_TAG.matcher(sql);
    if (!m.find(start) || m.start() != start) {
      return start + 1; // a parameter such as $1, or a lone dollar
    }
    int close = sql.indexOf(m.group(), m.end());
    return close < 0 ? -1 : close + m.group().length();
  }

  private static int endOfBlockComment(String sql, int start) {
    int depth = 0;
    for (int i = start; i + 1 < sql.length(); i++) {
      if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
        depth++;
        i++;
      } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
        depth--;
        i++;
        if (depth == 0) {
          return i + 1;
        }
      }
    }
    return -1;
  }
}
