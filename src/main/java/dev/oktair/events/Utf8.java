package dev.oktair.events;

/**
 * Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
 * Jackson checks only the bytes it decodes, so the reader validates whole lines itself.
 */
final class Utf8 {
  private Utf8() {}

  /** Returns true when {@code b[off, off + len)} is well-formed UTF-8. */
  static boolean isValid(byte[] b, int off, int len) {
    int end = off + len;
    int i = Bytes.skipAscii(b, off, end);
    while (i < end) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i = Bytes.skipAscii(b, i + 1, end);
        continue;
      }
      int need;
      int min;
      int max = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        // E0 needs A0.. (no overlongs); ED needs ..9F (no surrogates).
        min = c == 0xE0 ? 0xA0 : 0x80;
        max = c == 0xED ? 0x9F : 0xBF;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        // F0 needs 90.. (no overlongs); F4 needs ..8F (nothing above U+10FFFF).
        min = c == 0xF0 ? 0x90 : 0x80;
        max = c == 0xF4 ? 0x8F : 0xBF;
      } else {
        return false;
      }
      if (i + need >= end) {
        return false;
      }
      int second = b[i + 1] & 0xFF;
      if (second < min || second > max) {
        return false;
      }
      for (int k = 2; k <= need; k++) {
        if ((b[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i += need + 1;
    }
    return true;
  }
}
