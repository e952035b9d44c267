package dev.oktair.events;

import java.util.Locale;

/**
 * The checks on a record's bytes that make "valid JSON" mean the same to every reader of the
 * evidence (Jackson here, DuckDB's yyjson in the case database): Jackson guesses UTF-16/UTF-32
 * from zero bytes and skips a UTF-8 byte order mark, and decodes a lone surrogate escape
 * ({@code "\ud800"}) into a string no UTF-8 writer can encode, on which DuckDB fails. Each check
 * is one pass over bytes already validated as UTF-8. Stateless and thread-safe.
 */
final class JsonText {
  private JsonText() {}

  /**
   * Returns why {@code b[off, off + len)} cannot be JSON text every reader reads alike, or null.
   * {@code inner} is true for an event taken out of a wrapper, which must fit on one line.
   */
  static String problem(byte[] b, int off, int len, boolean inner) {
    int end = off + len;
    if (len >= 3 && b[off] == (byte) 0xEF && b[off + 1] == (byte) 0xBB && b[off + 2] == (byte) 0xBF) {
      return "a byte order mark starts the record (only the first line of an input may carry one)";
    }
    for (int i = Bytes.skipPlain(b, off, end); i < end; i = Bytes.skipPlain(b, i + 1, end)) {
      int c = b[i] & 0xFF;
      if (c < 0x20 && c != '\t' && (inner || (c != '\n' && c != '\r'))) {
        return c == 0 ? "a NUL byte at column " + (i - off + 1) + " (UTF-16 or UTF-32 text? okta-ir reads UTF-8)"
            : String.format(Locale.ROOT, "control character 0x%02X at column %d", c, i - off + 1);
      }
      if (c == '\\' && i + 1 < end) {
        if (b[i + 1] == 'u') {
          int unit = hex4(b, i + 2, end);
          if (unit >= 0xD800 && unit <= 0xDBFF) {
            int low = i + 7 < end && b[i + 6] == '\\' && b[i + 7] == 'u' ? hex4(b, i + 8, end) : -1;
            if (low < 0xDC00 || low > 0xDFFF) {
              return loneSurrogate(unit, i - off + 1);
            }
            i += 11;
            continue;
          }
          if (unit >= 0xDC00 && unit <= 0xDFFF) {
            return loneSurrogate(unit, i - off + 1);
          }
          i += 5;
        } else {
          i++;
        }
      }
    }
    return null;
  }

  private static String loneSurrogate(int unit, int column) {
    return String.format(Locale.ROOT, "lone surrogate escape \\u%04x at column %d (not a character)", unit, column);
  }

  /** Returns the 4 hex digits at {@code i} as a number, or -1. */
  static int hex4(byte[] b, int i, int end) {
    if (i + 4 > end) {
      return -1;
    }
    int v = 0;
    for (int k = i; k < i + 4; k++) {
      int d = Character.digit(b[k], 16);
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }
}
