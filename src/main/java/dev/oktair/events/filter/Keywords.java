package dev.oktair.events.filter;

/**
 * Which keywords a value's text matches: the tokenisation behind {@link KeywordQuery}.
 *
 * <p>A keyword matches a text when, after folding case, it equals one of these spans of it: the
 * whole text (trimmed); a whitespace-separated piece, as is or with leading and trailing
 * punctuation removed; a word — a maximal run of letters, digits, {@code _ . -}, with leading and
 * trailing {@code . -} removed; or a hyphen-separated part of such a word. Stateless.
 */
final class Keywords {
  /** Okta's limit on one keyword; longer spans are never compared. */
  static final int MAX_LENGTH = 40;

  private Keywords() {}

  /**
   * Returns {@code matched} with bit {@code j} set for every keyword {@code folded[j]} that {@code
   * text} matches; keywords already set are not looked at again.
   */
  static int match(String text, String[] folded, int matched) {
    if (!anyOccurs(text, folded, matched)) {
      return matched; // the common case, and cheap: no span of this text can be a keyword
    }
    int all = (1 << folded.length) - 1;
    int n = text.length();
    int s = 0;
    int e = n;
    while (s < e && Character.isWhitespace(text.charAt(s))) {
      s++;
    }
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    matched = check(text, s, e, folded, matched);
    if (matched != all) {
      matched = pieces(text, folded, matched);
    }
    if (matched != all) {
      matched = words(text, folded, matched);
    }
    return matched;
  }

  private static boolean anyOccurs(String text, String[] folded, int matched) {
    for (int j = 0; j < folded.length; j++) {
      if ((matched & (1 << j)) != 0) {
        continue;
      }
      String keyword = folded[j];
      char first = keyword.charAt(0);
      for (int i = 0; i + keyword.length() <= text.length(); i++) {
        if (Fold.fold(text.charAt(i)) == first && Fold.regionEquals(text, i, keyword)) {
          return true;
        }
      }
    }
    return false;
  }

  private static int pieces(String text, String[] folded, int matched) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        matched = check(text, start, i, folded, matched);
        int a = start;
        int b = i;
        while (a < b && !Character.isLetterOrDigit(text.charAt(a))) {
          a++;
        }
        while (b > a && !Character.isLetterOrDigit(text.charAt(b - 1))) {
          b--;
        }
        if (a != start || b != i) {
          matched = check(text, a, b, folded, matched);
        }
      }
    }
    return matched;
  }

  private static int words(String text, String[] folded, int matched) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && !isWordChar(text.charAt(i))) {
        i++;
      }
      int start = i;
      boolean hyphen = false;
      while (i < n && isWordChar(text.charAt(i))) {
        hyphen |= text.charAt(i) == '-';
        i++;
      }
      matched = trimmedCheck(text, start, i, folded, matched);
      if (hyphen) {
        int part = start;
        for (int j = start; j <= i; j++) {
          if (j == i || text.charAt(j) == '-') {
            matched = trimmedCheck(text, part, j, folded, matched);
            part = j + 1;
          }
        }
      }
    }
    return matched;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
  }

  private static int trimmedCheck(String text, int a, int b, String[] folded, int matched) {
    while (a < b && (text.charAt(a) == '.' || text.charAt(a) == '-')) {
      a++;
    }
    while (b > a && (text.charAt(b - 1) == '.' || text.charAt(b - 1) == '-')) {
      b--;
    }
    return check(text, a, b, folded, matched);
  }

  private static int check(String text, int a, int b, String[] folded, int matched) {
    int len = b - a;
    if (len == 0 || len > MAX_LENGTH * 2) {
      return matched;
    }
    for (int j = 0; j < folded.length; j++) {
      if ((matched & (1 << j)) == 0
          && folded[j].length() == len
          && Fold.regionEquals(text, a, folded[j])) {
        matched |= 1 << j;
      }
    }
    return matched;
  }
}
