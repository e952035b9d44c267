package dev.oktair.events.filter;

import dev.oktair.events.Bytes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Finds the value of a top-level key in the raw bytes of one JSON object that the strict reading
 * already accepted (valid UTF-8 and JSON, no repeated key): what lets a simple comparison on a
 * top-level field be decided without a tree. One pass that only follows strings and nesting,
 * skipping the inside of strings eight bytes at a time. Stateless.
 */
final class TopLevel {
  /** The key is at no top-level place. */
  static final int ABSENT = -1;
  /** A top-level key holds an escape, so it may spell the key: only a parse can tell. */
  static final int UNSURE = -2;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';

  private TopLevel() {}

  /**
   * Returns the offset of the first byte of the value of top-level {@code key} (plain ASCII) in the
   * object {@code b[off, off + len)}, {@link #ABSENT}, or {@link #UNSURE}.
   */
  static int valueOf(byte[] b, int off, int len, byte[] key) {
    int end = off + len;
    int depth = 0;
    boolean keyNext = false; // at depth 1, after '{' or ',': the next string is a key
    for (int i = off; i < end; i++) {
      byte c = b[i];
      if (c == '"') {
        int close = closingQuote(b, i + 1, end);
        if (keyNext && depth == 1) {
          keyNext = false;
          if (indexOfBackslash(b, i + 1, close) >= 0) {
            return UNSURE;
          }
          if (close - i - 1 == key.length && Arrays.equals(b, i + 1, close, key, 0, key.length)) {
            int v = skipBlanks(b, close + 1, end) + 1; // past the ':'
            return skipBlanks(b, v, end);
          }
        }
        i = close;
      } else if (c == '{' || c == '[') {
        depth++;
        keyNext = depth == 1;
      } else if (c == '}' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 1) {
        keyNext = true;
      }
    }
    return ABSENT;
  }

  /**
   * Returns the offset of the quote that closes the string whose first byte is at {@code from}
   * (escaped quotes skipped), or {@code end} when the bytes end first.
   */
  static int closingQuote(byte[] b, int from, int end) {
    int i = from;
    while (i < end) {
      if (i + 8 <= end) {
        long w = (long) LONGS.get(b, i);
        long q = w ^ QUOTES;
        long s = w ^ BACKSLASHES;
        long hits = (((q - ONES) & ~q) | ((s - ONES) & ~s)) & HIGHS;
        if (hits == 0) {
          i += 8;
          continue;
        }
        i += Bytes.firstFlagged(hits); // the lowest flag is exact
      }
      byte c = b[i];
      if (c == '"') {
        return i;
      }
      i += c == '\\' ? 2 : 1;
    }
    return end;
  }

  /** Returns the offset of the first backslash in {@code b[from, to)}, or -1. */
  static int indexOfBackslash(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\\') {
        return i;
      }
    }
    return -1;
  }

  private static int skipBlanks(byte[] b, int i, int end) {
    while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
      i++;
    }
    return i;
  }
}
