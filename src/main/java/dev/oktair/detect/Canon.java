package dev.oktair.detect;

/**
 * A small, lossy table of canonical strings, filled by the parsing threads as they prepare events
 * ({@link Seen}): the logins, addresses, sessions and user agents of a case repeat thousands of
 * times, and when each event carries the same instance as the events before it, the pass's maps
 * on its one thread find a key by identity (no bytes compared, no cold string read) and what it
 * keeps points at long-lived strings rather than at the event's (which would leave old state
 * pointing at young objects for the collector to scan).
 *
 * <p>Only an optimisation: a value that lost its slot to another is simply not canonical, and
 * everything still compares with {@code equals}. Bounded ({@value #SLOTS} strings) and thread-safe:
 * a slot is written with a plain store, which is safe for strings (immutable, final fields).
 */
final class Canon {
  private static final int SLOTS = 1 << 14;
  private static final String[] TABLE = new String[SLOTS];
  private static final int SAMPLES = 16;

  private Canon() {}

  /** Returns the canonical instance equal to {@code s} (making {@code s} it when its slot is free or stale), or null. */
  static String of(String s) {
    if (s == null) {
      return null;
    }
    int h = sample(s);
    int i = (h ^ h >>> 16) & (SLOTS - 1);
    String c = TABLE[i];
    if (c != null && c.equals(s)) {
      return c;
    }
    TABLE[i] = s;
    return s;
  }

  /**
   * A slot hash over at most about {@value #SAMPLES} of the characters, from the last back: a
   * fresh string's {@link String#hashCode} reads all of them (a user agent has over a hundred),
   * one at a time, for each event; the canonical instance computes its own once, for the maps.
   */
  private static int sample(String s) {
    int n = s.length();
    int step = Math.max(1, n / SAMPLES);
    int h = n;
    for (int i = n - 1; i >= 0; i -= step) {
      h = 31 * h + s.charAt(i);
    }
    return h;
  }

}
