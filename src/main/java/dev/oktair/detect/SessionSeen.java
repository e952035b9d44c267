package dev.oktair.detect;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The client IPs a session was used from, as {@link Sources} numbers in first-use order, and the
 * first of them (kept by {@link Infra}; not thread-safe). Each source knows the sessions it joined
 * ({@link Sources#join}), so adding a new address to a session hashes nothing: on real-shaped
 * events a session is replayed from tens of thousands of new addresses, and a set per session
 * cost a quarter of the pass's thread.
 */
final class SessionSeen {
  /** The session's number, unique in its pass: what {@link Sources#join} records. */
  final int number;
  final int first;
  private int[] sources;
  private int size = 1;

  SessionSeen(Sources table, int number, int first) {
    this.number = number;
    this.first = first;
    this.sources = new int[] {first};
    table.join(first, number);
  }

  void add(Sources table, int src) {
    if (!table.join(src, number)) {
      return;
    }
    if (size == sources.length) {
      sources = Arrays.copyOf(sources, size * 2);
    }
    sources[size++] = src;
  }

  /** Returns true when a source of the session passes {@code test}. */
  boolean any(IntPredicate test) {
    for (int i = 0; i < size; i++) {
      if (test.test(sources[i])) {
        return true;
      }
    }
    return false;
  }

  /** Returns the session's sources in first-use order (a copy). */
  int[] sources() {
    return Arrays.copyOf(sources, size);
  }
}
