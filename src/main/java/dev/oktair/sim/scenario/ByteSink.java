package dev.oktair.sim.scenario;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A buffered byte writer for templated JSON: fixed fragments are copied as bytes, the variable
 * parts (ids, hex, times, numbers) are written digit by digit. Strings from outside a fixed
 * alphabet must be escaped once, when their fragment is made ({@link #jsonString}). Not thread-safe.
 */
final class ByteSink {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ALNUM =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
  private final OutputStream out;
  private final byte[] buf = new byte[1 << 17];
  private int pos;
  private long written;

  ByteSink(OutputStream out) {
    this.out = out;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Returns {@code s} as a quoted, escaped JSON string literal, or {@code null}. */
  static String jsonString(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  long written() {
    return written + pos;
  }

  private void ensure(int n) throws IOException {
    if (pos + n > buf.length) {
      flush();
      if (n > buf.length) {
        throw new IllegalArgumentException("fragment larger than the buffer: " + n);
      }
    }
  }

  void flush() throws IOException {
    out.write(buf, 0, pos);
    written += pos;
    pos = 0;
  }

  ByteSink raw(byte[] b) throws IOException {
    ensure(b.length);
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
    return this;
  }

  ByteSink raw(byte[] b, int offset, int length) throws IOException {
    ensure(length);
    System.arraycopy(b, offset, buf, pos, length);
    pos += length;
    return this;
  }

  ByteSink raw(byte b) throws IOException {
    ensure(1);
    buf[pos++] = b;
    return this;
  }

  /** Writes random characters of [0-9A-Za-z]. */
  ByteSink alnum(SplittableRandom r, int n) throws IOException {
    ensure(n);
    long bits = 0;
    int left = 0;
    for (int i = 0; i < n; i++) {
      if (left == 0) {
        bits = r.nextLong();
        left = 10;
      }
      // 6 bits give 0..63; fold the two spare values back into the alphabet.
      int v = (int) (bits & 63);
      buf[pos++] = ALNUM[v >= 62 ? v - 62 : v];
      bits >>>= 6;
      left--;
    }
    return this;
  }

  /** Writes {@code digits} hex digits of {@code value}, most significant first. */
  ByteSink hex(long value, int digits) throws IOException {
    ensure(digits);
    for (int i = digits - 1; i >= 0; i--) {
      buf[pos + i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
    pos += digits;
    return this;
  }

  /** Writes a non-negative number with exactly {@code digits} digits, zero-padded. */
  ByteSink digits(int value, int digits) throws IOException {
    ensure(digits);
    for (int i = digits - 1; i >= 0; i--) {
      buf[pos + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    pos += digits;
    return this;
  }
}
