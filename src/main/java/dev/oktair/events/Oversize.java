package dev.oktair.events;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A record too long to hold, streamed past: its size, its SHA-256 and its first bytes, so it can
 * be quarantined without ever being in memory whole. A trailing CR (of a CRLF) is held back
 * until more bytes show it was not the end. Not thread-safe.
 */
final class Oversize {
  private final long line;
  private final MessageDigest digest = Bytes.sha256();
  private final byte[] prefix = new byte[RejectedLine.MAX_PREFIX];
  private int prefixLength;
  private long bytes;
  private boolean pendingCr;

  Oversize(long line) {
    this.line = line;
  }

  /** Adds the next bytes of the record. */
  void add(byte[] b, int off, int len) {
    if (len == 0) {
      return;
    }
    if (pendingCr) {
      put(new byte[] {'\r'}, 0, 1);
      pendingCr = false;
    }
    if (b[off + len - 1] == '\r') {
      pendingCr = true;
      len--;
    }
    put(b, off, len);
  }

  private void put(byte[] b, int off, int len) {
    digest.update(b, off, len);
    int room = Math.min(len, prefix.length - prefixLength);
    System.arraycopy(b, off, prefix, prefixLength, room);
    prefixLength += room;
    bytes += len;
  }

  /** Returns the reject for the record; a CR still held back is taken as the line terminator's. */
  RejectedLine toRejected(String source, String detail) {
    return new RejectedLine(
        source, line, RejectedLine.Reason.TOO_LONG, detail, bytes,
        HexFormat.of().formatHex(digest.digest()), null, Arrays.copyOf(prefix, prefixLength));
  }

  long bytes() {
    return bytes;
  }
}
