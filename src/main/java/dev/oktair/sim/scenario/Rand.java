package dev.oktair.sim.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic randomness and the identifiers Okta uses, from one seed. Each concern draws from
 * its own named stream ({@link #stream}), so adding events to one part of a scenario does not
 * reshuffle another. Not thread-safe.
 */
final class Rand {
  private static final char[] ALNUM =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  /** 100 ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch. */

  private final SplittableRandom random;
  private final String idSuffix;
  private final long[] uuidNodes;

  private Rand(SplittableRandom random, String idSuffix, long[] uuidNodes) {
    this.random = random;
    this.idSuffix = idSuffix;
    this.uuidNodes = uuidNodes;
  }

  /** Returns the stream named {@code name} of {@code seed}; the same pair gives the same stream. */
  static Rand stream(long seed, String name) {
    SplittableRandom org = new SplittableRandom(seed);
    // Every Okta id of one org ends in the same cell marker; uuids come from a few server nodes.
    String suffix = "" + ALNUM[1 + org.nextInt(9)] + ALNUM[10 + org.nextInt(26)] + ALNUM[1 + org.nextInt(9)];
    long[] nodes = TimeUuid.nodes(org, 6);
    return new Rand(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode()), suffix, nodes);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** Returns an int in [from, to], both inclusive. */
  int between(int from, int to) {
    return from + random.nextInt(to - from + 1);
  }

  long nextLong(long bound) {
    return random.nextLong(bound);
  }

  double nextDouble() {
    return random.nextDouble();
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Picks a key with probability proportional to its weight; keys in iteration order. */
  <K> K weighted(Map<K, ? extends Number> weights) {
    double total = 0;
    for (Number w : weights.values()) {
      total += w.doubleValue();
    }
    double x = random.nextDouble() * total;
    K last = null;
    for (Map.Entry<K, ? extends Number> e : weights.entrySet()) {
      last = e.getKey();
      x -= e.getValue().doubleValue();
      if (x < 0) {
        return last;
      }
    }
    return last;
  }

  /** Returns an Okta object id: the 3-character type prefix, 14 random characters, the org's cell marker. */
  String oktaId(String prefix) {
    return prefix + chars(ALNUM, 14) + idSuffix;
  }

  /** Returns an Okta request id ({@code X-Okta-Request-Id}, {@code transaction.id}). */
  String requestId() {
    return chars(ALNUM, 22) + "AA" + (char) ('A' + random.nextInt(8)) + chars(ALNUM, 2);
  }

  /** Returns an Identity Engine session id ({@code idx...}). */
  String sessionId() {
    return "idx" + chars(ALNUM, 22);
  }

  String hex(int length) {
    return chars(HEX, length);
  }

  String alnum(int length) {
    return chars(ALNUM, length);
  }

  /** Returns a time-based (version 1) uuid for {@code at}, as Okta's System Log writes them. */
  String uuid(Instant at) {
    return new String(TimeUuid.ascii(at.toEpochMilli(), random, uuidNodes), StandardCharsets.US_ASCII);
  }

  private String chars(char[] alphabet, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return new String(out);
  }
}
