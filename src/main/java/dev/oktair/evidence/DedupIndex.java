package dev.oktair.evidence;

import dev.oktair.events.LogEvent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Remembers every (uuid, content) pair seen, compactly — the one rule for "the same event" that
 * import and the analysis views share: a 64-bit hash of the uuid
 * and 128 bits of the SHA-256 of the event's raw bytes, 24 bytes an event side by side in one
 * open-addressed array. An exact duplicate needs equal content hashes, and content includes the uuid, so a
 * uuid-hash clash can at worst report a false collision, never drop an event. Not thread-safe.
 */
public final class DedupIndex {
  /** What an event is, relative to those seen before. */
  public enum Verdict {
    /** Not seen before. */
    NEW,
    /** Same uuid and same bytes as an event seen before: an overlapping page. */
    DUPLICATE,
    /** Same uuid as an event seen before, different bytes: kept, and reported. */
    COLLISION
  }

  /** Slots of three longs each (uuid key, content high, content low): one cache line holds a probe's reads. */
  private static final int STRIDE = 3;

  private final MessageDigest sha256;
  private long[] slots = new long[(1 << 12) * STRIDE];
  private int capacity = 1 << 12;
  private int size;
  /** Whether an event without a uuid was remembered: another one with other bytes is a collision. */
  private boolean seenWithoutUuid;

  /** Returns an empty index. */
  public DedupIndex() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Classifies an event by its uuid and raw bytes, remembering it unless it is a duplicate. An
   * event without a uuid is a duplicate only of byte-identical ones.
   */
  public Verdict add(String uuid, byte[] raw) {
    return classify(uuid, sha256.digest(raw));
  }

  /** Classifies {@code event} as {@link #add(String, byte[])} does, by the SHA-256 it may already hold. */
  public Verdict add(LogEvent event) {
    return classify(event.uuid(), event.sha256());
  }

  private Verdict classify(String uuid, byte[] h) {
    long high = toLong(h, 0);
    long low = toLong(h, 8);
    // Events without a uuid all share the empty one: keyed by their content instead, they spread
    // over the table rather than queue in one probe chain (a read of many would take quadratic time).
    boolean none = uuid == null || uuid.isEmpty();
    long key = (none ? high ^ low * 0x9E3779B97F4A7C15L : hash(uuid)) | 1L; // 0 marks an empty slot
    int mask = capacity - 1;
    boolean sameUuid = none && seenWithoutUuid;
    int slot = (int) (mix(key) & mask);
    for (long k; (k = slots[slot * STRIDE]) != 0; slot = (slot + 1) & mask) {
      if (k == key) {
        if (slots[slot * STRIDE + 1] == high && slots[slot * STRIDE + 2] == low) {
          return Verdict.DUPLICATE;
        }
        sameUuid = true;
      }
    }
    seenWithoutUuid |= none;
    put(slots, slot, key, high, low);
    if (++size * 10L > capacity * 6L) {
      grow();
    }
    return sameUuid ? Verdict.COLLISION : Verdict.NEW;
  }

  private static void put(long[] slots, int slot, long key, long high, long low) {
    slots[slot * STRIDE] = key;
    slots[slot * STRIDE + 1] = high;
    slots[slot * STRIDE + 2] = low;
  }

  private void grow() {
    long[] old = slots;
    capacity *= 2;
    slots = new long[capacity * STRIDE];
    int mask = capacity - 1;
    for (int i = 0; i < old.length; i += STRIDE) {
      if (old[i] != 0) {
        int slot = (int) (mix(old[i]) & mask);
        while (slots[slot * STRIDE] != 0) {
          slot = (slot + 1) & mask;
        }
        put(slots, slot, old[i], old[i + 1], old[i + 2]);
      }
    }
  }

  /** FNV-1a over the uuid's UTF-16 code units (no copy; the index lives in memory only). */
  private static long hash(String uuid) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < uuid.length(); i++) {
      h ^= uuid.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** Spreads a key over the table (the murmur3 finaliser). */
  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    return k;
  }

  private static long toLong(byte[] b, int off) {
    long v = 0;
    for (int i = off; i < off + 8; i++) {
      v = (v << 8) | (b[i] & 0xFF);
    }
    return v;
  }
}
