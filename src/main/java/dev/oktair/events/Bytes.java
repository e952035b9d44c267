package dev.oktair.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Byte-level helpers for the readers' hot loops: eight bytes at a time where it pays. */
public final class Bytes {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

  private Bytes() {}

  /** Returns the index of the first {@code '\n'} in {@code b[from, to)}, or -1. */
  static int indexOfNewline(byte[] b, int from, int to) {
    int i = from;
    // Lines are long: 32 bytes at a time with one branch, then the word that holds the LF.
    for (int last = to - 32; i <= last; i += 32) {
      if (((flags((long) LONGS.get(b, i) ^ NEWLINES) | flags((long) LONGS.get(b, i + 8) ^ NEWLINES)
          | flags((long) LONGS.get(b, i + 16) ^ NEWLINES) | flags((long) LONGS.get(b, i + 24) ^ NEWLINES))
          & HIGHS) != 0) {
        break;
      }
    }
    for (int last = to - 8; i <= last; i += 8) {
      long w = (long) LONGS.get(b, i) ^ NEWLINES;
      // Classic "has a zero byte": exact for the lowest matching byte, which is all we need.
      long t = (w - ONES) & ~w & HIGHS;
      if (t != 0) {
        return i + firstFlagged(t);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Returns the index of the last {@code '\n'} in {@code b[from, to)}, or -1. */
  static int lastIndexOfNewline(byte[] b, int from, int to) {
    int i = to;
    for (int first = from + 8; i >= first; i -= 8) {
      long t = flags((long) LONGS.get(b, i - 8) ^ NEWLINES) & HIGHS;
      if (t != 0) {
        // Only the lowest flag is sure; check the flagged bytes from the top down.
        for (int k = i - 1; k >= i - 8; k--) {
          if (b[k] == '\n') {
            return k;
          }
        }
      }
    }
    for (i--; i >= from; i--) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Returns how many {@code '\n'} bytes {@code b[from, to)} holds. */
  static long countNewlines(byte[] b, int from, int to) {
    long n = 0;
    int i = from;
    while (i <= to - 8) {
      // Eight byte-wide counters, summed across once per up to 255 words: no bit count per word,
      // which the C1 compiler (all that a short read gets) would call rather than inline.
      long counts = 0;
      for (int last = Math.min(to - 8, i + 8 * 254); i <= last; i += 8) {
        long x = (long) LONGS.get(b, i) ^ NEWLINES;
        // exact per byte (no borrow between bytes): the high bit is set where x's byte is zero
        counts += (~(((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x) & HIGHS) >>> 7;
      }
      // the lanes summed in pairs into 16-bit lanes (each at most 510), then across (at most 2040)
      long pairs = (counts & 0x00FF00FF00FF00FFL) + ((counts >>> 8) & 0x00FF00FF00FF00FFL);
      n += (pairs * 0x0001000100010001L) >>> 48;
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  /**
   * Returns the index (0-7) of the lowest byte whose high bit is set in {@code flags} (nonzero, only
   * high bits set). A multiply, not {@link Long#numberOfTrailingZeros}: the C1 compiler, which runs
   * {@code events}, does not intrinsify that, and calls it twice over for every word found. Public
   * for the filter's word-at-a-time scans, the one other place that needs it.
   */
  public static int firstFlagged(long flags) {
    // the lowest flag as 1 << 8k; times bytes 7, 6 .. 0 (low to high), byte 7 of the product is k
    return (int) ((((flags & -flags) >>> 7) * 0x0001020304050607L) >>> 56);
  }

  /** Returns {@code x} with the high bit of each zero byte set, among others: nonzero exactly when x has a zero byte. */
  private static long flags(long x) {
    return (x - ONES) & ~x;
  }

  /** Returns the index of the first byte with the high bit set in {@code b[from, to)}, or {@code to}. */
  static int skipAscii(byte[] b, int from, int to) {
    int i = from;
    for (int last = to - 8; i <= last; i += 8) {
      long w = (long) LONGS.get(b, i) & HIGHS;
      if (w != 0) {
        return i + firstFlagged(w);
      }
    }
    while (i < to && b[i] >= 0) {
      i++;
    }
    return i;
  }

  private static final long SPACES = 0x2020202020202020L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

  /**
   * Returns the index of the first control byte (below 0x20) or backslash in {@code b[from, to)},
   * or {@code to}: the bytes a JSON text check must look at, found eight at a time.
   */
  static int skipPlain(byte[] b, int from, int to) {
    int i = from;
    for (int last = to - 8; i <= last; i += 8) {
      long x = (long) LONGS.get(b, i);
      // (x - 0x20..) & ~x & HIGHS flags bytes below 0x20 (never bytes >= 0x80, whose high bit ~x clears);
      // a false flag can only follow a true one, so the first flag is exact.
      long w = (((x - SPACES) & ~x) | flags(x ^ BACKSLASHES)) & HIGHS;
      if (w != 0) {
        return i + firstFlagged(w);
      }
    }
    while (i < to && (b[i] & 0xFF) >= 0x20 && b[i] != '\\') {
      i++;
    }
    return i;
  }

  private static final long QUOTES = 0x2222222222222222L;

  /**
   * Returns the index of the first quote, backslash or control byte (below 0x20) in {@code b[from,
   * to)}, or {@code to}: where the plain run of a JSON string's content ends, found eight at a time.
   */
  static int skipStringBody(byte[] b, int from, int to) {
    int i = from;
    for (int last = to - 8; i <= last; i += 8) {
      long x = (long) LONGS.get(b, i);
      long w = (((x - SPACES) & ~x) | flags(x ^ BACKSLASHES) | flags(x ^ QUOTES)) & HIGHS;
      if (w != 0) {
        return i + firstFlagged(w);
      }
    }
    while (i < to && (b[i] & 0xFF) >= 0x20 && b[i] != '\\' && b[i] != '"') {
      i++;
    }
    return i;
  }

  /** Returns true for the four JSON whitespace bytes. */
  static boolean isWhitespace(byte c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /** Returns true when {@code b[off, off + len)} holds only JSON whitespace. */
  static boolean isBlank(byte[] b, int off, int len) {
    for (int i = off, end = off + len; i < end; i++) {
      if (!isWhitespace(b[i])) {
        return false;
      }
    }
    return true;
  }

  /** Returns the SHA-256 of {@code b[off, off + len)}. */
  static byte[] sha256(byte[] b, int off, int len) {
    MessageDigest digest = sha256();
    digest.update(b, off, len);
    return digest.digest();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
