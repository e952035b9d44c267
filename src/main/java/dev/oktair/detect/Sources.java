package dev.oktair.detect;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The client IPs one pass saw, numbered from 0 in order of first use, and what the pass knows of
 * each (flagged, first AS number, apps reached, each user's span there, the sessions used from
 * it, by number), in columns of primitives rather than an object per address.
 *
 * <p>Why columns: on real-shaped events 587k of 635k events bring a new address. An object per
 * address with its span, map entry and address string lived until the pass ended, and the
 * collector copied each of those objects several times on the way to the old generation: that
 * copying was the largest cost of the pass. An IPv4 address here is its 32 bits in an
 * open-addressing table, and a source's first user's span (an address mostly serves one user)
 * four primitives; only what is rare (other addresses, other users, apps, other sessions) goes
 * in maps. Not thread-safe.
 */
final class Sources {
  static final int NONE = -1;
  private static final long NO_ASN = Long.MIN_VALUE;
  private static final int FLAGGED = 1;

  /**
   * The columns live in pages of {@value #PAGE} sources, each source's ints side by side and its
   * longs side by side: a new source touches two cache lines, and growth allocates a page rather
   * than copying (and zeroing, and faulting in) every column twice over. A page is small enough
   * (under 200 KB) never to be a humongous object, whatever the heap.
   */
  private static final int PAGE_BITS = 13;
  private static final int PAGE = 1 << PAGE_BITS;
  private static final int INTS = 6;
  private static final int BITS = 0;
  private static final int FIRST_USER = 1;
  /** The number + 1 of the first session used from the source (0: none); others are in {@link #joined}. */
  private static final int FIRST_SESSION = 2;
  private static final int FIRST_NANO = 3;
  private static final int LAST_NANO = 4;
  private static final int FLAGS = 5;
  private static final int LONGS = 3;
  private static final int ASN = 0;
  private static final int FIRST_SECOND = 1;
  private static final int LAST_SECOND = 2;

  /** IPv4 address bits and the source number + 1 (0: empty slot), side by side. */
  private int[] v4Table = new int[2 << 12];
  private int v4Count;
  /** Addresses that are not plain dotted IPv4 text (IPv6, odd values), to their numbers, and back. */
  private final Map<String, Integer> others = new HashMap<>();
  private final Map<Integer, String> otherText = new HashMap<>();

  private int size;
  private int[][] ints = new int[8][];
  private long[][] longs = new long[8][];
  /** The spans of users other than a source's first, by source and user ({@link #key}). */
  private final Map<Long, Span> otherSpans = new HashMap<>();
  /** Sessions other than a source's first used from it, by source and session ({@link #key}). */
  private final Set<Long> joined = new HashSet<>();
  private final Map<Integer, Map<String, String>> apps = new HashMap<>();

  /** Returns the number of {@code ip} (not null), numbering it when new. */
  int of(String ip) {
    return of(ip, v4(ip));
  }

  /** As {@link #of(String)}, given {@code v4}, the address's {@link #v4} bits, read beforehand. */
  int of(String ip, long v4) {
    if (v4 < 0) {
      Integer n = others.get(ip);
      if (n == null) {
        n = add(0);
        others.put(ip, n);
        otherText.put(n, ip);
      }
      return n;
    }
    int key = (int) v4;
    int mask = v4Table.length / 2 - 1;
    for (int i = slot(key, mask); ; i = i + 1 & mask) {
      if (v4Table[2 * i + 1] == 0) {
        int n = add(key);
        v4Table[2 * i] = key;
        v4Table[2 * i + 1] = n + 1;
        // at three quarters full: linear probing over adjacent pairs stays within a cache line or two,
        // and each doubling allocates, zeroes and faults in the whole table
        if (++v4Count * 8 > v4Table.length * 3) {
          growTable();
        }
        return n;
      }
      if (v4Table[2 * i] == key) {
        return v4Table[2 * i + 1] - 1;
      }
    }
  }

