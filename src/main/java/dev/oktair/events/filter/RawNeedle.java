package dev.oktair.events.filter;

/**
 * An ASCII literal searched for, case-insensitively, in the raw bytes of one JSONL line: the
 * prefilter that lets a reader skip parsing lines that certainly cannot match.
 *
 * <p>It is exact in one direction only: {@link #mayOccur} returns false only when no JSON string
 * or scalar in the line can contain the literal. Three things could hide a literal from a byte
 * search, and each makes it answer true: a {@code \}{@code uXXXX} escape anywhere in the line
 * (it can spell any character); any backslash when the literal itself holds a character JSON
 * writes with a short escape ({@code " \ /} or a control character); and numbers, whose text
 * Jackson may write differently from the raw bytes ({@code 1e3} reads as {@code 1E+3}) — so a
 * literal made only of number characters ({@code 0-9 . e E + -}) gets no needle at all. Non-ASCII
 * literals get none either. Immutable and thread-safe; searching allocates nothing.
 */
final class RawNeedle {
  private static final String NUMBER_CHARS = "0123456789.eE+-";

  private final String text;
  private final byte[] folded;
  private final byte[] caseMask;
  private final boolean shortEscapeCanHide;

  private RawNeedle(String text) {
    this.text = text;
    int n = text.length();
    this.folded = new byte[n];
    this.caseMask = new byte[n];
    boolean escapable = false;
    for (int i = 0; i < n; i++) {
      char c = Fold.fold(text.charAt(i));
      folded[i] = (byte) c;
      caseMask[i] = (byte) (c >= 'a' && c <= 'z' ? 0x20 : 0);
      escapable |= c == '"' || c == '\\' || c == '/' || c < 0x20 || c == 0x7f;
    }
    this.shortEscapeCanHide = escapable;
  }

  /** Returns the needle for {@code literal}, or null when a byte search could not be trusted. */
  static RawNeedle of(String literal) {
    if (literal.isEmpty()) {
      return null;
    }
    boolean numberChars = true;
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c >= 0x80) {
        return null;
      }
      numberChars &= NUMBER_CHARS.indexOf(c) >= 0;
    }
    return numberChars ? null : new RawNeedle(literal);
  }

  /** Returns the literal searched for. */
  String text() {
    return text;
  }

  /** Returns false only when the literal certainly occurs in no decoded value of the line. */
  boolean mayOccur(byte[] buf, int off, int len) {
    return indexOf(buf, off, len) >= 0 || escapeMayHide(buf, off, len);
  }

  /** Returns the offset of the first ASCII-case-insensitive occurrence, or -1. */
  int indexOf(byte[] buf, int off, int len) {
    byte[] needle = folded;
    byte[] mask = caseMask;
    int n = needle.length;
    int first = needle[0];
    int firstMask = mask[0];
    int last = off + len - n;
    outer:
    for (int i = off; i <= last; i++) {
      if ((buf[i] | firstMask) != first) {
        continue;
      }
      for (int k = 1; k < n; k++) {
        if ((buf[i + k] | mask[k]) != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private boolean escapeMayHide(byte[] buf, int off, int len) {
    int end = off + len;
    for (int i = off; i < end; i++) {
      if (buf[i] != '\\') {
        continue;
      }
      if (shortEscapeCanHide || (i + 1 < end && buf[i + 1] == 'u')) {
        return true;
      }
      i++; // skip the escaped character: in \\u the u is a plain letter
    }
    return false;
  }
}
