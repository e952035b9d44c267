package dev.oktair.events.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The word-at-a-time byte search agrees with a naive search, and refuses untrustworthy needles. */
class RawNeedleTest {
  /** Literals with the shapes that matter: dotted, one byte, two bytes, a quote, a slash, a space. */
  private static final String[] LITERALS = {"user.session.start", "a.b", "x", "ab", "needle", "a\"b", "a/b", "Okta Verify"};

  /** The literal as an event might spell it: as given or in upper case (the search ignores case). */
  private static String asWritten(Random random, String literal) {
    return random.nextBoolean() ? literal : literal.toUpperCase(java.util.Locale.ROOT);
  }

  @Test
  void findsTheSameFirstOccurrenceAsANaiveSearch() {
    Random random = new Random(7);
    String alphabet = "aAbB.\\u\"0é";
    for (int round = 0; round < 20_000; round++) {
      byte[] hay =
          randomText(random, alphabet, random.nextInt(40)).getBytes(StandardCharsets.UTF_8);
      String literal = randomText(random, "aAbB.u\"0", 1 + random.nextInt(4));
      RawNeedle needle = RawNeedle.of(literal);
      if (needle == null) {
        continue;
      }
      int off = hay.length == 0 ? 0 : random.nextInt(hay.length + 1);
      int len = random.nextInt(hay.length - off + 1);

      assertThat(needle.indexOf(hay, off, len))
          .as("'%s' in '%s' [%d,+%d)", literal, new String(hay, StandardCharsets.UTF_8), off, len)
          .isEqualTo(naiveIndexOf(hay, off, len, literal));
    }
  }

  @Test
  void findsOccurrencesAtTheEdgesOfLongWindows() {
    String pad = "x".repeat(37);
    byte[] hay = ("Needle" + pad + "NEEDLE" + pad + "needlE").getBytes(StandardCharsets.US_ASCII);
    RawNeedle needle = RawNeedle.of("needle");

    assertThat(needle.indexOf(hay, 0, hay.length)).isZero();
    assertThat(needle.indexOf(hay, 1, hay.length - 1)).isEqualTo(43);
    assertThat(needle.indexOf(hay, 44, hay.length - 44)).isEqualTo(hay.length - 6);
    assertThat(needle.indexOf(hay, 44, hay.length - 45)).isEqualTo(-1);
    assertThat(needle.indexOf(hay, 0, 5)).isEqualTo(-1);
  }

  /**
   * The one-pass search (two rare bytes and the backslash watched in the same words, eight
   * positions per step, then one) answers as the plain definition does: a
   * case-insensitive occurrence, or an escape that could spell the literal. Windows of every
   * length and alignment hit each stage's edges.
   */
  @Test
  void onePassAgreesWithSearchThenEscapeCheck() {
    Random random = new Random(11);
    for (int round = 0; round < 30_000; round++) {
      String literal = LITERALS[random.nextInt(LITERALS.length)];
      RawNeedle needle = RawNeedle.of(literal);
      String filler = random.nextInt(4) == 0 ? "xyz.\\u\"" : "xyz.:\" ,";
      StringBuilder text = new StringBuilder(randomText(random, filler, random.nextInt(60)));
      if (random.nextBoolean()) {
        String planted = asWritten(random, literal);
        text.insert(random.nextInt(text.length() + 1), planted);
      }
      byte[] hay = text.toString().getBytes(StandardCharsets.UTF_8);
      int off = random.nextInt(hay.length + 1);
      int len = random.nextInt(hay.length - off + 1);

      assertThat(needle.mayOccur(hay, off, len))
          .as("'%s' in '%s' [%d,+%d)", literal, text, off, len)
          .isEqualTo(naiveIndexOf(hay, off, len, literal) >= 0 || naiveEscapeMayHide(hay, off, len, literal));
    }
  }

  /**
   * The search across lines finds every line {@code mayOccur} says true for, whatever the lines,
   * the window and the literal (escapes, case, literals at line and word edges, no final LF).
   */
  @Test
  void searchingAcrossLinesFindsEveryLineItMayOccurIn() {
    Random random = new Random(14);
    for (int round = 0; round < 20_000; round++) {
      String literal = LITERALS[random.nextInt(LITERALS.length)];
      RawNeedle needle = RawNeedle.of(literal);
      byte[] hay = randomLines(random, literal, 120, 4);
      assertThat(linesSearched(needle::firstCandidate, needle::mayOccur, hay))
          .as("'%s' in '%s'", literal, new String(hay, StandardCharsets.UTF_8))
          .isEqualTo(linesPassed(needle::mayOccur, hay));
    }
  }

  /**
   * The search that counts the lines it passes over stops at the start of the line holding the
   * first occurrence or backslash that could hide one, having counted exactly the LFs before it,
   * whatever the window: LFs, escapes and occurrences fall on every side of the words it reads.
   */
  @Test
  void passingOverCountsTheLinesBeforeTheFirstCandidateLine() {
    Random random = new Random(21);
    for (int round = 0; round < 30_000; round++) {
      String literal = LITERALS[random.nextInt(LITERALS.length)];
      RawNeedle needle = RawNeedle.of(literal);
      byte[] hay = randomLines(random, literal, 200, 3);
      int from = random.nextInt(hay.length + 1);
      int to = from + random.nextInt(hay.length - from + 1);

      int first = naiveFirstCandidate(hay, from, to, literal);
      int lineStart = first;
      while (lineStart > from && lineStart < to && hay[lineStart - 1] != '\n') {
        lineStart--;
      }
      assertThat(needle.passOver(hay, from, to))
          .as("'%s' in '%s' [%d,%d)", literal, new String(hay, StandardCharsets.UTF_8), from, to)
          .isEqualTo(new dev.oktair.events.LinePredicate.PassedOver(lineStart, lfs(hay, from, lineStart)));
      assertThat(needle.firstCandidate(hay, from, to)).isEqualTo(lineStart < to ? lineStart : -1);
    }
  }

