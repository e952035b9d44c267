package dev.oktair.detect;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** The addresses a session was used from, and the first of them (kept by {@link Infra}; not thread-safe). */
final class SessionSeen {
  final String firstIp;
  /** The addresses in first-use order: a session has one to a few, so an array scanned beats a set per session. */
  private String[] ips;
  private int size = 1;

  SessionSeen(String firstIp) {
    this.firstIp = firstIp;
    this.ips = new String[] {firstIp};
  }

  /** Past this many addresses (a roaming phone, a replay farm) a set keeps them. */
  private static final int FEW = 16;
  private Set<String> many;

  void add(String ip) {
    if (many != null) {
      many.add(ip);
      return;
    }
    for (int i = size - 1; i >= 0; i--) {
      if (ips[i].equals(ip)) {
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

  Iterable<String> ips() {
    return many != null ? many : Arrays.asList(ips).subList(0, size);
  }
}
