package dev.oktair.events.filter;

import dev.oktair.events.Bytes;
import dev.oktair.events.LinePredicate;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.regex.Pattern;

/**
 * An ASCII literal searched for, case-insensitively, in the raw bytes of one JSONL line: the
 * prefilter that lets a reader skip parsing lines that certainly cannot match.
 *
 * <p>It is exact in one direction only: {@link #mayOccur} returns false only when no JSON string or
 * scalar in the line can contain the literal. Three things could hide a literal from a byte search,
 * and each is handled: a {@code \}{@code uXXXX} escape anywhere in the line (it can spell any
 * character) makes it answer true; so does any backslash when the literal itself holds a character
 * JSON writes with a short escape ({@code " \ /} or a control character); and numbers, whose text
 * Jackson may write differently from the raw bytes ({@code 1e3} reads as {@code 1E+3}, {@code
 * 165090e-1} as {@code 16509.0}), so a literal that could be part of a number's text ({@code
 * 16509}, {@code 5E+}, but not {@code 1.2.3.4}) gets no needle at all. Non-ASCII literals get none
 * either. Immutable and thread-safe; searching allocates nothing and probes eight positions at a
 * time for the needle's two rarest bytes (by their frequency in real System Log JSON) together, so
 * that few candidates need checking in full.
 */
final class RawNeedle {
  /** Every substring of a number as Jackson writes it: {@code -12.50E+3}, {@code 16509}. */
  private static final Pattern NUMBER_PART =
      Pattern.compile("-?[0-9]*(?:\\.[0-9]*)?(?:[eE][+-]?[0-9]*)?|\\+[0-9]*");

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long BACKSLASHES = ONES * '\\';
  private static final long US = ONES * 'u';
  private static final long NEWLINES = ONES * '\n';
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
  /** No candidate in a word: above every offset. */
  private static final int NONE = Integer.MAX_VALUE;
  /** The flag of a word's last byte, whose follower lies in the next word. */
  private static final long LAST_BYTE = 0x8000000000000000L;

  /**
   * Folded ASCII bytes from most to least frequent in Okta System Log JSONL (measured on the shared
   * sample events); bytes not listed are rarer still.
   */
  private static final String BY_FREQUENCY =
      "\" etai:onsr,cldupmg.y102}{hbfvx3/54-wk9768_zq\\][)(j@;=?&%+'~|`^";

