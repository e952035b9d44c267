package dev.oktair.sim.scenario;

import java.util.SplittableRandom;

/**
 * Time-based (version 1) uuids as Okta's System Log writes them, drawn from a seeded random so
 * scenarios and generated streams stay deterministic. One writer for the scenario engine and the
 * fast generator.
 */
final class TimeUuid {
  /** 100 ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch. */
  private static final long GREGORIAN_OFFSET = 0x01B21DD213814000L;

  private TimeUuid() {}

  /** Returns {@code count} random 48-bit node ids. */
  static long[] nodes(SplittableRandom random, int count) {
    long[] nodes = new long[count];
    for (int i = 0; i < count; i++) {
      nodes[i] = random.nextLong() & 0xFFFFFFFFFFFFL;
    }
    return nodes;
  }

  /** Returns the 36 ASCII bytes of a v1 uuid for {@code epochMillis}. */
  static byte[] ascii(long epochMillis, SplittableRandom random, long[] nodes) {
    long t = epochMillis * 10_000L + GREGORIAN_OFFSET + random.nextInt(10_000);
    long node = nodes[random.nextInt(nodes.length)];
    long clockSeq = 0x8000 | random.nextInt(0x4000);
    byte[] b = new byte[36];
    hex(b, 0, t & 0xFFFFFFFFL, 8);
    b[8] = '-';
    hex(b, 9, (t >>> 32) & 0xFFFF, 4);
    b[13] = '-';
    hex(b, 14, ((t >>> 48) & 0x0FFF) | 0x1000, 4);
    b[18] = '-';
    hex(b, 19, clockSeq, 4);
    b[23] = '-';
    hex(b, 24, node, 12);
    return b;
  }

  private static void hex(byte[] b, int at, long v, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      int d = (int) (v & 0xF);
      b[at + i] = (byte) (d < 10 ? '0' + d : 'a' + d - 10);
      v >>>= 4;
    }
  }
}
