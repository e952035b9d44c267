package dev.oktair.events.filter;

import dev.oktair.events.Times;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A comparison value from a filter, with every reading of it prepared once: folded text, number and
 * date-time.
 *
 * @param kind how it was written: a quoted string, a bare number, or {@code true}/{@code false}
 * @param text the value as text (strings unescaped, numbers as written, booleans lower case)
 * @param folded {@code text} folded for case-insensitive comparison (see {@link Fold})
 * @param number the value as a number when {@code text} is a JSON number, else null
 * @param time the value as an instant when it is a quoted ISO-8601 date-time, else null
 */
record Literal(Kind kind, String text, String folded, BigDecimal number, Instant time) {
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

  /** How a literal was written. */
  enum Kind {
    STRING,
    NUMBER,
    BOOLEAN
  }

  Literal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(folded, "folded");
    if (kind == Kind.NUMBER && number == null) {
      throw new IllegalArgumentException("a number literal needs its value: " + text);
    }
  }

  /** Returns a quoted string literal. */
  static Literal string(String value) {
    return new Literal(Kind.STRING, value, Fold.fold(value), parseNumber(value), parseTime(value));
  }

  /** Returns a bare number literal, or null when {@code text} is not a JSON number. */
  static Literal number(String text) {
    BigDecimal n = parseNumber(text);
    return n == null
        ? null
        : new Literal(Kind.NUMBER, text, text.toLowerCase(java.util.Locale.ROOT), n, null);
  }

  /** Returns {@code true} or {@code false}. */
  static Literal bool(boolean value) {
    String text = String.valueOf(value);
    return new Literal(Kind.BOOLEAN, text, text, null, null);
  }

  /** Returns {@code text} as a number when it is written as a JSON number, else null. */
  static BigDecimal parseNumber(String text) {
    if (text.isEmpty() || text.length() > 400 || !startsLikeNumber(text.charAt(0))) {
      return null;
    }
    return JSON_NUMBER.matcher(text).matches() ? new BigDecimal(text) : null;
  }

  /** Returns {@code text} as an instant when it is an ISO-8601 date-time, else null. */
  static Instant parseTime(String text) {
    boolean dateShaped =
        text.length() >= 19
            && text.charAt(4) == '-'
            && text.charAt(7) == '-'
            && Character.isDigit(text.charAt(0));
    return dateShaped ? Times.parsePublished(text) : null;
  }

  private static boolean startsLikeNumber(char c) {
    return c == '-' || (c >= '0' && c <= '9');
  }

  /** Appends the literal as it would be written in a filter. */
  void render(StringBuilder out) {
    if (kind != Kind.STRING) {
      out.append(text);
      return;
    }
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
