package dev.oktair.detect;

import java.util.Arrays;

/**
 * The addresses a session was used from, in first-use order, and the first of them (kept by
 * {@link Infra}; not thread-safe). Each address's one {@link Infra.Source} knows the sessions it
 * joined, so adding a new address to a session hashes nothing: on real-shaped events a session
 * is replayed from tens of thousands of new addresses, and a set per session cost a quarter of the
 * pass's thread.
 */
final class SessionSeen {
  final Infra.Source first;
  private Infra.Source[] sources;
  private int size = 1;

  SessionSeen(Infra.Source first) {
    this.first = first;
    this.sources = new Infra.Source[] {first};
    first.join(this);
  }

  void add(Infra.Source src) {
    if (!src.join(this)) {
      return;
    }
    if (size == sources.length) {
      sources = Arrays.copyOf(sources, size * 2);
    }
    sources[size++] = src;
  }

  Iterable<Infra.Source> sources() {
    return Arrays.asList(sources).subList(0, size);
  }
}