  private final String text;
  private final byte[] folded;
  private final byte[] caseMask;
  /** The needle's rarest byte: where single-byte scans anchor. */
  private final int anchor;
  /** The two rarest positions ({@code lo <= hi}; equal for a one-byte needle), probed together. */
  private final int lo;
  private final int hi;
  private final long loPattern;
  private final long loCaseBits;
  private final long hiPattern;
  private final long hiCaseBits;
  private final boolean shortEscapeCanHide;
  /**
   * Where the word loops watch for escapes, all flags when any backslash could hide the literal,
   * else none: then only a backslash followed by {@code u} is flagged ({@link #escapes}), and the
   * many plain escapes of real events ({@code \"} in embedded JSON) cost nothing.
   */
  private final long anyBackslash;

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
    this.anchor = rarest(folded, -1);
    int second = n == 1 ? anchor : rarest(folded, anchor);
    this.lo = Math.min(anchor, second);
    this.hi = Math.max(anchor, second);
    this.loPattern = ONES * folded[lo];
    this.loCaseBits = ONES * caseMask[lo];
    this.hiPattern = ONES * folded[hi];
    this.hiCaseBits = ONES * caseMask[hi];
    this.shortEscapeCanHide = escapable;
    this.anyBackslash = escapable ? HIGHS : 0L;
  }

  /** Returns the needle for {@code literal}, or null when a byte search could not be trusted. */
  static RawNeedle of(String literal) {
    for (int i = 0; i < literal.length(); i++) {
      if (literal.charAt(i) >= 0x80) {
        return null;
      }
    }
    return NUMBER_PART.matcher(literal).matches() ? null : new RawNeedle(literal);
  }

  /** Returns the position of the rarest byte, other than position {@code except}. */
  private static int rarest(byte[] bytes, int except) {
    int best = 0;
    int bestRank = -1;
    for (int i = 0; i < bytes.length; i++) {
      if (i == except) {
        continue;
      }
      int rank = BY_FREQUENCY.indexOf(bytes[i]);
      rank = rank < 0 ? Integer.MAX_VALUE : rank;
      if (rank > bestRank) {
        best = i;
        bestRank = rank;
      }
    }
    return best;
  }

  /** Returns the literal searched for. */
  String text() {
    return text;
  }

  /**
   * Returns false only when the literal certainly occurs in no decoded value of the line.
   *
   * <p>One pass, eight needle starts at a time: a start is a candidate when both of the needle's
   * two rarest bytes sit where they should, and the same words are watched for escapes ({@link
   * #escapes}: a backslash followed by {@code u}, or any backslash for a literal JSON writes with
   * a short escape). Lines without such (nearly all, even those of embedded JSON full of {@code
   * \"}) are thus read once; at the first, the exact escape check takes over, from the line's start.
   */
  boolean mayOccur(byte[] buf, int off, int len) {
    int end = off + len;
    int m = folded.length;
    int s = off;
    // Backslashes are watched in the words at s + lo; the few bytes before the first are checked here.
    for (int i = off, stop = Math.min(off + lo, end); i < stop; i++) {
      if (buf[i] == '\\') {
        return escapeMayHide(buf, i, end - i) || indexOf(buf, off, len) >= 0;
      }
    }
    for (int lastWord = end - hi - 8; s <= lastWord; s += 8) {
      long first = (long) LONGS.get(buf, s + lo);
      // A byte of pair is zero only where both rare bytes sit at their places.
      long hits = zeros(pair(first, (long) LONGS.get(buf, s + hi)));
      long backslashes = escapes(first);
      if ((hits | backslashes) == 0) {
        continue;
      }
      // Flags above a true zero byte may be false; every flag is verified, and none is missed.
      for (; hits != 0; hits &= hits - 1) {
        int at = s + Bytes.firstFlagged(hits);
        if (at <= end - m && matchesAt(buf, at)) {
          return true;
        }
      }
      if (backslashes != 0) {
        // Some backslash before here may be a plain escape, and some escape may not be flagged:
        // the exact check, from the line's start, decides.
        return escapeMayHide(buf, off, len) || indexOf(buf, s, end - s) >= 0;
      }
    }
    for (int i = Math.min(s + lo, end); i < end; i++) {
      if (buf[i] == '\\') {
        // not always the line's first backslash (plain ones pass the word loop): check from the start
        return escapeMayHide(buf, off, len) || indexOf(buf, s, end - s) >= 0;
      }
    }
    return indexOf(buf, s, end - s) >= 0;
  }

  /**
   * Returns an offset within the first of the lines of {@code buf[from, to)} that holds the literal
   * or a backslash that could begin an escape hiding it (any backslash when the literal holds a
   * character JSON writes with a short escape, else one followed by {@code u}), or -1 when none
   * does: every line before it is one {@link #mayOccur} rules out, as it says true only for a line
   * holding the literal or such an escape. See {@link #passOver}.
   */
  int firstCandidate(byte[] buf, int from, int to) {
    int lineStart = (int) scan(buf, from, to);
    return lineStart < to ? lineStart : -1;
  }

  /**
   * Returns where the line {@link #firstCandidate} names starts ({@code to} when it names none),
   * with the LFs before it, counted in the same pass: the search reads every byte once, and the
   * lines passed over need no second pass to be counted.
   */
  LinePredicate.PassedOver passOver(byte[] buf, int from, int to) {
    long found = scan(buf, from, to);
    return new LinePredicate.PassedOver((int) found, (int) (found >>> 32));
  }

  /**
   * The search of {@link #passOver}: returns the line start in the low half, the LFs before it in
   * the high half (nothing allocated for {@link #firstCandidate}).
   *
   * <p>Eight needle starts at a time: a start is a candidate when both of the needle's two rarest
   * bytes sit where they should; the same words (those at {@code s + lo}) are watched for a
   * backslash or an LF. Nearly every word has none of the three, and costs a few operations with
   * one branch; the rest are checked exactly, in order ({@link #candidateIn}).
   */
  private long scan(byte[] buf, int from, int to) {
    int lfs = 0;
    int lineStart = from;
    // The watched words start at from + lo; the few bytes before the first are read here.
    for (int i = from, stop = Math.min(from + lo, to); i < stop; i++) {
      if (buf[i] == '\n') {
        lfs++;
        lineStart = i + 1;
      } else if (buf[i] == '\\' && escapeAt(buf, i, to)) {
        return found(lineStart, lfs);
      }
    }
    int s = from;
    for (int lastWord = to - hi - 8; s <= lastWord; s += 8) {
      long first = (long) LONGS.get(buf, s + lo);
      long pair = pair(first, (long) LONGS.get(buf, s + hi));
      long back = first ^ BACKSLASHES;
      long lf = first ^ NEWLINES;
      if ((((pair - ONES) & ~pair | (back - ONES) & ~back | (lf - ONES) & ~lf) & HIGHS) == 0) {
        continue;
      }
      int at = candidateIn(buf, s, first, zeros(pair), to);
      // LFs in the watched word before the candidate (a needle start below it has none after it)
      long lfFlags = exactZeros(lf) & below(at - (s + lo));
      if (lfFlags != 0) {
        lfs += Long.bitCount(lfFlags);
        lineStart = s + lo + ((63 - Long.numberOfLeadingZeros(lfFlags)) >>> 3) + 1;
      }
      if (at != NONE) {
        return found(lineStart, lfs);
      }
    }
    // The last needle starts, and the bytes after the last watched word.
    int needle = s <= to - folded.length ? indexOf(buf, s, to - s) : -1;
    for (int i = s + lo, stop = needle < 0 ? to : needle; i < stop; i++) {
      if (buf[i] == '\n') {
        lfs++;
        lineStart = i + 1;
      } else if (buf[i] == '\\' && escapeAt(buf, i, to)) {
        return found(lineStart, lfs);
      }
    }
    return found(needle < 0 ? to : lineStart, lfs);
  }

  private static long found(int lineStart, int lfs) {
    return (long) lfs << 32 | lineStart;
  }

  /**
   * Returns the lowest candidate among needle starts {@code s .. s + 7} (flagged in {@code pairs},
   * possibly falsely above a true flag) and the backslashes of the watched word {@code first} (at
   * {@code s + lo}) that could begin a hiding escape, or {@link #NONE}.
   */
  private int candidateIn(byte[] buf, int s, long first, long pairs, int to) {
    int best = NONE;
    for (long hits = pairs; hits != 0; hits &= hits - 1) {
      int at = s + Bytes.firstFlagged(hits);
      if (at <= to - folded.length && matchesAt(buf, at)) {
        best = at;
        break;
      }
    }
    for (long backs = zeros(first ^ BACKSLASHES); backs != 0; backs &= backs - 1) {
      int q = s + lo + Bytes.firstFlagged(backs);
      if (q >= best) {
        break;
      }
      if (buf[q] == '\\' && escapeAt(buf, q, to)) {
        return q;
      }
    }
    return best;
  }

  /** Flags each zero byte of {@code x} in its high bit, exactly (no false flag above a true one). */
  private static long exactZeros(long x) {
    return ~(((x & LOWS) + LOWS) | x) & HIGHS;
  }

  /** Returns a mask of the word's bytes below byte {@code k} (none when k is negative, all from 8). */
  private static long below(int k) {
    return k <= 0 ? 0L : k >= 8 ? -1L : (1L << (k << 3)) - 1;
  }

  /** Returns true when the backslash at {@code i} could begin an escape that spells part of the literal. */
  private boolean escapeAt(byte[] buf, int i, int to) {
    return shortEscapeCanHide || (i + 1 < to && buf[i + 1] == 'u');
  }

  /** Flags each zero byte of {@code x} in its high bit: the lowest flag is exact, higher ones may be false. */
  private static long zeros(long x) {
    return (x - ONES) & ~x & HIGHS;
  }

  /** Returns the offset of the first ASCII-case-insensitive occurrence, or -1. */
  int indexOf(byte[] buf, int off, int len) {
    // p walks the offsets where the anchor byte would sit if the needle started at p - anchor
    int p = off + anchor;
    int lastP = off + len - folded.length + anchor;
    byte anchorByte = folded[anchor];
    int anchorMask = caseMask[anchor];
    long anchorPattern = ONES * anchorByte;
    long anchorCaseBits = ONES * anchorMask;
    while (p <= lastP) {
      if (p + 8 <= lastP + 1) {
        long hits = zeros(((long) LONGS.get(buf, p) | anchorCaseBits) ^ anchorPattern);
        if (hits == 0) {
          p += 8;
          continue;
        }
        p += Bytes.firstFlagged(hits); // the lowest flagged byte is a true hit
      } else if ((buf[p] | anchorMask) != anchorByte) {
        p++;
        continue;
      }
      if (matchesAt(buf, p - anchor)) {
        return p - anchor;
      }
      p++;
    }
    return -1;
  }

  private boolean matchesAt(byte[] buf, int at) {
    for (int k = 0; k < folded.length; k++) {
      if ((buf[at + k] | caseMask[k]) != folded[k]) {
        return false;
      }
    }
    return true;
  }

  /** Returns true when the line holds an escape that could spell (part of) the literal. */
  private boolean escapeMayHide(byte[] buf, int off, int len) {
    int end = off + len;
    int i = off;
    while (i < end) {
      if (i + 8 <= end) {
        long hits = zeros((long) LONGS.get(buf, i) ^ BACKSLASHES);
        if (hits == 0) {
          i += 8;
          continue;
        }
        i += Bytes.firstFlagged(hits);
      } else if (buf[i] != '\\') {
        i++;
        continue;
      }
      if (shortEscapeCanHide || (i + 1 < end && buf[i + 1] == 'u')) {
        return true;
      }
      i += 2; // skip the escaped character: in \\u the u is a plain letter
    }
    return false;
  }

  /**
   * Flags the bytes of {@code word} where an escape that could hide the literal may start: each
   * backslash when any could, else each followed by {@code u} (and one in the last byte, whose
   * follower is in the next word). From the word alone, with no further read: a flag is a
   * candidate only, each is verified, and none is missed (a true zero byte is always flagged).
   */
  private long escapes(long word) {
    return zeros(word ^ BACKSLASHES) & (zeros((word >>> 8) ^ US) | LAST_BYTE | anyBackslash);
  }

  /**
   * Returns the word whose bytes are zero exactly where both rare bytes of the literal sit at their
   * places from some start {@code s}, given the words at {@code s + lo} and {@code s + hi}, case
   * folded. Small enough for the C1 compiler to inline.
   */
  private long pair(long atLo, long atHi) {
    return ((atLo | loCaseBits) ^ loPattern) | ((atHi | hiCaseBits) ^ hiPattern);
  }
}
