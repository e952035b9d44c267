package dev.oktair.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fast path of the strict check for records whose bytes are kept rather than analysed (an
 * import copies them): one pass over the bytes by a strict RFC 8259 grammar with duplicate-key
 * detection, building no tree. It only ever says yes: a record it does not accept outright
 * (anything malformed, a duplicate or escaped key, nesting deeper than {@link #MAX_DEPTH}, a long
 * number or key, not a plain System Log event, a wrapper) is left to {@link RecordParser}'s full
 * path, which decides and words the reject exactly as before. Its grammar is a subset of what
 * Jackson's strict reading accepts, so both paths accept the same records. Stateless and
 * thread-safe (each thread has its own scratch).
 */
final class StreamCheck {
  /** Deeper records go the full path (Jackson's own limit is far above). */
  static final int MAX_DEPTH = 64;
  /** Longer numbers go the full path, as do exponents of more than three digits. */
  static final int MAX_NUMBER = 100;
  /** Longer keys, and objects with more keys than {@link #MAX_KEYS}, go the full path. */
  static final int MAX_KEY = 1000;
  static final int MAX_KEYS = 256;

  /** eventType, then the other System Log fields ({@link Envelope#EVENT_FIELDS}). */
  private static final byte[][] FIELDS;
  private static final int EVENT_TYPE = 0;
  private static final int UUID;
  private static final int PUBLISHED;

  static {
    List<String> names = new ArrayList<>();
    names.add("eventType");
    names.addAll(Envelope.EVENT_FIELDS);
    FIELDS = new byte[names.size()][];
    for (int k = 0; k < FIELDS.length; k++) {
      FIELDS[k] = names.get(k).getBytes(StandardCharsets.UTF_8);
    }
    UUID = names.indexOf("uuid");
    PUBLISHED = names.indexOf("published");
  }

  private static final ThreadLocal<Scan> SCRATCH = ThreadLocal.withInitial(Scan::new);

  private StreamCheck() {}

  /**
   * Returns the event held by {@code b[off, off + len)} (already checked as UTF-8 and by {@link
   * JsonText}), its tree left to be built when asked (and its SHA-256: an import hashes only the
   * events whose uuid repeats); null when the full path must decide.
   */
  static LogEvent event(byte[] b, int off, int len) {
    Scan s = SCRATCH.get();
    s.reset(b, off + len);
    int i = s.ws(off);
    int after = i < s.end && b[i] == '{' ? s.object(i, 1) : -1;
    if (after < 0 || s.ws(after) != s.end || !s.typed || !s.other || s.unsure) {
      return null;
    }
    byte[] raw = Arrays.copyOfRange(b, off, off + len);
    LogEvent event = s.plain
        ? LogEvent.checked(raw, s.uuid, s.published, Times.parsePublished(s.published), true)
        : LogEvent.checked(raw, null, null, null, false);
    return event;
  }

  /** One thread's scratch: the record being read, the keys of its open objects, what its top level held. */
  private static final class Scan {
    byte[] b;
    int end;
    int[] keyStart = new int[64];
    int[] keyLen = new int[64];
    int keys;
    /** Whether eventType is a non-blank string, and another System Log field is there. */
    boolean typed;
    boolean other;
    /** Whether uuid and published are strings or null (else their text needs the tree). */
    boolean plain;
    /** Set when the top level holds something only the full path reads alike (an escaped eventType, uuid or published). */
    boolean unsure;
    String uuid;
    String published;

    void reset(byte[] bytes, int to) {
      b = bytes;
      end = to;
      keys = 0;
      typed = false;
      other = false;
      plain = true;
      unsure = false;
      uuid = null;
      published = null;
    }

    /** Returns the index after JSON whitespace from {@code i}. */
    int ws(int i) {
      while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
        i++;
      }
      return i;
    }

    /** Reads the value at {@code i} (not whitespace); returns the index after it, or -1. */
    int value(int i, int depth) {
      if (i >= end) {
        return -1;
      }
      switch (b[i]) {
        case '{':
          return object(i, depth + 1);
        case '[':
          return array(i, depth + 1);
        case '"':
          return string(i);
        case 't':
          return literal(i, "true");
        case 'f':
          return literal(i, "false");
        case 'n':
          return literal(i, "null");
        default:
          return number(i);
      }
    }

    /** Reads the object at {@code i}, at nesting {@code depth}; returns the index after it, or -1. */
    int object(int i, int depth) {
      if (depth > MAX_DEPTH) {
        return -1;
      }
      int base = keys;
      i = ws(i + 1);
      if (i < end && b[i] == '}') {
        return i + 1;
      }
      for (;;) {
        if (i >= end || b[i] != '"') {
          return -1;
        }
        int close = Bytes.skipStringBody(b, i + 1, end);
        if (close >= end || b[close] != '"' || close - i - 1 > MAX_KEY || !addKey(base, i + 1, close - i - 1)) {
          return -1; // an escaped key (or control byte) goes the full path: "a" and "\u0061" are one key
        }
        int keyFrom = i + 1;
        i = ws(close + 1);
        if (i >= end || b[i] != ':') {
          return -1;
        }
        i = ws(i + 1);
        int valueEnd = value(i, depth);
        if (valueEnd < 0) {
          return -1;
        }
        if (depth == 1) {
          topLevel(keyFrom, close - keyFrom, i, valueEnd);
        }
        i = ws(valueEnd);
        if (i < end && b[i] == ',') {
          i = ws(i + 1);
        } else if (i < end && b[i] == '}') {
          keys = base;
          return i + 1;
        } else {
          return -1;
        }
      }
    }

    /** Notes a new key of the object whose keys start at {@code base}; false for a repeat or too many. */
    boolean addKey(int base, int from, int len) {
      for (int k = base; k < keys; k++) {
        if (keyLen[k] == len && Arrays.equals(b, keyStart[k], keyStart[k] + len, b, from, from + len)) {
          return false;
        }
      }
      if (keys - base >= MAX_KEYS) {
        return false;
      }
      if (keys == keyStart.length) {
        keyStart = Arrays.copyOf(keyStart, keys * 2);
        keyLen = Arrays.copyOf(keyLen, keys * 2);
      }
      keyStart[keys] = from;
      keyLen[keys] = len;
      keys++;
      return true;
    }

    /** Reads the array at {@code i}; returns the index after it, or -1. */
    int array(int i, int depth) {
      if (depth > MAX_DEPTH) {
        return -1;
      }
      i = ws(i + 1);
      if (i < end && b[i] == ']') {
        return i + 1;
      }
      for (;;) {
        int valueEnd = value(i, depth);
        if (valueEnd < 0) {
          return -1;
        }
        i = ws(valueEnd);
        if (i < end && b[i] == ',') {
          i = ws(i + 1);
        } else if (i < end && b[i] == ']') {
          return i + 1;
        } else {
          return -1;
        }
      }
    }

    /** Reads the string at {@code i} (its quote); returns the index after its closing quote, or -1. */
    int string(int i) {
      for (int j = i + 1; ; ) {
        j = Bytes.skipStringBody(b, j, end);
        if (j >= end || b[j] != '"' && b[j] != '\\') {
          return -1; // unterminated, or a control byte Jackson refuses unescaped (tab included)
        }
        if (b[j] == '"') {
          return j + 1;
        }
        j = escape(j);
        if (j < 0) {
          return -1;
        }
      }
    }

    /** Reads the escape at {@code j} (its backslash); returns the index after it, or -1. */
    private int escape(int j) {
      if (j + 1 >= end) {
        return -1;
      }
      switch (b[j + 1]) {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          return j + 2;
        case 'u':
          if (j + 6 > end) {
            return -1;
          }
          for (int k = j + 2; k < j + 6; k++) {
            if (Character.digit(b[k], 16) < 0) {
              return -1;
            }
          }
          return j + 6;
        default:
          return -1;
      }
    }

    /** Reads {@code word} at {@code i} (what follows is checked by the caller); returns the index after it, or -1. */
    int literal(int i, String word) {
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
    int number(int i) {
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
        j = digits(j);
      }
      if (j < end && b[j] == '.') {
        int k = digits(j + 1);
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
        int k = digits(j);
        if (k == j || k - j > 3) {
          return -1; // no exponent digits, or an exponent a decimal may not hold
        }
        j = k;
      }
      return j - i > MAX_NUMBER ? -1 : j;
    }

    private int digits(int j) {
      while (j < end && digit(b[j])) {
        j++;
      }
      return j;
    }

    private static boolean digit(byte c) {
      return c >= '0' && c <= '9';
    }

    /** Notes what a top-level key's value says about the record being a System Log event. */
    void topLevel(int keyFrom, int keyLen, int from, int to) {
      int field = field(keyFrom, keyLen);
      if (field < 0) {
        return;
      }
      boolean string = b[from] == '"';
      boolean escaped = string && Bytes.skipStringBody(b, from + 1, to) != to - 1;
      if (field == EVENT_TYPE) {
        typed = string && !escaped && !blank(from + 1, to - 1);
        unsure |= escaped;
        return;
      }
      other = true;
      if (field == UUID || field == PUBLISHED) {
        String text = null;
        if (escaped) {
          unsure = true;
        } else if (string) {
          text = new String(b, from + 1, to - from - 2, StandardCharsets.UTF_8);
          text = "null".equals(text) ? null : text;
        } else if (b[from] != 'n') {
          plain = false; // a number or object: Json.text's reading of it needs the tree
        }
        if (field == UUID) {
          uuid = text;
        } else {
          published = text;
        }
      }
    }

    /** Returns which of {@link #FIELDS} the key is, or -1. */
    int field(int from, int len) {
      for (int k = 0; k < FIELDS.length; k++) {
        byte[] f = FIELDS[k];
        if (f.length == len && Arrays.equals(b, from, from + len, f, 0, len)) {
          return k;
        }
      }
      return -1;
    }

    /** True when the string content {@code b[from, to)} (no escapes) is blank as {@link String#isBlank} says. */
    boolean blank(int from, int to) {
      for (int k = from; k < to; k++) {
        if (b[k] < 0) {
          return new String(b, from, to - from, StandardCharsets.UTF_8).isBlank();
        }
        if (b[k] != ' ') {
          return false;
        }
      }
      return true;
    }
  }
}