  /** Returns the number of {@code ip}, or {@link #NONE} when the pass has not seen it. */
  int find(String ip) {
    long v4 = v4(ip);
    if (v4 < 0) {
      Integer n = others.get(ip);
      return n == null ? NONE : n;
    }
    int key = (int) v4;
    int mask = v4Table.length / 2 - 1;
    for (int i = slot(key, mask); v4Table[2 * i + 1] != 0; i = i + 1 & mask) {
      if (v4Table[2 * i] == key) {
        return v4Table[2 * i + 1] - 1;
      }
    }
    return NONE;
  }

  int size() {
    return size;
  }

  /** Returns the address of source {@code src}, as the events gave it. */
  String ip(int src) {
    String text = otherText.get(src);
    if (text != null) {
      return text;
    }
    int b = getInt(src, BITS);
    return (b >>> 24) + "." + (b >>> 16 & 255) + "." + (b >>> 8 & 255) + "." + (b & 255);
  }

  void flag(int src) {
    setInt(src, FLAGS, getInt(src, FLAGS) | FLAGGED);
  }

  boolean flagged(int src) {
    return (getInt(src, FLAGS) & FLAGGED) != 0;
  }

  /** Records {@code value} as the source's AS number unless it has one. */
  void asnUnlessKnown(int src, Long value) {
    if (value != null && getLong(src, ASN) == NO_ASN) {
      setLong(src, ASN, value);
    }
  }

  /** Returns the source's first AS number, or null. */
  Long asn(int src) {
    long asn = getLong(src, ASN);
    return asn == NO_ASN ? null : asn;
  }

  /** Returns the apps reached from the source (not null), made when new. */
  Map<String, String> apps(int src) {
    return apps.computeIfAbsent(src, k -> new HashMap<>(4));
  }

  /** Hands {@code use} each source that reached an app. */
  void withApps(IntConsumer use) {
    apps.keySet().forEach(use::accept);
  }

  /** Returns the apps reached from the source, or null. */
  Map<String, String> appsOrNull(int src) {
    return apps.get(src);
  }

  /** Records that session number {@code session} was used from the source; returns false when it already was. */
  boolean join(int src, int session) {
    int first = getInt(src, FIRST_SESSION) - 1;
    if (first == NONE) {
      setInt(src, FIRST_SESSION, session + 1);
      return true;
    }
    return first != session && joined.add(key(src, session));
  }

  /** Hands {@code use} each source and session number used from it. */
  void memberships(Membership use) {
    for (int src = 0; src < size; src++) {
      int first = getInt(src, FIRST_SESSION) - 1;
      if (first != NONE) {
        use.accept(src, first);
      }
    }
    for (long key : joined) {
      use.accept((int) (key >>> 32), (int) key);
    }
  }

  /** A source and a session used from it. */
  @FunctionalInterface
  interface Membership {
    void accept(int src, int session);
  }

  /**
   * Returns whether user number {@code user} is new at the source, making them its first user when
   * it has none. The first user's span is kept here ({@link #addTime}); another's is {@link #otherSpan}.
   */
  boolean claim(int src, int user) {
    int first = getInt(src, FIRST_USER);
    if (first == NONE) {
      setInt(src, FIRST_USER, user);
      return true;
    }
    long key = key(src, user);
    if (first == user || otherSpans.containsKey(key)) {
      return false;
    }
    otherSpans.put(key, new Span());
    return true;
  }

  /** Returns true when {@code user} is the source's first user, whose span {@link #addTime} moves. */
  boolean first(int src, int user) {
    return getInt(src, FIRST_USER) == user;
  }

  /** Returns the span of {@code user} at the source, other than its first user's ({@link #claim} made it). */
  Span otherSpan(int src, int user) {
    return otherSpans.get(key(src, user));
  }

  /** Moves the span of the source's first user on to {@code t}. */
  void addTime(int src, Instant t) {
    long s = t.getEpochSecond();
    int n = t.getNano();
    long first = getLong(src, FIRST_SECOND);
    if (s < first || s == first && n < getInt(src, FIRST_NANO)) {
      setLong(src, FIRST_SECOND, s);
      setInt(src, FIRST_NANO, n);
    }
    long last = getLong(src, LAST_SECOND);
    if (s > last || s == last && n > getInt(src, LAST_NANO)) {
      setLong(src, LAST_SECOND, s);
      setInt(src, LAST_NANO, n);
    }
  }

