package dev.oktair.events.filter;

/**
 * The one case-insensitive comparison filters and keyword search use.
 *
 * <p>ASCII letters fold to lower case. Other characters fold with {@link Character#toLowerCase} of
 * {@link Character#toUpperCase}, except that a non-ASCII character never folds onto an ASCII one:
 * the Kelvin sign {@code K} does not equal {@code k}, nor dotless {@code ı} equal {@code i}. That
 * rule is what lets the raw-bytes prefilter stay exact: an ASCII literal can only be matched by the
 * same ASCII bytes, in either case.
 */
final class Fold {
  private Fold() {}

  /** Returns the folded form of one character. */
  static char fold(char c) {
    if (c < 0x80) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    char folded = Character.toLowerCase(Character.toUpperCase(c));
    return folded < 0x80 ? c : folded;
  }

  /** Returns {@code s} with every character folded; the same length as {@code s}. */
  static String fold(String s) {
    int i = 0;
    while (i < s.length() && fold(s.charAt(i)) == s.charAt(i)) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    char[] out = s.toCharArray();
    for (; i < out.length; i++) {
      out[i] = fold(out[i]);
    }
    return new String(out);
  }

  /** Returns true when {@code s[from, from + folded.length())} folds to {@code folded}. */
  static boolean regionEquals(String s, int from, String folded) {
    if (from < 0 || from + folded.length() > s.length()) {
      return false;
    }
    for (int i = 0; i < folded.length(); i++) {
      if (fold(s.charAt(from + i)) != folded.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
