package dev.oktair.sim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The opaque {@code after} cursor of System Log paging: the position of the last event served
 * plus a fingerprint of the query, so a cursor only continues the query that issued it.
 *
 * @param seq the persistence position of the last event served (-1: none yet)
 * @param fingerprint a hash of the query's mode, order, until, filter and q
 */
record LogCursor(int seq, String fingerprint) {
  private static final String VERSION = "s1";

  /** Returns the cursor as base64url text. */
  String encode() {
    String plain = VERSION + ":" + seq + ":" + fingerprint;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor; 400 E0000001 when it is not one the simulator issued. */
  static LogCursor decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] parts = plain.split(":", -1);
      if (parts.length == 3 && VERSION.equals(parts[0])) {
        return new LogCursor(Integer.parseInt(parts[1]), parts[2]);
      }
    } catch (IllegalArgumentException e) {
      // falls through to the validation error
    }
    throw invalid();
  }

  /** Returns the fingerprint of a query's identity (everything but its position and page size). */
  static String fingerprint(String... parts) {
    String joined = String.join("\u0000", java.util.Arrays.stream(parts).map(p -> p == null ? "" : p).toList());
    byte[] hash = Ids.sha256(joined.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash, 0, 8);
  }

  static ApiException invalid() {
    return ApiException.validation("after", "after: The after cursor is invalid for this query.");
  }
}
