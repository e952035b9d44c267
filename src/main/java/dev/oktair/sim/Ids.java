package dev.oktair.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
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

  /** Returns {@code instant} as Okta writes times: ISO-8601 UTC with milliseconds. */
  static String time(Instant instant) {
    return MILLIS.format(instant);
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
