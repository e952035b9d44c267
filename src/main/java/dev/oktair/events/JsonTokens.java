package dev.oktair.events;

/**
 * The tokens of {@link StreamCheck}'s grammar, read from bytes: the class of each byte of a string
 * (by which a string is read as strict UTF-8), UTF-8 sequences, escapes (no lone surrogate),
 * literals, numbers (RFC 8259's grammar, no longer than {@link StreamCheck#MAX_NUMBER}) and the
 * canonical form of a uuid. Each reads {@code b} up to {@code end} and returns the index after what
 * it read, or -1 when the bytes are not that token. Stateless.
 */
final class JsonTokens {
  /** String bytes by class: plain, the closing quote, an escape, a control byte, UTF-8 leads of 2, 3, 4 bytes, never UTF-8. */
  static final byte PLAIN = 0;
  static final byte QUOTE = 1;
  static final byte ESCAPE = 2;
  static final byte CONTROL = 3;
  static final byte LEAD2 = 4;
  static final byte LEAD3 = 5;
  static final byte LEAD4 = 6;
  static final byte INVALID = 7;
  static final byte[] CLASS = new byte[256];

  static {
    for (int c = 0; c < 256; c++) {
      CLASS[c] = c < 0x20 ? CONTROL : c == '"' ? QUOTE : c == '\\' ? ESCAPE : c < 0x80 ? PLAIN
          : c >= 0xC2 && c <= 0xDF ? LEAD2 : c >= 0xE0 && c <= 0xEF ? LEAD3 : c >= 0xF0 && c <= 0xF4 ? LEAD4
          : INVALID;
    }
  }

  private JsonTokens() {}

  /** Reads the three-byte sequence at {@code j}: no overlong form, no surrogate; returns the index after it, or -1. */
  static int lead3(byte[] b, int j, int end) {
    if (j + 2 >= end) {
      return -1;
    }
    int c = b[j] & 0xFF;
    int second = b[j + 1] & 0xFF;
    int min = c == 0xE0 ? 0xA0 : 0x80;
    int max = c == 0xED ? 0x9F : 0xBF;
    return second >= min && second <= max && (b[j + 2] & 0xC0) == 0x80 ? j + 3 : -1;
  }

  /** Reads the four-byte sequence at {@code j}: no overlong form, nothing above U+10FFFF; returns the index after it, or -1. */
  static int lead4(byte[] b, int j, int end) {
    if (j + 3 >= end) {
      return -1;
    }
    int c = b[j] & 0xFF;
    int second = b[j + 1] & 0xFF;
    int min = c == 0xF0 ? 0x90 : 0x80;
    int max = c == 0xF4 ? 0x8F : 0xBF;
    return second >= min && second <= max && (b[j + 2] & 0xC0) == 0x80 && (b[j + 3] & 0xC0) == 0x80 ? j + 4 : -1;
  }

  /** Reads the escape at {@code j} (its backslash); returns the index after it, or -1 (a lone surrogate too). */
  static int escape(byte[] b, int j, int end) {
    if (j + 1 >= end) {
      return -1;
    }
    switch (b[j + 1]) {
      case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        return j + 2;
      case 'u':
        int unit = JsonText.hex4(b, j + 2, end);
        if (unit >= 0xD800 && unit <= 0xDBFF) {
          // a high surrogate is one character only with the low one escaped right after it
          int low = j + 7 < end && b[j + 6] == '\\' && b[j + 7] == 'u' ? JsonText.hex4(b, j + 8, end) : -1;
          return low >= 0xDC00 && low <= 0xDFFF ? j + 12 : -1;
        }
        return unit < 0 || unit >= 0xDC00 && unit <= 0xDFFF ? -1 : j + 6;
      default:
        return -1;
    }
  }

  /** Reads {@code word} at {@code i} (what follows is checked by the caller); returns the index after it, or -1. */
  static int literal(byte[] b, int i, int end, String word) {
    int n = word.length();
    if (i + n > end) {
      return -1;
    }
    for (int k = 0; k < n; k++) {
      if (b[i + k] != word.charAt(k)) {
        return -1;
      }
    }
    return i + n;
  }

  /** Reads the number at {@code i} (RFC 8259's grammar); returns the index after it, or -1. */
  static int number(byte[] b, int i, int end) {
    int j = i;
    if (j < end && b[j] == '-') {
      j++;
    }
    if (j >= end || !digit(b[j])) {
      return -1;
    }
    if (b[j] == '0') {
      j++;
      if (j < end && digit(b[j])) {
        return -1; // a leading zero
      }
    } else {
      j = digits(b, j, end);
    }
    if (j < end && b[j] == '.') {
      int k = digits(b, j + 1, end);
      if (k == j + 1) {
        return -1;
      }
      j = k;
    }
    if (j < end && (b[j] == 'e' || b[j] == 'E')) {
      j++;
      if (j < end && (b[j] == '+' || b[j] == '-')) {
        j++;
      }
      int k = digits(b, j, end);
      if (k == j || k - j > 3) {
        return -1; // no exponent digits, or an exponent a decimal may not hold
      }
      j = k;
    }
    return j - i > StreamCheck.MAX_NUMBER ? -1 : j;
  }

  static int digits(byte[] b, int j, int end) {
    while (j < end && digit(b[j])) {
      j++;
    }
    return j;
  }

  private static boolean digit(byte c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Returns the 128 bits of the uuid {@code b[from, to)} when it is in the canonical form (36
   * characters, lowercase hex in groups of 8-4-4-4-12), else null.
   */
  static long[] canonicalUuid(byte[] b, int from, int to) {
    if (to - from != 36) {
      return null;
    }
    long high = 0;
    long low = 0;
    for (int k = 0; k < 36; k++) {
      int c = b[from + k];
      if (k == 8 || k == 13 || k == 18 || k == 23) {
        if (c != '-') {
          return null;
        }
        continue;
      }
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (d < 0) {
        return null;
      }
      if (k < 19) {
        high = high << 4 | d;
      } else {
        low = low << 4 | d;
      }
    }
    return new long[] {high, low};
  }
}