  /** Returns a copy of the span of {@code user} at the source (empty when they have no time there). */
  Span span(int src, int user) {
    if (!first(src, user)) {
      Span other = otherSpan(src, user);
      return other == null ? new Span() : other.copy();
    }
    Span s = new Span();
    if (getLong(src, FIRST_SECOND) != Long.MAX_VALUE) {
      s.add(Instant.ofEpochSecond(getLong(src, FIRST_SECOND), getInt(src, FIRST_NANO)));
      s.add(Instant.ofEpochSecond(getLong(src, LAST_SECOND), getInt(src, LAST_NANO)));
    }
    return s;
  }

  private int getInt(int src, int field) {
    return ints[src >>> PAGE_BITS][(src & PAGE - 1) * INTS + field];
  }

  private void setInt(int src, int field, int value) {
    ints[src >>> PAGE_BITS][(src & PAGE - 1) * INTS + field] = value;
  }

  private long getLong(int src, int field) {
    return longs[src >>> PAGE_BITS][(src & PAGE - 1) * LONGS + field];
  }

  private void setLong(int src, int field, long value) {
    longs[src >>> PAGE_BITS][(src & PAGE - 1) * LONGS + field] = value;
  }

  /** The hash slot of IPv4 bits: a multiplicative hash, as neighbouring addresses are common. */
  private static int slot(int key, int mask) {
    int h = key * 0x9E3779B9;
    return (h ^ h >>> 16) & mask;
  }

  private static long key(int src, int other) {
    return (long) src << 32 | other & 0xffffffffL;
  }

  private int add(int v4) {
    int n = size++;
    int page = n >>> PAGE_BITS;
    if ((n & PAGE - 1) == 0) {
      if (page == ints.length) {
        ints = Arrays.copyOf(ints, page * 2);
        longs = Arrays.copyOf(longs, page * 2);
      }
      ints[page] = new int[PAGE * INTS];
      longs[page] = new long[PAGE * LONGS];
    }
    setInt(n, BITS, v4);
    setInt(n, FIRST_USER, NONE);
    setLong(n, ASN, NO_ASN);
    setLong(n, FIRST_SECOND, Long.MAX_VALUE);
    setLong(n, LAST_SECOND, Long.MIN_VALUE);
    return n;
  }

  private void growTable() {
    int[] old = v4Table;
    v4Table = new int[old.length * 2];
    int mask = v4Table.length / 2 - 1;
    for (int j = 0; j < old.length; j += 2) {
      if (old[j + 1] != 0) {
        int i = slot(old[j], mask);
        while (v4Table[2 * i + 1] != 0) {
          i = i + 1 & mask;
        }
        v4Table[2 * i] = old[j];
        v4Table[2 * i + 1] = old[j + 1];
      }
    }
  }

  /**
   * Returns the 32 bits of {@code ip} when it is dotted IPv4 text exactly as its bits print (no
   * leading zeros, no spaces), else -1: such text is kept as given, so no two spellings meet.
   */
  static long v4(String ip) {
    int n = ip.length();
    if (n < 7 || n > 15) {
      return -1;
    }
    long out = 0;
    int part = 0;
    int digits = 0;
    int dots = 0;
    for (int i = 0; i < n; i++) {
      char c = ip.charAt(i);
      if (c == '.') {
        if (digits == 0 || ++dots > 3) {
          return -1;
        }
        out = out << 8 | part;
        part = 0;
        digits = 0;
      } else if (c >= '0' && c <= '9') {
        if (digits > 0 && part == 0) {
          return -1;
        }
        part = part * 10 + (c - '0');
        if (++digits > 3 || part > 255) {
          return -1;
        }
      } else {
        return -1;
      }
    }
    return dots == 3 && digits > 0 ? out << 8 | part : -1;
  }
}
