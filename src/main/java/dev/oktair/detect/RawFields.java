package dev.oktair.detect;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an event's {@link EventFields} straight from its bytes, building no tree: only the objects
 * the fields are in are read, the rest skipped, and on bytes the strict check read the top-level
 * fields are found where it noted them. A pass reads every event of a case, and building each
 * event's tree cost more than all the detections (the real-shaped 1 GB: read and parse 4.1 s of
 * CPU, the tree most of it; the strict check alone 1.6 s); Jackson's streaming reader, which still
 * makes a string of every key, cost half as much again as this.
 *
 * <p>Only for bytes known to be one JSON object with no repeated key ({@link LogEvent#decideOnRaw}):
 * this checks nothing. It reads only the shape Okta writes, and gives up (false), leaving the
 * event to its tree, on anything else: a container that is a list, a text
 * field that is not a string or null, a number that is not plain, a key with an escape. So both
 * readings agree on every input ({@code EventFieldsTest} holds them to it).
 */
final class RawFields {
  /** The strict check's number for each of {@link FieldShape#EVENT}'s keys ({@link LogEvent#notedField}). */
  private static final int[] NOTED = Arrays.stream(FieldShape.EVENT.keys()).mapToInt(LogEvent::notedField).toArray();

  private final byte[] b;
  private final EventFields f;
  /** Where the last string read ended (after its closing quote). */
  private int after;

  private RawFields(byte[] b, EventFields f) {
    this.b = b;
    this.f = f;
  }

  /**
   * Reads the fields of {@code event} from its bytes into {@code f} when they passed the strict check
   * or this program wrote them ({@link LogEvent#decideOnRaw}); false to leave them to the tree.
   */
  static boolean read(LogEvent event, EventFields f) {
    Boolean read = event.decideOnRaw((raw, off, len, e) -> {
      RawFields r = new RawFields(raw, f);
      try {
        return r.noted(e) || r.object(r.ws(off), FieldShape.EVENT, f.text, 0) >= 0;
      } catch (RuntimeException ex) {
        // not of the shape read here (an index past the end, a number that is not one): the tree decides
        return false;
      }
    });
    return read != null && read;
  }

  /**
   * Reads the top-level fields where the strict check noted them (it notes all of them or none);
   * false when it noted none, and an exception when giving up.
   */
  private boolean noted(LogEvent event) {
    if (event.noted(NOTED[0]) == LogEvent.NOT_NOTED) {
      return false;
    }
    for (int k = 0; k < NOTED.length; k++) {
      int at = event.noted(NOTED[k]);
      if (at != LogEvent.ABSENT && value(at, FieldShape.EVENT, k, f.text, 0) < 0) {
        throw new IllegalStateException("not of the shape read");
      }
    }
    return true;
  }

  /** Reads the object at {@code i} of {@code shape} into {@code into} from {@code base}; returns where it ends, or -1 to give up. */
  private int object(int i, FieldShape shape, String[] into, int base) {
    if (b[i] != '{') {
      return -1;
    }
    i = ws(i + 1);
    if (b[i] == '}') {
      return i + 1;
    }
    while (true) {
      int keyStart = i + 1;
      int keyEnd = keyStart;
      while (b[keyEnd] != '"') {
        if (b[keyEnd] == '\\') {
          return -1;
        }
        keyEnd++;
      }
      i = ws(ws(keyEnd + 1) + 1);
      int k = shape.find(b, keyStart, keyEnd);
      i = k < 0 ? skip(i) : value(i, shape, k, into, base);
      if (i < 0) {
        return -1;
      }
      i = ws(i);
      if (b[i] == '}') {
        return i + 1;
      }
      i = ws(i + 1);
    }
  }

  /** Reads the value at {@code i} of key {@code k} of {@code shape}; returns where it ends, or -1 to give up. */
  private int value(int i, FieldShape shape, int k, String[] into, int base) {
    int field = shape.fields()[k];
    byte c = b[i];
    switch (shape.kinds()[k]) {
      case FieldShape.FLAG:
        if (c == 't' || c == 'f') {
          into[base + field] = c == 't' ? "true" : "false";
          return c == 't' ? i + 4 : i + 5;
        }
        return leaf(i, into, base + field);
      case FieldShape.LEAF:
        return leaf(i, into, base + field);
      case FieldShape.LAT:
      case FieldShape.LON:
        return coordinate(i, shape.kinds()[k] == FieldShape.LAT);
      case FieldShape.ASN:
        return asn(i);
      case FieldShape.OBJECT:
        // a plain value where an object was expected (Okta writes debugData "" on some events) holds no field, as in the tree
        return c == '{' ? object(i, shape.inner()[k], into, base) : c == '[' ? -1 : skip(i);
      default:
        return c == 'n' ? i + 4 : targets(i);
    }
  }

  /** A text field: a string ("null" is none) or JSON null. */
  private int leaf(int i, String[] into, int at) {
    if (b[i] == 'n') {
      into[at] = null;
      return i + 4;
    }
    if (b[i] != '"') {
      return -1;
    }
    String s = string(i);
    into[at] = "null".equals(s) ? null : s;
    return after;
  }

  /** A coordinate as {@link Json#text} then {@link Double#valueOf} read it: a number, or a string of one; else none. */
  private int coordinate(int i, boolean lat) {
    byte c = b[i];
    Double d;
    int end;
    if (c == '"') {
      d = EventFields.number(string(i));
      end = after;
    } else if (c == 'n' || c == 't' || c == 'f') {
      d = null;
      end = c == 'f' ? i + 5 : i + 4;
    } else if (c == '-' || c >= '0' && c <= '9') {
      end = number(i);
      double v = Double.parseDouble(new String(b, i, end - i, StandardCharsets.ISO_8859_1));
      // the tree's decimal has no negative zero
      d = v == 0 ? 0.0 : v;
    } else {
      return -1;
    }
    if (lat) {
      f.lat = d;
    } else {
      f.lon = d;
    }
    return end;
  }

  /** {@code asNumber}: a plain integer, or a string that spells one; else none. */
  private int asn(int i) {
    byte c = b[i];
    if (c == 'n') {
      f.asn = null;
      return i + 4;
    }
    if (c == '"') {
      String s = string(i);
      f.asn = Json.longOf("null".equals(s) ? null : s);
      return after;
    }
    if (c != '-' && (c < '0' || c > '9')) {
      return -1;
    }
    int end = number(i);
    for (int j = i; j < end; j++) {
      if (b[j] == '.' || b[j] == 'e' || b[j] == 'E') {
        // a fraction or exponent: the tree's number node decides
        return -1;
      }
    }
    if (end - i > 18) {
      return -1;
    }
    f.asn = Long.parseLong(new String(b, i, end - i, StandardCharsets.ISO_8859_1));
    return end;
  }

  private int targets(int i) {
    if (b[i] != '[') {
      return -1;
    }
    i = ws(i + 1);
    String[] out = new String[2 * EventFields.TARGET_FIELDS];
    int n = 0;
    if (b[i] != ']') {
      while (true) {
        if ((n + 1) * EventFields.TARGET_FIELDS > out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        i = object(i, FieldShape.TARGET, out, n++ * EventFields.TARGET_FIELDS);
        if (i < 0) {
          return -1;
        }
        i = ws(i);
        if (b[i] == ']') {
          break;
        }
        i = ws(i + 1);
      }
    }
    f.targets = n == 0 ? f.targets : out;
    f.targetCount = n;
    return i + 1;
  }

  /** Returns the string whose opening quote is at {@code i}, decoded; {@link #after} is where it ends. */
  private String string(int i) {
    int start = i + 1;
    int j = start;
    boolean ascii = true;
    while (true) {
      byte c = b[j];
      if (c == '"') {
        after = j + 1;
        return new String(b, start, j - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
      }
      if (c == '\\') {
        return escaped(start);
      }
      ascii &= c >= 0;
      j++;
    }
  }

  /** A string with escapes, from {@code start} (after its opening quote). */
  private String escaped(int start) {
    StringBuilder sb = new StringBuilder();
    int run = start;
    int j = start;
    while (b[j] != '"') {
      if (b[j] != '\\') {
        j++;
        continue;
      }
      sb.append(new String(b, run, j - run, StandardCharsets.UTF_8));
      byte e = b[j + 1];
      switch (e) {
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> sb.append((char) Integer.parseInt(new String(b, j + 2, 4, StandardCharsets.ISO_8859_1), 16));
        default -> sb.append((char) e);
      }
      j += e == 'u' ? 6 : 2;
      run = j;
    }
    sb.append(new String(b, run, j - run, StandardCharsets.UTF_8));
    after = j + 1;
    return sb.toString();
  }

  /** Returns where the number at {@code i} ends. */
  private int number(int i) {
    int j = i + 1;
    while (j < b.length) {
      byte c = b[j];
      if (c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
        j++;
      } else {
        break;
      }
    }
    return j;
  }

  /** Returns where the value at {@code i} ends, reading nothing of it. */
  private int skip(int i) {
    byte c = b[i];
    if (c == '"') {
      return skipString(i);
    }
    if (c != '{' && c != '[') {
      int j = i + 1;
      while (j < b.length && (c = b[j]) != ',' && c != '}' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        j++;
      }
      return j;
    }
    int depth = 0;
    while (true) {
      c = b[i];
      if (c == '"') {
        i = skipString(i);
        continue;
      }
      if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return i + 1;
      }
      i++;
    }
  }

  private int skipString(int i) {
    int j = i + 1;
    while (true) {
      byte c = b[j];
      if (c == '"') {
        return j + 1;
      }
      j += c == '\\' ? 2 : 1;
    }
  }

  private int ws(int i) {
    while (i < b.length) {
      byte c = b[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        break;
      }
      i++;
    }
    return i;
  }
}