  /**
   * Returns random lines, shorter than {@code length} before up to {@code most - 1} copies of the
   * literal are planted: escapes in a quarter of them, else VTs, which a word search could take
   * for LFs.
   */
  private static byte[] randomLines(Random random, String literal, int length, int most) {
    String filler = random.nextInt(4) == 0 ? "xyz.\\u\"\n" : "xyz.:\" ,\n\n\u000b";
    return planted(random, literal, randomText(random, filler, random.nextInt(length)), most)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Returns {@code text} with up to {@code most - 1} copies of the literal, as an event might spell it, at random places. */
  private static String planted(Random random, String literal, String text, int most) {
    StringBuilder out = new StringBuilder(text);
    for (int k = random.nextInt(most); k > 0; k--) {
      out.insert(random.nextInt(out.length() + 1), asWritten(random, literal));
    }
    return out.toString();
  }

  /** The first offset in the window where the literal starts or a backslash could begin an escape hiding it, else its end. */
  private static int naiveFirstCandidate(byte[] hay, int from, int to, String literal) {
    boolean shortEscapes = literal.chars().anyMatch(c -> c == '"' || c == '\\' || c == '/' || c < 0x20);
    int found = naiveIndexOf(hay, from, to - from, literal);
    int stop = found < 0 ? to : found;
    for (int i = from; i < stop; i++) {
      if (hay[i] == '\\' && (shortEscapes || (i + 1 < to && hay[i + 1] == 'u'))) {
        return i;
      }
    }
    return stop;
  }

  private static int lfs(byte[] buf, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += buf[i] == '\n' ? 1 : 0;
    }
    return n;
  }

  /** A test on one line. */
  interface LineTest {
    boolean test(byte[] buf, int off, int len);
  }

  /** A search for the first candidate line. */
  interface Search {
    int first(byte[] buf, int from, int to);
  }

  /** Returns the numbers of the lines (LF-ended, the last perhaps not) that {@code test} passes, one by one. */
  static java.util.List<Integer> linesPassed(LineTest test, byte[] buf) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    int line = 0;
    for (int start = 0; start < buf.length; line++) {
      int end = start;
      while (end < buf.length && buf[end] != '\n') {
        end++;
      }
      if (test.test(buf, start, end - start)) {
        out.add(line);
      }
      start = end + 1;
    }
    return out;
  }

  /** Returns the numbers of the lines {@code test} passes among those {@code search} leads to, as a reader searches. */
  static java.util.List<Integer> linesSearched(Search search, LineTest test, byte[] buf) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    for (int start = 0; start < buf.length; ) {
      int c = search.first(buf, start, buf.length);
      if (c < 0) {
        break;
      }
      assertThat(c).isBetween(start, buf.length - 1);
      int lineStart = c;
      while (lineStart > start && buf[lineStart - 1] != '\n') {
        lineStart--;
      }
      int end = lineStart;
      while (end < buf.length && buf[end] != '\n') {
        end++;
      }
      if (test.test(buf, lineStart, end - lineStart)) {
        out.add(count(buf, lineStart));
      }
      start = end + 1;
    }
    return out;
  }

  private static int count(byte[] buf, int to) {
    int n = 0;
    for (int i = 0; i < to; i++) {
      n += buf[i] == '\n' ? 1 : 0;
    }
    return n;
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "16509", "-1.5", "5E+", "e", "e-", ".", "+3", "1.5e+3", "caf\u00e9"})
  void noNeedleForLiteralsThatCouldHideFromAByteSearch(String literal) {
    assertThat(RawNeedle.of(literal)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2.3.4", "2024-06-14", "2001:db8::1", "00u1alice", "1e3x", "a\"b", "x"})
  void needlesForEverythingElse(String literal) {
    assertThat(RawNeedle.of(literal)).isNotNull();
  }

  /** A backslash escape in the window that could spell a character of the literal. */
  private static boolean naiveEscapeMayHide(byte[] hay, int off, int len, String literal) {
    boolean shortEscapes = literal.chars().anyMatch(c -> c == '"' || c == '\\' || c == '/' || c < 0x20);
    for (int i = off; i < off + len; i++) {
      if (hay[i] == '\\') {
        if (shortEscapes || (i + 1 < off + len && hay[i + 1] == 'u')) {
          return true;
        }
        i++;
      }
    }
    return false;
  }

  private static int naiveIndexOf(byte[] hay, int off, int len, String literal) {
    String folded = Fold.fold(literal);
    outer:
    for (int i = off; i + folded.length() <= off + len; i++) {
      for (int k = 0; k < folded.length(); k++) {
        int b = hay[i + k] & 0xff;
        char c = b < 0x80 ? Fold.fold((char) b) : '\uffff';
        if (c != folded.charAt(k)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String randomText(Random random, String alphabet, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
