package dev.oktair.detect;

/**
 * Small, lossy tables of canonical strings, one per kind of value, filled by the parsing threads as
 * they prepare events ({@link Seen}): the logins, sessions and user agents of a case
 * repeat thousands of times, and when each event carries the same instance as the events before
 * it, the pass's maps on its one thread find a key by identity (no bytes compared, no cold string
 * read, the hash cached) and what it keeps points at long-lived strings rather than at the event's
 * (which would leave old state pointing at young objects for the collector to scan).
 *
 * <p>One table per kind: in one shared table the many values of one kind (a case's hundreds of
 * thousands of client IPs, or of sessions) took the slots of the few of another (its twenty
 * logins, its event types), which then were canonical on 2-8% of real-shaped events. Each value
 * may sit in either of two neighbouring slots, or in a third by its full hash when the two are
 * taken, so values whose slots collide mostly stay.
 *
 * <p>Client IPs have no table: their text is short, cheap to hash and compare, {@link Sources}
 * keys an IPv4 address by its bits, and on real-shaped events nearly every address is new, so a
 * table cost three probes and a write shared by the parsing threads per event, and found nothing.
 *
 * <p>Only an optimisation: a value that lost its slot to another is simply not canonical, and
 * everything still compares with {@code equals}. Bounded ({@value #SLOTS} strings a table) and
 * thread-safe: a slot is written with a plain store, which is safe for strings (immutable, final fields).
 */
final class Canon {
  static final Canon TYPES = new Canon();
  static final Canon LOGINS = new Canon();
  static final Canon AGENTS = new Canon();
  static final Canon DEVICES = new Canon();
  static final Canon SESSIONS = new Canon();
  /** Ids of users, apps and clients, and target ids: what a kept view ({@link Seen#kept}) holds beside the above. */
  static final Canon IDS = new Canon();
  /** Display names, AS organisations and scopes, for kept views. */
  static final Canon NAMES = new Canon();

  private static final int SLOTS = 1 << 14;
  private static final int SAMPLES = 16;

  private final String[] table = new String[SLOTS];

  private Canon() {}

  /**
   * Returns the canonical instance equal to {@code s}, or null; {@code s} becomes it when one of
   * its slots is free, else it takes its first slot.
   */
  String of(String s) {
    if (s == null) {
      return null;
    }
    int i = slot(sample(s));
    String c = table[i];
    if (c == null || c.equals(s)) {
      return c == null ? put(i, s) : c;
    }
    String d = table[i ^ 1];
    if (d == null || d.equals(s)) {
      return d == null ? put(i ^ 1, s) : d;
    }
    // values the sample cannot tell apart (user agents a version digit apart) get two more slots by the full hash
    int j = slot(s.hashCode());
    String f = table[j];
    if (f != null && f.equals(s)) {
      return f;
    }
    return put(f == null ? j : i, s);
  }

  private String put(int i, String s) {
    table[i] = s;
    return s;
  }

  private static int slot(int h) {
    return (h ^ h >>> 16) & (SLOTS - 1);
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
