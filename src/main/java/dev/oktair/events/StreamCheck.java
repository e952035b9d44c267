package dev.oktair.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fast path of the strict check for records whose bytes are kept rather than analysed (an
 * import copies them, a filtered read hands them on): one pass over the bytes that is at once the
 * strict UTF-8 check ({@link Utf8}), the text check ({@link JsonText}: no control byte, no lone
 * surrogate escape, no byte order mark) and a strict RFC 8259 grammar with duplicate-key
 * detection, building no tree. It only ever says yes: a record it does not accept outright
 * (anything invalid or malformed, a duplicate or escaped key, nesting deeper than {@link
 * #MAX_DEPTH}, a long number or key, not a plain System Log event, a wrapper) is left to {@link
 * RecordParser}'s full path, which runs every check again and decides and words the reject
 * exactly as before. Its grammar is a subset of what Jackson's strict reading accepts, so both
 * paths accept the same records.
 *
 * <p>On the way it notes what the reader of the event would otherwise find by reading the bytes
 * again: uuid and published, and where the value of each top-level System Log field starts
 * ({@link LogEvent#noted}). Written for the C1 compiler, which a filtered read mostly runs on: a
 * byte at a time through a class table, no call per byte. Stateless and thread-safe (each thread
 * has its own scratch).
 */
final class StreamCheck {
  /** Deeper records go the full path (Jackson's own limit is far above). */
  static final int MAX_DEPTH = 64;
  /** Longer numbers go the full path, as do exponents of more than three digits. */
  static final int MAX_NUMBER = 100;
  /** Longer keys, and objects with more keys than {@link #MAX_KEYS}, go the full path. */
  static final int MAX_KEY = 1000;
  static final int MAX_KEYS = 256;

  /** eventType, then the other System Log fields ({@link Envelope#EVENT_FIELDS}): the top-level keys noted. */
  private static final List<String> FIELD_NAMES;
  /** The fields by the length of their name. */
  private static final byte[][][] BY_LENGTH;
  private static final int[][] NUMBER_BY_LENGTH;
  private static final int EVENT_TYPE = 0;
  private static final int UUID;
  private static final int PUBLISHED;

  static {
    List<String> names = new ArrayList<>();
    names.add("eventType");
    names.addAll(new java.util.TreeSet<>(Envelope.EVENT_FIELDS));
    FIELD_NAMES = List.copyOf(names);
    int longest = names.stream().mapToInt(String::length).max().orElse(0);
    BY_LENGTH = new byte[longest + 1][0][];
    NUMBER_BY_LENGTH = new int[longest + 1][0];
    for (int k = 0; k < names.size(); k++) {
      byte[] name = names.get(k).getBytes(StandardCharsets.US_ASCII);
      int n = name.length;
      BY_LENGTH[n] = Arrays.copyOf(BY_LENGTH[n], BY_LENGTH[n].length + 1);
      BY_LENGTH[n][BY_LENGTH[n].length - 1] = name;
      NUMBER_BY_LENGTH[n] = Arrays.copyOf(NUMBER_BY_LENGTH[n], NUMBER_BY_LENGTH[n].length + 1);
      NUMBER_BY_LENGTH[n][NUMBER_BY_LENGTH[n].length - 1] = k;
    }
    UUID = names.indexOf("uuid");
    PUBLISHED = names.indexOf("published");
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long SPACES = ONES * ' ';
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';

  private static final ThreadLocal<Scan> SCRATCH = ThreadLocal.withInitial(Scan::new);

  private StreamCheck() {}

  /** Returns the number {@link LogEvent#noted} gives the top-level field {@code name}, or -1 when it is not noted. */
  static int fieldNumber(String name) {
    return FIELD_NAMES.indexOf(name);
  }

  /**
   * Returns the event held by {@code b[off, off + len)}, its tree left to be built when asked (and
   * its SHA-256: an import hashes only the events whose uuid repeats); null when the full path
   * must decide. The bytes need no check before: this is the UTF-8 and text check too.
   */
  static LogEvent event(byte[] b, int off, int len) {
    return event(b, off, len, false);
  }

  /** As {@link #event(byte[], int, int)} for all of {@code raw}, which the event then keeps: the caller hands it over. */
  static LogEvent event(byte[] raw) {
    return event(raw, 0, raw.length, true);
  }

  private static LogEvent event(byte[] b, int off, int len, boolean handedOver) {
    Scan s = SCRATCH.get();
    s.reset(b, off + len);
    int i = s.ws(off);
    int after = i < s.end && b[i] == '{' ? s.object(i, 1) : -1;
    if (after < 0 || s.ws(after) != s.end || !s.typed || !s.other || s.unsure) {
      return null;
    }
    byte[] raw = handedOver ? b : Arrays.copyOfRange(b, off, off + len);
    int[] noted = new int[s.noted.length];
    for (int k = 0; k < noted.length; k++) {
      noted[k] = s.noted[k] < 0 ? LogEvent.ABSENT : s.noted[k] - off;
    }
    return s.plain
        ? LogEvent.checked(raw, s.uuid, s.published, Times.parsePublished(s.published), true, noted, s.uuidBits)
        : LogEvent.checked(raw, null, null, null, false, noted, null);
  }

  /** One thread's scratch: the record being read, the keys of its open objects, what its top level held. */
  private static final class Scan {
    byte[] b;
    int end;
    int[] keyStart = new int[64];
    int[] keyLen = new int[64];
    /** A cheap print of each key (length and three of its bytes): keys whose prints differ differ. */
    int[] keyPrint = new int[64];
    int keys;
    /** Whether eventType is a non-blank string, and another System Log field is there. */
    boolean typed;
    boolean other;
    /** Whether uuid and published are strings or null (else their text needs the tree). */
    boolean plain;
    /** Set when the top level holds something only the full path reads alike (an escaped eventType, uuid or published). */
    boolean unsure;
    /** Whether the last string read held an escape. */
    boolean escaped;
    String uuid;
    /** The uuid's 128 bits when it is in the canonical form ({@link LogEvent#uuidBits}), else null. */
    long[] uuidBits;
    String published;
    /** Where the value of each of the fields starts, or -1. */
    final int[] noted = new int[FIELD_NAMES.size()];

    void reset(byte[] bytes, int to) {
      b = bytes;
      end = to;
      keys = 0;
      typed = false;
      other = false;
      plain = true;
      unsure = false;
      uuid = null;
      uuidBits = null;
      published = null;
      Arrays.fill(noted, -1);
    }

    /** Returns the index after JSON whitespace from {@code i}. */
    int ws(int i) {
      while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
        i++;
      }
      return i;
    }

    /** Returns the index after JSON whitespace from {@code i}; small enough to be inlined, calling only when there is some. */
    int sp(int i) {
      return i < end && b[i] <= ' ' ? ws(i) : i;
    }

    /** {@link #sp} after a separator, which one space usually follows: that one is passed without a call. */
    int sp1(int i) {
      return sp(i < end && b[i] == ' ' ? i + 1 : i);
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
          return JsonTokens.literal(b, i, end, "true");
        case 'f':
          return JsonTokens.literal(b, i, end, "false");
        case 'n':
          return JsonTokens.literal(b, i, end, "null");
        default:
          return JsonTokens.number(b, i, end);
      }
    }

    /** Reads the object at {@code i}, at nesting {@code depth}; returns the index after it, or -1. */
    int object(int i, int depth) {
      if (depth > MAX_DEPTH) {
        return -1;
      }
      int base = keys;
      long seen = 0; // a bit for each key's print: a key whose bit is not set yet is new
      i = sp(i + 1);
      if (i < end && b[i] == '}') {
        return i + 1;
      }
      for (;;) {
        if (i >= end || b[i] != '"') {
          return -1;
        }
        int after = string(i);
        int keyFrom = i + 1;
        int keyLength = after - i - 2;
        if (after < 0 || escaped || keyLength > MAX_KEY) {
          return -1; // an escaped key goes the full path: "a" and "\u0061" are one key
        }
        int print = keyLength == 0 ? 0 : keyLength << 24 ^ (b[keyFrom] & 0xFF) << 16
            ^ (b[keyFrom + keyLength / 2] & 0xFF) << 8 ^ (b[keyFrom + keyLength - 1] & 0xFF);
        long bit = 1L << (print * 0x9E3779B9 >>> 26);
        if ((seen & bit) != 0 && repeated(base, keyFrom, keyLength, print) || !addKey(base, keyFrom, keyLength, print)) {
          return -1;
        }
        seen |= bit;
        i = sp(after);
        if (i >= end || b[i] != ':') {
          return -1;
        }
        i = sp1(i + 1);
        int valueEnd = i < end && b[i] == '"' ? string(i) : value(i, depth);
        if (valueEnd < 0) {
          return -1;
        }
        if (depth == 1) {
          topLevel(keyFrom, keyLength, i, valueEnd);
        }
        i = sp(valueEnd);
        if (i < end && b[i] == ',') {
          i = sp1(i + 1);
        } else if (i < end && b[i] == '}') {
          keys = base;
          return i + 1;
        } else {
          return -1;
        }
      }
    }

    /** True when the object whose keys start at {@code base} has the key {@code b[from, from + len)}, printed {@code print}. */
    private boolean repeated(int base, int from, int len, int print) {
      for (int k = base; k < keys; k++) {
        if (keyPrint[k] == print && keyLen[k] == len && same(keyStart[k], from, len)) {
          return true;
        }
      }
      return false;
    }

    /** Notes a new key of the object whose keys start at {@code base}; false when it has too many. */
    private boolean addKey(int base, int from, int len, int print) {
      if (keys - base >= MAX_KEYS) {
        return false;
      }
      if (keys == keyStart.length) {
        keyStart = Arrays.copyOf(keyStart, keys * 2);
        keyLen = Arrays.copyOf(keyLen, keys * 2);
        keyPrint = Arrays.copyOf(keyPrint, keys * 2);
      }
      keyStart[keys] = from;
      keyLen[keys] = len;
      keyPrint[keys] = print;
      keys++;
      return true;
    }

    /** True when the {@code len} bytes at {@code a} and at {@code c} are the same. */
    private boolean same(int a, int c, int len) {
      for (int k = 0; k < len; k++) {
        if (b[a + k] != b[c + k]) {
          return false;
        }
      }
      return true;
    }

    /** Reads the array at {@code i}; returns the index after it, or -1. */
    int array(int i, int depth) {
      if (depth > MAX_DEPTH) {
        return -1;
      }
      i = sp(i + 1);
      if (i < end && b[i] == ']') {
        return i + 1;
      }
      for (;;) {
        int valueEnd = value(i, depth);
        if (valueEnd < 0) {
          return -1;
        }
        i = sp(valueEnd);
        if (i < end && b[i] == ',') {
          i = sp1(i + 1);
        } else if (i < end && b[i] == ']') {
          return i + 1;
        } else {
          return -1;
        }
      }
    }

    /**
     * Reads the string at {@code i} (its quote), its bytes strict UTF-8 and its escapes valid and
     * no lone surrogate; returns the index after its closing quote, or -1 (also for a control byte,
     * which Jackson refuses unescaped, tab included). Sets {@link #escaped}.
     */
    int string(int i) {
      byte[] b = this.b;
      int end = this.end;
      boolean esc = false;
      int j = i + 1;
      for (;;) {
        // eight plain bytes at a time, then a byte at a time up to the one that is not plain
        while (j + 8 <= end) {
          long x = (long) LONGS.get(b, j);
          long q = x ^ QUOTES;
          long e = x ^ BACKSLASHES;
          // flags a byte below 0x20, a quote, a backslash or a high bit (and errs only after one)
          if ((((x - SPACES) & ~x | (q - ONES) & ~q | (e - ONES) & ~e | x) & HIGHS) != 0) {
            break;
          }
          j += 8;
        }
        while (j < end && JsonTokens.CLASS[b[j] & 0xFF] == JsonTokens.PLAIN) {
          j++;
        }
        if (j >= end) {
          return -1;
        }
        switch (JsonTokens.CLASS[b[j] & 0xFF]) {
          case JsonTokens.QUOTE:
            escaped = esc;
            return j + 1;
          case JsonTokens.ESCAPE:
            esc = true;
            j = JsonTokens.escape(b, j, end);
            break;
          case JsonTokens.LEAD2:
            j = j + 1 < end && (b[j + 1] & 0xC0) == 0x80 ? j + 2 : -1;
            break;
          case JsonTokens.LEAD3:
            j = JsonTokens.lead3(b, j, end);
            break;
          case JsonTokens.LEAD4:
            j = JsonTokens.lead4(b, j, end);
            break;
          default:
            return -1; // a control byte, or a byte UTF-8 never has
        }
        if (j < 0) {
          return -1;
        }
      }
    }

    /**
     * Notes what a top-level key's value {@code b[from, to)} says about the record being a System
     * Log event; {@link #escaped} is still that of the value when it is a string.
     */
    void topLevel(int keyFrom, int keyLen, int from, int to) {
      int field = field(keyFrom, keyLen);
      if (field < 0) {
        return;
      }
      noted[field] = from;
      boolean string = b[from] == '"';
      boolean escapedValue = string && escaped;
      if (field == EVENT_TYPE) {
        typed = string && !escapedValue && !blank(from + 1, to - 1);
        unsure |= escapedValue;
        return;
      }
      other = true;
      if (field == UUID || field == PUBLISHED) {
        String text = null;
        if (escapedValue) {
          unsure = true;
        } else if (string) {
          text = new String(b, from + 1, to - from - 2, StandardCharsets.UTF_8);
          text = "null".equals(text) ? null : text;
        } else if (b[from] != 'n') {
          plain = false; // a number or object: Json.text's reading of it needs the tree
        }
        if (field == UUID) {
          uuid = text;
          uuidBits = text == null ? null : JsonTokens.canonicalUuid(b, from + 1, to - 1);
        } else {
          published = text;
        }
      }
    }

    /** Returns which of the noted fields the key is, or -1. */
    int field(int from, int len) {
      if (len >= BY_LENGTH.length) {
        return -1;
      }
      byte[][] candidates = BY_LENGTH[len];
      for (int k = 0; k < candidates.length; k++) {
        byte[] f = candidates[k];
        int n = 0;
        while (n < len && f[n] == b[from + n]) {
          n++;
        }
        if (n == len) {
          return NUMBER_BY_LENGTH[len][k];
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
