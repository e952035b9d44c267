package dev.oktair.events.filter;

import dev.oktair.events.FieldPath;
import dev.oktair.events.LogEvent;
import java.nio.charset.StandardCharsets;

/**
 * A comparison decided on the raw bytes of an event the strict reading accepted, without a tree,
 * when the bytes alone are certain to give the answer the tree would: a top-level field ({@code
 * eventType}, not {@code actor.id}), a quoted ASCII literal that reads as no number ({@code eq ne sw
 * co ew}, which compare such a literal as folded text), and a value that is absent or a string
 * without escapes other than {@code "null"}. Anything else (a number, boolean, object or array
 * there; an escape in the value or in any top-level key) gets no verdict and goes to the tree.
 *
 * <p>Why the bytes suffice: the reading refuses repeated keys, so the key is at one place at most;
 * an unescaped JSON string's bytes are its UTF-8 text; and {@link Fold} never folds a non-ASCII
 * character onto an ASCII one, so an ASCII literal matches exactly the same bytes, in either case,
 * at the same places. Immutable and thread-safe.
 */
final class RawCompare {
  private final byte[] key;
  /** The key's number among the top-level fields the strict check notes ({@link LogEvent#notedField}), or -1. */
  private final int field;
  private final Op op;
  private final byte[] folded;
  private final byte[] caseMask;

  private RawCompare(byte[] key, Op op, String folded) {
    this.key = key;
    this.field = LogEvent.notedField(new String(key, StandardCharsets.US_ASCII));
    this.op = op;
    this.folded = folded.getBytes(StandardCharsets.US_ASCII);
    this.caseMask = new byte[this.folded.length];
    for (int i = 0; i < caseMask.length; i++) {
      caseMask[i] = (byte) (this.folded[i] >= 'a' && this.folded[i] <= 'z' ? 0x20 : 0);
    }
  }

  /** Returns the raw comparison for {@code path op literal}, or null when the bytes cannot decide it. */
  static RawCompare of(FieldPath path, Op op, Literal literal) {
    boolean textual = op == Op.EQ || op == Op.NE || op == Op.SW || op == Op.CO || op == Op.EW;
    if (!textual || path.segments().size() != 1 || literal.kind() != Literal.Kind.STRING
        || literal.number() != null || !ascii(literal.folded()) || !ascii(path.text())) {
      return null;
    }
    return new RawCompare(path.text().getBytes(StandardCharsets.US_ASCII), op, literal.folded());
  }

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the comparison's verdict on the strictly accepted object {@code b[off, off + len)}, or
   * null when only its tree can tell. Where the key's value is, {@code noted} (when not null) may
   * say, as its strict check found it (relative to {@code off}); else the bytes are read to find it.
   */
  Boolean decide(byte[] b, int off, int len, LogEvent noted) {
    int at = noted == null ? LogEvent.NOT_NOTED : noted.noted(field);
    int v = at == LogEvent.NOT_NOTED ? TopLevel.valueOf(b, off, len, key) : at == LogEvent.ABSENT ? TopLevel.ABSENT
        : off + at;
    if (v == TopLevel.UNSURE) {
      return null;
    }
    boolean any;
    if (v == TopLevel.ABSENT) {
      any = false;
    } else if (b[v] != '"') {
      return null; // null, a number, a boolean, an object or an array: the tree's rules
    } else {
      int from = v + 1;
      int to = TopLevel.closingQuote(b, from, off + len);
      if (TopLevel.indexOfBackslash(b, from, to) >= 0 || isNullText(b, from, to)) {
        return null;
      }
      any = holds(b, from, to);
    }
    return op == Op.NE ? !any : any;
  }

  /** The string {@code "null"} counts as absent (see {@link FieldPath}): left to the tree. */
  private static boolean isNullText(byte[] b, int from, int to) {
    return to - from == 4 && b[from] == 'n' && b[from + 1] == 'u' && b[from + 2] == 'l' && b[from + 3] == 'l';
  }

  /** Returns true when the value's text {@code b[from, to)} satisfies the operator (ne: equals). */
  private boolean holds(byte[] b, int from, int to) {
    int n = to - from;
    int m = folded.length;
    if (op == Op.EQ || op == Op.NE) {
      return n == m && at(b, from);
    }
    if (op == Op.SW) {
      return n >= m && at(b, from);
    }
    if (op == Op.EW) {
      return n >= m && at(b, to - m);
    }
    for (int i = from; i + m <= to; i++) {
      if (at(b, i)) {
        return true;
      }
    }
    return false;
  }

  private boolean at(byte[] b, int at) {
    for (int k = 0; k < folded.length; k++) {
      if ((b[at + k] | caseMask[k]) != folded[k]) {
        return false;
      }
    }
    return true;
  }
}
