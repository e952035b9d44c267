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
 * it), in columns of primitives rather than an object per address.
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

  /** IPv4 address bits, and the source number + 1 (0: empty slot). */
  private int[] v4Keys = new int[1 << 12];
  private int[] v4Values = new int[1 << 12];
  private int v4Count;
  /** Addresses that are not plain dotted IPv4 text (IPv6, odd values), to their numbers. */
  private final Map<String, Integer> others = new HashMap<>();

  private int size;
  private int[] bits = new int[1 << 10];
  /** The address of a source {@link #others} holds; null for IPv4, whose text is {@link #bits}. */
  private String[] text = new String[1 << 10];
  private byte[] flags = new byte[1 << 10];
  private long[] asn = new long[1 << 10];
  /** The first user of each source, and their span there; other users' spans are in {@link #otherSpans}. */
  private int[] firstUser = new int[1 << 10];
  private long[] firstSecond = new long[1 << 10];
  private int[] firstNano = new int[1 << 10];
  private long[] lastSecond = new long[1 << 10];
  private int[] lastNano = new int[1 << 10];
  private SessionSeen[] firstSession = new SessionSeen[1 << 10];
  private final Map<Long, Span> otherSpans = new HashMap<>();
  private final Map<Integer, Set<SessionSeen>> otherSessions = new HashMap<>();
  private final Map<Integer, Map<String, String>> apps = new HashMap<>();

  /** Returns the number of {@code ip} (not null), numbering it when new. */
  int of(String ip) {
    long v4 = v4(ip);
    if (v4 < 0) {
      Integer n = others.get(ip);
      if (n == null) {
        n = add(0, ip);
        others.put(ip, n);
      }
      return n;
    }
    int key = (int) v4;
    int mask = v4Keys.length - 1;
    for (int i = slot(key, mask); ; i = i + 1 & mask) {
      if (v4Values[i] == 0) {
        int n = add(key, null);
        v4Keys[i] = key;
        v4Values[i] = n + 1;
        if (++v4Count * 2 > v4Keys.length) {
          growTable();
        }
        return n;
      }
      if (v4Keys[i] == key) {
        return v4Values[i] - 1;
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
    int mask = v4Keys.length - 1;
    for (int i = slot(key, mask); v4Values[i] != 0; i = i + 1 & mask) {
      if (v4Keys[i] == key) {
        return v4Values[i] - 1;
      }
    }
    return NONE;
  }

  int size() {
    return size;
  }

  /** Returns the address of source {@code src}, as the events gave it. */
  String ip(int src) {
    if (text[src] != null) {
      return text[src];
    }
    int b = bits[src];
    return (b >>> 24) + "." + (b >>> 16 & 255) + "." + (b >>> 8 & 255) + "." + (b & 255);
  }

  void flag(int src) {
    flags[src] |= FLAGGED;
  }

  boolean flagged(int src) {
    return (flags[src] & FLAGGED) != 0;
  }

  /** Records {@code value} as the source's AS number unless it has one. */
  void asnUnlessKnown(int src, Long value) {
    if (value != null && asn[src] == NO_ASN) {
      asn[src] = value;
    }
  }

  /** Returns the source's first AS number, or null. */
  Long asn(int src) {
    return asn[src] == NO_ASN ? null : asn[src];
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

  /** Records that {@code session} was used from the source; returns false when it already was. */
  boolean join(int src, SessionSeen session) {
    SessionSeen first = firstSession[src];
    if (first == null || first == session) {
      firstSession[src] = session;
      return first == null;
    }
    return otherSessions.computeIfAbsent(src, k -> new HashSet<>(4)).add(session);
  }

  /**
   * Returns whether {@code user} is new at the source, making them its first user when it has none.
   * The first user's span is kept here ({@link #addTime}); another's is {@link #otherSpan}.
   */
  boolean claim(int src, int user) {
    if (firstUser[src] == NONE) {
      firstUser[src] = user;
      return true;
    }
    long key = key(src, user);
    if (firstUser[src] == user || otherSpans.containsKey(key)) {
      return false;
    }
    otherSpans.put(key, new Span());
    return true;
  }

  /** Returns true when {@code user} is the source's first user, whose span {@link #addTime} moves. */
  boolean first(int src, int user) {
    return firstUser[src] == user;
  }

  /** Returns the span of {@code user} at the source, other than its first user's ({@link #claim} made it). */
  Span otherSpan(int src, int user) {
    return otherSpans.get(key(src, user));
  }

  /** Moves the span of the source's first user on to {@code t}. */
  void addTime(int src, Instant t) {
    long s = t.getEpochSecond();
    int n = t.getNano();
    if (s < firstSecond[src] || s == firstSecond[src] && n < firstNano[src]) {
      firstSecond[src] = s;
      firstNano[src] = n;
    }
    if (s > lastSecond[src] || s == lastSecond[src] && n > lastNano[src]) {
      lastSecond[src] = s;
      lastNano[src] = n;
    }
  }

  /** Returns a copy of the span of {@code user} at the source (empty when they have no time there). */
  Span span(int src, int user) {
    if (firstUser[src] != user) {
      Span other = otherSpan(src, user);
      return other == null ? new Span() : other.copy();
    }
    Span s = new Span();
    if (firstSecond[src] != Long.MAX_VALUE) {
      s.add(Instant.ofEpochSecond(firstSecond[src], firstNano[src]));
      s.add(Instant.ofEpochSecond(lastSecond[src], lastNano[src]));
    }
    return s;
  }

  /** The hash slot of IPv4 bits: a multiplicative hash, as neighbouring addresses are common. */
  private static int slot(int key, int mask) {
    return (key * 0x9E3779B9 >>> 16 ^ key * 0x9E3779B9) & mask;
  }

  private static long key(int src, int user) {
    return (long) src << 32 | user & 0xffffffffL;
  }

  private int add(int v4, String ip) {
    if (size == bits.length) {
      grow();
    }
    int n = size++;
    bits[n] = v4;
    text[n] = ip;
    asn[n] = NO_ASN;
    firstUser[n] = NONE;
    firstSecond[n] = Long.MAX_VALUE;
    lastSecond[n] = Long.MIN_VALUE;
    return n;
  }

  private void grow() {
    int n = bits.length * 2;
    bits = Arrays.copyOf(bits, n);
    text = Arrays.copyOf(text, n);
    flags = Arrays.copyOf(flags, n);
    asn = Arrays.copyOf(asn, n);
    firstUser = Arrays.copyOf(firstUser, n);
    firstSecond = Arrays.copyOf(firstSecond, n);
    firstNano = Arrays.copyOf(firstNano, n);
    lastSecond = Arrays.copyOf(lastSecond, n);
    lastNano = Arrays.copyOf(lastNano, n);
    firstSession = Arrays.copyOf(firstSession, n);
  }

  private void growTable() {
    int[] keys = v4Keys;
    int[] values = v4Values;
    v4Keys = new int[keys.length * 2];
    v4Values = new int[keys.length * 2];
    int mask = v4Keys.length - 1;
    for (int j = 0; j < keys.length; j++) {
      if (values[j] != 0) {
        int i = slot(keys[j], mask);
        while (v4Values[i] != 0) {
          i = i + 1 & mask;
        }
        v4Keys[i] = keys[j];
        v4Values[i] = values[j];
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
