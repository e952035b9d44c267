package dev.oktair.detect;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Kept views ({@link Seen#kept}) packed into large int arrays, each a {@code long} handle: a scan
 * that keeps many events (a rule of {@link EventRule}: on the real-shaped 1 GB, 317k of its 635k
 * events become findings) keeps no objects per event. Kept as objects, each view held about ten
 * (the view, its extra facts, citation, instant, asn, targets, uuid...) until the pass finished,
 * and G1 copied each of them through survivor space into old (its young pauses were mostly Object
 * Copy). A chunk of 2^20 ints (4 MB) is humongous to G1: allocated straight in old space, never
 * copied, with no references to scan.
 *
 * <p>A view is written as ints in the order {@link Seen#writeTo} gives them and read back in the
 * same order ({@link #view}). Strings go through {@link StringIds} (the values of a case repeat:
 * types, logins, sessions, user agents, targets), except what is mostly unique: a canonical uuid
 * as two longs, an IPv4 address as an int. Appended on one thread; not thread-safe.
 */
final class KeptViews {
  private static final int CHUNK_BITS = 20;
  /** The first chunk's start: a pass over one incident's events keeps a few hundred views, not 4 MB of them. */
  private static final int FIRST = 1 << 10;
  /** Tags the ints of a packed value in place of a string id (ids are never negative). */
  private static final int PACKED = -1;

  private final int chunkBits;
  private final StringIds strings = new StringIds();
  private int[][] chunks = new int[1][];
  private int[] chunk;
  private int at;
  private int full;

  KeptViews() {
    this(CHUNK_BITS);
  }

  /** A store of chunks of {@code 1 << chunkBits} ints (tests cross chunk boundaries with tiny ones). */
  KeptViews(int chunkBits) {
    this.chunkBits = chunkBits;
    this.chunk = new int[Math.min(FIRST, 1 << chunkBits)];
    chunks[0] = chunk;
  }

  /** Packs {@code view} and returns its handle. */
  long add(Seen view) {
    long handle = position();
    view.writeTo(this);
    return handle;
  }

  /** Returns a view equal in every fact to the one {@code handle} was given for. */
  Seen view(long handle) {
    return Seen.readFrom(new Reader(handle));
  }

  private long position() {
    return ((long) full << chunkBits) + at;
  }

  void putInt(int v) {
    if (at == chunk.length) {
      next();
    }
    chunk[at++] = v;
  }

  private void next() {
    int size = 1 << chunkBits;
    if (chunk.length < size) {
      // the first chunk grows until it is whole, so a pass that keeps little allocates little
      chunk = Arrays.copyOf(chunk, Math.min(size, chunk.length * 4));
      chunks[0] = chunk;
      return;
    }
    full++;
    if (full == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunks.length * 2);
    }
    chunk = new int[size];
    chunks[full] = chunk;
    at = 0;
  }

  void putLong(long v) {
    putInt((int) (v >>> 32));
    putInt((int) v);
  }

  void putString(String s) {
    putInt(strings.id(s));
  }

  /** Writes a time: epoch second and nano, or a negative nano for none. */
  void putInstant(Instant t) {
    putLong(t == null ? 0 : t.getEpochSecond());
    putInt(t == null ? -1 : t.getNano());
  }

  /** Writes a number that may be absent. */
  void putOptionalLong(Long v) {
    putInt(v == null ? 0 : 1);
    if (v != null) {
      putLong(v.longValue());
    }
  }

  /** Writes a uuid: as two longs when it reads back the same from them (lower-case, canonical), else as a string. */
  void putUuid(String s) {
    if (!canonicalUuid(s)) {
      putString(s);
      return;
    }
    putInt(PACKED);
    putLong(hex(s, 0, 8) << 32 | hex(s, 9, 13) << 16 | hex(s, 14, 18));
    putLong(hex(s, 19, 23) << 48 | hex(s, 24, 36));
  }

  /**
   * Writes an address: as an int when {@code v4} holds its bits ({@link Sources#v4}, which only
   * takes text that prints back the same), else as a string.
   */
  void putIp(String s, long v4) {
    if (v4 < 0) {
      putString(s);
      return;
    }
    putInt(PACKED);
    putInt((int) v4);
  }

  static boolean canonicalUuid(String s) {
    if (s == null || s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : (c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  private static long hex(String s, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      v = v << 4 | Character.digit(s.charAt(i), 16);
    }
    return v;
  }

  /** Reads one view back, in the order it was written. */
  final class Reader {
    private long position;

    private Reader(long position) {
      this.position = position;
    }

    int getInt() {
      long p = position++;
      return chunks[(int) (p >>> chunkBits)][(int) p & ((1 << chunkBits) - 1)];
    }

    long getLong() {
      return (long) getInt() << 32 | getInt() & 0xFFFF_FFFFL;
    }

    String getString() {
      return strings.string(getInt());
    }

    Instant getInstant() {
      long second = getLong();
      int nano = getInt();
      return nano < 0 ? null : Instant.ofEpochSecond(second, nano);
    }

    Long getOptionalLong() {
      return getInt() == 0 ? null : getLong();
    }

    String getUuid() {
      int id = getInt();
      return id != PACKED ? strings.string(id) : new UUID(getLong(), getLong()).toString();
    }

    String getIp() {
      int id = getInt();
      if (id != PACKED) {
        return strings.string(id);
      }
      int v = getInt();
      return (v >>> 24) + "." + (v >>> 16 & 0xFF) + "." + (v >>> 8 & 0xFF) + "." + (v & 0xFF);
    }
  }
}
