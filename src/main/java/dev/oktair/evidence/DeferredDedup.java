package dev.oktair.evidence;

import dev.oktair.events.LogEvent;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The duplicate check of import and of reads of the evidence: {@link DedupIndex}'s rule (the same
 * uuid with the same bytes is the same event), with an event's bytes hashed only once its uuid
 * turns up again. Nearly every uuid turns up once, so an import hashes each byte once (the
 * input's hash) rather than twice, and a read hashes next to nothing. A uuid in the canonical form
 * (36 characters, lowercase hex, 8-4-4-4-12: what Okta sends) is held as its 128 bits, exactly,
 * and its first event only by where it lies in the evidence ({@link Written}); when the uuid
 * turns up again, that first event is read back from the evidence and both go to the {@link
 * DedupIndex}, which decides for that uuid from then on. Any other uuid, and an event of no known
 * place, goes to the index at once. The verdicts are thus the index's own. 28 bytes a slot, open
 * addressing. Not thread-safe.
 */
final class DeferredDedup {
  /** Where an event's bytes can be read back. */
  interface Written {
    /** Returns the {@code length} bytes at {@code offset} of evidence file {@code file} (as numbered by the caller). */
    byte[] read(int file, long offset, int length) throws IOException;
  }

  /** A location that stands for "handed to the index". */
  private static final long IN_INDEX = -1;
  private static final int OFFSET_BITS = 48;
  private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;
  /** Files an import can number in a location; the events of any further file go to the index at once. */
  static final int MAX_FILES = 1 << 15;

  private final DedupIndex index = new DedupIndex();
  private final Written written;
  private long[] highs = new long[1 << 12];
  private long[] lows = new long[highs.length];
  private long[] where = new long[highs.length];
  /** The first event's length; 0 marks an empty slot (an event has at least one byte). */
  private int[] lengths = new int[highs.length];
  private int size;

  DeferredDedup(Written written) {
    this.written = written;
  }

  /**
   * Classifies {@code event}, which, unless a duplicate, is (to be) found at {@code offset} of
   * evidence file {@code file}; {@code offset} -1 when it has no such place (it is hashed at once).
   */
  DedupIndex.Verdict add(LogEvent event, int file, long offset) {
    long high;
    long low;
    if (event.hasUuidBits()) {
      high = event.uuidBits(0);
      low = event.uuidBits(1);
    } else {
      String uuid = event.uuid();
      if (uuid == null || !canonical(uuid)) {
        return index.add(event);
      }
      high = hex(uuid, 0, 8) << 32 | hex(uuid, 9, 13) << 16 | hex(uuid, 14, 18);
      low = hex(uuid, 19, 23) << 48 | hex(uuid, 24, 36);
    }
    int mask = highs.length - 1;
    int slot = (int) (mix(high ^ low * 31) & mask);
    while (lengths[slot] != 0 && (highs[slot] != high || lows[slot] != low)) {
      slot = (slot + 1) & mask;
    }
    if (lengths[slot] == 0) {
      // Noted even when it goes to the index at once: a later event of the uuid then goes there too.
      boolean placed = offset >= 0 && file < MAX_FILES;
      highs[slot] = high;
      lows[slot] = low;
      where[slot] = placed ? (long) file << OFFSET_BITS | offset : IN_INDEX;
      lengths[slot] = event.rawLength();
      if (++size * 10L > highs.length * 6L) {
        grow();
      }
      return placed ? DedupIndex.Verdict.NEW : index.add(event);
    }
    if (where[slot] != IN_INDEX) {
      // the same uuid, exactly (its 128 bits): the first event goes to the index under it
      index.add(event.uuid(), readBack((int) (where[slot] >>> OFFSET_BITS), where[slot] & OFFSET_MASK, lengths[slot]));
      where[slot] = IN_INDEX;
    }
    return index.add(event);
  }

  /**
   * Hands to the index, as read back, every event still only noted in {@code file}: it is about
   * to go (an input found to be imported before), and what it held still counts as seen.
   */
  void settle(int file) {
    for (int slot = 0; slot < highs.length; slot++) {
      if (lengths[slot] != 0 && where[slot] != IN_INDEX && (int) (where[slot] >>> OFFSET_BITS) == file) {
        index.add(uuidOf(highs[slot], lows[slot]), readBack(file, where[slot] & OFFSET_MASK, lengths[slot]));
        where[slot] = IN_INDEX;
      }
    }
  }

  /** Reads back an event this import wrote; failing that, the import cannot go on telling duplicates apart. */
  private byte[] readBack(int file, long offset, int length) {
    try {
      return written.read(file, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back an event just written to the evidence", e);
    }
  }

  private void grow() {
    long[] oldHighs = highs;
    long[] oldLows = lows;
    long[] oldWhere = where;
    int[] oldLengths = lengths;
    highs = new long[oldHighs.length * 2];
    lows = new long[highs.length];
    where = new long[highs.length];
    lengths = new int[highs.length];
    int mask = highs.length - 1;
    for (int i = 0; i < oldHighs.length; i++) {
      if (oldLengths[i] != 0) {
        int slot = (int) (mix(oldHighs[i] ^ oldLows[i] * 31) & mask);
        while (lengths[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        highs[slot] = oldHighs[i];
        lows[slot] = oldLows[i];
        where[slot] = oldWhere[i];
        lengths[slot] = oldLengths[i];
      }
    }
  }

  /** True for a uuid of 36 characters, lowercase hex in groups of 8-4-4-4-12: one 128-bit number, one text. */
  static boolean canonical(String uuid) {
    if (uuid.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = uuid.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** The canonical text of a uuid held as its 128 bits. */
  static String uuidOf(long high, long low) {
    String h = String.format(java.util.Locale.ROOT, "%016x%016x", high, low);
    return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20)
        + '-' + h.substring(20);
  }

  private static long hex(String s, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      v = v << 4 | Character.digit(s.charAt(i), 16);
    }
    return v;
  }

  /** Spreads a key over the table (the murmur3 finaliser). */
  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    return k;
  }
}
