package dev.oktair.sim;

import dev.oktair.events.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A growing buffer of compact JSON, written byte for byte as the project's mapper writes the same
 * values: what {@link SimEvent} serialises with instead of building a tree first (issue 16: the
 * trees and their serialisation were most of the time a seeded history took to build). Printable
 * ASCII is copied as it is, with {@code "} and {@code \} escaped as every JSON writer does; a
 * string with any other character is written by the mapper itself, so its escapes and UTF-8 are
 * the mapper's exactly. Not thread-safe.
 */
final class JsonBytes {
  private static final byte[] NULL = ascii("null");
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");

  private byte[] buf;
  private int pos;

  JsonBytes(int capacity) {
    buf = new byte[capacity];
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Empties the buffer, keeping its capacity, to write the next value. */
  JsonBytes reset() {
    pos = 0;
    return this;
  }

  /** Returns the bytes written so far. */
  byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }

  /** Appends bytes that are already JSON (punctuation, keys, constant values). */
  JsonBytes raw(byte[] json) {
    ensure(json.length);
    System.arraycopy(json, 0, buf, pos, json.length);
    pos += json.length;
    return this;
  }

  JsonBytes raw(char ascii) {
    ensure(1);
    buf[pos++] = (byte) ascii;
    return this;
  }

  /** Appends {@code s} as a JSON string, or {@code null}. */
  JsonBytes string(String s) {
    if (s == null) {
      return raw(NULL);
    }
    int n = s.length();
    // room for every character escaped as \" or \\ (the two escapes written here)
    ensure(2 * n + 2);
    // the buffer and position in locals: C1, which runs simulate, keeps them in registers then
    byte[] b = buf;
    int p = pos;
    b[p++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7F) {
        return raw(Json.MAPPER.writeValueAsBytes(s));
      }
      if (c == '"' || c == '\\') {
        b[p++] = '\\';
      }
      b[p++] = (byte) c;
    }
    b[p++] = '"';
    pos = p;
    return this;
  }

  /** Appends {@code "name":}. */
  JsonBytes name(String name) {
    return string(name).raw(':');
  }

  /** Appends the entries of {@code map} as the members of an object, braces included. */
  JsonBytes object(Map<String, String> map) {
    raw('{');
    boolean first = true;
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (!first) {
        raw(',');
      }
      first = false;
      name(e.getKey()).string(e.getValue());
    }
    return raw('}');
  }

  JsonBytes number(long value) {
    return raw(ascii(Long.toString(value)));
  }

  /** Appends a double as the mapper does ({@code Double.toString}: its fast writer is off). */
  JsonBytes number(double value) {
    return raw(ascii(Double.toString(value)));
  }

  JsonBytes bool(boolean value) {
    return raw(value ? TRUE : FALSE);
  }

  JsonBytes nullable(Long value) {
    return value == null ? raw(NULL) : number(value.longValue());
  }

  JsonBytes nullable(Boolean value) {
    return value == null ? raw(NULL) : bool(value.booleanValue());
  }

  private void ensure(int n) {
    if (pos + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }
  }
}
