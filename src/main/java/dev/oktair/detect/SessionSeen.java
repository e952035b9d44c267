package dev.oktair.detect;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The addresses a session was used from, and the first of them (kept by {@link Infra}; not
 * thread-safe): each address's one {@link Infra.Source}, compared by identity.
 */
final class SessionSeen {
  final Infra.Source first;
  /** The addresses in first-use order: a session has one to a few, so an array scanned beats a set per session. */
  private Infra.Source[] ips;
  private int size = 1;

  SessionSeen(Infra.Source first) {
    this.first = first;
    this.ips = new Infra.Source[] {first};
  }

  /** Past this many addresses (a roaming phone, a replay farm) a set keeps them. */
  private static final int FEW = 16;
  private Set<Infra.Source> many;

  void add(Infra.Source ip) {
    if (many != null) {
      many.add(ip);
      return;
    }
    for (int i = size - 1; i >= 0; i--) {
      if (ips[i] == ip) {
        return;
      }
    }
    if (size == FEW) {
      many = new LinkedHashSet<>(Arrays.asList(ips));
      many.add(ip);
      return;
    }
    if (size == ips.length) {
      ips = Arrays.copyOf(ips, Math.min(size * 2, FEW));
    }
    ips[size++] = ip;
  }

  Iterable<Infra.Source> sources() {
    return many != null ? many : Arrays.asList(ips).subList(0, size);
  }
}
