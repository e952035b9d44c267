package dev.oktair.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Okta-shaped identifiers and timestamps. Thread-safe. */
final class Ids {
  private static final char[] BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** Returns a random Okta object id: {@code prefix} then base62 up to 20 characters. */
  static String random(String prefix) {
    return prefix + randomText(20 - prefix.length());
  }

  /** Returns {@code length} random base62 characters (secrets, request ids). */
  static String randomText(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(BASE62[RANDOM.nextInt(BASE62.length)]);
    }
    return sb.toString();
  }

  /** Returns a stable id derived from {@code key}, so derived objects keep their id across reads. */
  static String derived(String prefix, String key) {
    byte[] hash = sha256(key.getBytes(StandardCharsets.UTF_8));
    StringBuilder sb = new StringBuilder(prefix);
    for (int i = 0; sb.length() < 20; i++) {
      sb.append(BASE62[(hash[i] & 0xff) % BASE62.length]);
    }
    return sb.toString();
  }

  /** Returns a random event uuid. */
  static String uuid() {
    return new UUID(RANDOM.nextLong(), RANDOM.nextLong()).toString();
  }

  /**
   * Returns {@code instant} as Okta writes times, ISO-8601 UTC with three fraction digits
   * ({@code yyyy-MM-ddTHH:mm:ss.SSSZ}, no {@code .000} dropped), digit by digit: it stamps every
   * event of a seeded history, where a formatter's walk was a tenth of the build (issue 16). The
   * formatter writes a year outside 1..9999.
   */
  static String time(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
    if (t.getYear() < 1 || t.getYear() > 9999) {
      return MILLIS.format(instant);
    }
    byte[] c = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0', '.',
        '0', '0', '0', 'Z'};
    digits(c, 0, t.getYear(), 4);
    digits(c, 5, t.getMonthValue(), 2);
    digits(c, 8, t.getDayOfMonth(), 2);
    digits(c, 11, t.getHour(), 2);
    digits(c, 14, t.getMinute(), 2);
    digits(c, 17, t.getSecond(), 2);
    digits(c, 20, t.getNano() / 1_000_000, 3);
    return new String(c, StandardCharsets.US_ASCII);
  }

  private static void digits(byte[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
