package dev.oktair.detect;

import java.util.Arrays;

/**
 * Dense ids for strings, in the order each was first given ({@code null} is id 0): an open-addressing
 * table of ints over an array of the strings, so an entry costs no node and no boxed id. A pass keeps
 * one entry per distinct value for as long as it runs, and with a map each of those objects would be
 * copied by the collector again and again (see {@link KeptViews}). The first instance given is the one
 * returned: {@link Canon canonical} strings, which the pass mostly gives, are found by identity and
 * have their hash cached. Not thread-safe.
 */
final class StringIds {
  private String[] strings = new String[16];
  private int[] hashes = new int[16];
  /** Ids by slot; 0 is a free slot. */
  private int[] table = new int[32];
  private int size = 1;

  /** Returns the id of {@code s}, giving it the next one when it has none yet. */
  int id(String s) {
    if (s == null) {
      return 0;
    }
    int h = s.hashCode();
    int mask = table.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      int id = table[i];
      if (id == 0) {
        return add(i, s, h);
      }
      String t = strings[id];
      if (t == s || hashes[id] == h && t.equals(s)) {
        return id;
      }
    }
  }

  /** Returns the string of {@code id} (null for 0). */
  String string(int id) {
    return strings[id];
  }

  /** Returns one more than the highest id given. */
  int size() {
    return size;
  }

  private int add(int slot, String s, int h) {
    if (size == strings.length) {
      strings = Arrays.copyOf(strings, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    int id = size++;
    strings[id] = s;
    hashes[id] = h;
    table[slot] = id;
    // at most half full, so probes stay short
    if (size * 2 > table.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int id = 1; id < size; id++) {
      int i = spread(hashes[id]) & mask;
      while (t[i] != 0) {
        i = (i + 1) & mask;
      }
      t[i] = id;
    }
    table = t;
  }

  private static int spread(int h) {
    // values a digit apart (sessions, ids) have neighbouring hashes, which linear probing would cluster
    h *= 0x9E3779B9;
    return h ^ h >>> 16;
  }
}
