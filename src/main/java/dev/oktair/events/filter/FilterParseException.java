package dev.oktair.events.filter;

import dev.oktair.errors.OktaIrException;
import java.util.Objects;

/**
 * A filter expression or keyword query that Okta would reject, with Okta's error code, the input,
 * and the position of the offending token.
 *
 * <p>The message reads {@code invalid filter at position 14: unknown operator 'equals' (expected
 * ...)}, then the input on its own line and a caret line under the bad token. {@link
 * #errorSummary()} is the wording Okta's API puts in {@code errorSummary}, for a simulator to
 * answer as Okta does.
 */
public final class FilterParseException extends OktaIrException {
  private static final long serialVersionUID = 1L;

  /** Why Okta refuses an input: the word the message starts with and Okta's error code. */
  enum Kind {
    /** A filter that does not parse, or uses a field Okta refuses (E0000053). */
    INVALID_FILTER("filter", "E0000053"),
    /** An operator Okta does not support on that field (E0000031). */
    UNSUPPORTED_OPERATOR("filter", "E0000031"),
    /** A {@code q} that fails Okta's validation, such as an overlong keyword (E0000001). */
    INVALID_Q("q", "E0000001");

    private final String what;
    private final String code;

    Kind(String what, String code) {
      this.what = what;
      this.code = code;
    }
  }

  private final String errorCode;
  private final String expression;
  private final int position;
  private final String errorSummary;

  /**
   * Returns an exception for an invalid filter with only a message (code E0000053, no position).
   */
  public FilterParseException(String message) {
    this(message, Kind.INVALID_FILTER.code, "", -1, message);
  }

  private FilterParseException(
      String message, String errorCode, String expression, int position, String errorSummary) {
    super(dev.oktair.errors.Kind.USAGE, message);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    this.expression = Objects.requireNonNull(expression, "expression");
    this.position = position;
    this.errorSummary = Objects.requireNonNull(errorSummary, "errorSummary");
  }

  /**
   * Returns an exception pointing at {@code expression[start, end)}.
   *
   * @param detail what is wrong, in okta-ir's words
   * @param errorSummary what Okta's API says, for the simulator
   */
  static FilterParseException at(
      Kind kind, String expression, int start, int end, String detail, String errorSummary) {
    String caret = " ".repeat(start) + "^".repeat(Math.max(1, end - start));
    String message =
        String.join(
            "\n",
            "invalid " + kind.what + " at position " + start + ": " + detail,
            "  " + printable(expression),
            "  " + caret);
    return new FilterParseException(message, kind.code, expression, start, errorSummary);
  }

  /** Returns a syntax error (E0000053) in a filter, worded for Okta as "Invalid filter ...". */
  static FilterParseException syntax(String expression, int start, int end, String detail) {
    String summary = "Invalid filter '" + expression + "': " + detail + " at position " + start;
    return at(Kind.INVALID_FILTER, expression, start, end, detail, summary);
  }

  /**
   * Returns Okta's error code: E0000053 (invalid filter), E0000031 (unsupported operator on field),
   * E0000001 (q).
   */
  public String errorCode() {
    return errorCode;
  }

  /** Returns the filter expression or {@code q} value as given; empty when unknown. */
  public String expression() {
    return expression;
  }

  /** Returns the 0-based offset of the offending token in {@link #expression()}, or -1. */
  public int position() {
    return position;
  }

  /** Returns the {@code errorSummary} Okta's API gives for this error. */
  public String errorSummary() {
    return errorSummary;
  }

  /** Keeps the caret aligned: tabs and line breaks in the echoed input become spaces. */
  private static String printable(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return out.toString();
  }
}
