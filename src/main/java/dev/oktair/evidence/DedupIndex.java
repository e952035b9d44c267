package dev.oktair.evidence;

import dev.oktair.events.LogEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Remembers every (uuid, content) pair seen, compactly — the one rule for "the same event" that
 * import and the analysis views share: a 64-bit hash of the uuid
 * and 128 bits of the SHA-256 of the event's raw bytes, 24 bytes an event in open-addressed
 * arrays. An exact duplicate needs equal content hashes, and content includes the uuid, so a
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

  private final MessageDigest sha256;
  private long[] keys = new long[1 << 12];
  private long[] highs = new long[keys.length];
  private long[] lows = new long[keys.length];
  private int size;

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
    return classify(uuid == null ? "" : uuid, sha256.digest(raw));
  }

  /** Classifies {@code event} as {@link #add(String, byte[])} does, by the SHA-256 it may already hold. */
  public Verdict add(LogEvent event) {
    String uuid = event.uuid();
    return classify(uuid == null ? "" : uuid, event.sha256());
  }

  private Verdict classify(String uuid, byte[] h) {
    long high = toLong(h, 0);
    long low = toLong(h, 8);
    long key = hash(uuid) | 1L; // 0 marks an empty slot
    int mask = keys.length - 1;
    boolean sameUuid = false;
    int slot = (int) (mix(key) & mask);
    for (; keys[slot] != 0; slot = (slot + 1) & mask) {
      if (keys[slot] == key) {
        if (highs[slot] == high && lows[slot] == low) {
          return Verdict.DUPLICATE;
        }
        sameUuid = true;
      }
    }
    keys[slot] = key;
    highs[slot] = high;
    lows[slot] = low;
    if (++size * 10L > keys.length * 6L) {
      grow();
    }
    return sameUuid ? Verdict.COLLISION : Verdict.NEW;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldHighs = highs;
    long[] oldLows = lows;
    keys = new long[oldKeys.length * 2];
    highs = new long[keys.length];
    lows = new long[keys.length];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = (int) (mix(oldKeys[i]) & mask);
        while (keys[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        highs[slot] = oldHighs[i];
        lows[slot] = oldLows[i];
      }
    }
  }

  /** FNV-1a over the uuid's UTF-8 bytes. */
  private static long hash(String uuid) {
    long h = 0xcbf29ce484222325L;
    for (byte b : uuid.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
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
