package dev.oktair.events.filter;

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
public final class FilterParseException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Okta's code for an invalid filter, field or parameter. */
  static final String INVALID_FILTER = "E0000053";
  /** Okta's code for an operator not supported on a field. */
  static final String UNSUPPORTED_OPERATOR = "E0000031";
  /** Okta's code for API validation failures, such as an overlong {@code q}. */
  static final String VALIDATION = "E0000001";

  private final String errorCode;
  private final String expression;
  private final int position;
  private final String errorSummary;

  /** Returns an exception for an invalid filter with only a message (code E0000053, no position). */
  public FilterParseException(String message) {
    this(message, INVALID_FILTER, "", -1, message);
  }

  private FilterParseException(
      String message, String errorCode, String expression, int position, String errorSummary) {
    super(message);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    this.expression = Objects.requireNonNull(expression, "expression");
    this.position = position;
    this.errorSummary = Objects.requireNonNull(errorSummary, "errorSummary");
  }

  /**
   * Returns an exception pointing at {@code expression[position, position + length)}.
   *
   * @param what "filter" or "q", the word the message starts with
   * @param detail what is wrong, in okta-ir's words
   * @param errorSummary what Okta's API says, for the simulator
   */
  static FilterParseException at(
      String what, String errorCode, String expression, int position, int length, String detail,
      String errorSummary) {
    String message =
        "invalid " + what + " at position " + position + ": " + detail + "\n"
            + "  " + printable(expression) + "\n"
            + "  " + " ".repeat(position) + "^".repeat(Math.max(1, length));
    return new FilterParseException(message, errorCode, expression, position, errorSummary);
  }

  /** Returns a syntax error (E0000053) in a filter, worded for Okta as "Invalid filter ...". */
  static FilterParseException syntax(String expression, int position, int length, String detail) {
    return at(
        "filter", INVALID_FILTER, expression, position, length, detail,
        "Invalid filter '" + expression + "': " + detail + " at position " + position);
  }

  /** Returns Okta's error code: E0000053 (invalid filter), E0000031 (unsupported operator on field), E0000001 (q). */
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
