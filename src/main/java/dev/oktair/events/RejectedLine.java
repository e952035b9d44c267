package dev.oktair.events;

import java.util.Objects;

/**
 * One line of input (or one element of a JSON array) that is not an event, with everything needed
 * to quarantine it: where it was, why it was rejected, and its bytes or the start of them.
 *
 * @param source the input as the caller named it
 * @param line the 1-based line the rejected bytes start on
 * @param reason why the line was rejected
 * @param detail what the parser said (may quote attacker-controlled input; neutralise before
 *     printing to a terminal), or empty
 * @param bytes the size of the rejected line, without its line terminator
 * @param sha256 lowercase hex SHA-256 of those bytes
 * @param text the whole line as text when it is valid UTF-8 and at most {@link #MAX_TEXT} bytes,
 *     else null
 * @param prefix when {@code text} is null, the first bytes of the line (at most {@link
 *     #MAX_PREFIX}); else empty. Callers must not modify it.
 */
public record RejectedLine(
    String source, long line, Reason reason, String detail, long bytes, String sha256, String text, byte[] prefix) {
  /** The longest rejected line that is kept whole, as text. */
  public static final int MAX_TEXT = 1 << 20;
  /** How much of a longer or non-UTF-8 line is kept. */
  public static final int MAX_PREFIX = 64 << 10;

  public RejectedLine {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(sha256, "sha256");
    detail = detail == null ? "" : detail;
    prefix = prefix == null ? new byte[0] : prefix;
    if (line < 1 || bytes < 0 || prefix.length > MAX_PREFIX || (text != null && prefix.length > 0)) {
      throw new IllegalArgumentException("inconsistent rejected line " + source + ":" + line);
    }
  }

  /** Returns true when only a prefix of the line is kept. */
  public boolean truncated() {
    return text == null && prefix.length < bytes;
  }

  /** Returns the one-line reason, e.g. {@code malformed JSON: Unexpected end-of-input at column 57}. */
  public String message() {
    return detail.isEmpty() ? reason.label() : reason.label() + ": " + detail;
  }

  /** Why a line is not an event. */
  public enum Reason {
    /** The bytes are not JSON. */
    MALFORMED_JSON("malformed JSON"),
    /** Valid JSON, but not an object. */
    NOT_AN_OBJECT("not a JSON object"),
    /** A JSON object, but neither a System Log event nor a known wrapper of one. */
    NOT_AN_EVENT("not a System Log event"),
    /** The bytes are not valid UTF-8. */
    INVALID_UTF8("invalid UTF-8"),
    /** Longer than {@link EventReader#MAX_LINE}; skipped without being read whole. */
    TOO_LONG("line longer than 16 MiB");

    private final String label;

    Reason(String label) {
      this.label = label;
    }

    /** Returns the reason as people read it. */
    public String label() {
      return label;
    }
  }
}
