package dev.oktair.events;

import java.io.IOException;
import java.io.InputStream;

/**
 * The readers' byte window over a stream: one buffer, refilled in {@link EventReader#CHUNK}
 * reads, that keeps the unfinished record at its front and grows only as far as the longest
 * record it must hold whole ({@link EventReader#MAX_LINE}, plus one chunk). Not thread-safe.
 */
final class Input {
  private static final int CAPACITY = EventReader.MAX_LINE + EventReader.CHUNK + 2;

  private final InputStream in;
  byte[] buf = new byte[EventReader.CHUNK];
  /** Index of the first unread byte. */
  int pos;
  /** Number of valid bytes in {@link #buf}. */
  int limit;
  boolean eof;
  long consumed;
  /** Whether the stream's bytes are the input file's (neither decompressed nor transcoded). */
  boolean fileBytes;

  Input(InputStream in) {
    this.in = in;
  }

  /**
   * Drops the bytes before {@code keepFrom}, moves the rest to the front and reads more after
   * them; returns how far the kept bytes moved (subtract it from indexes into the buffer).
   */
  int refill(int keepFrom) throws IOException {
    int keep = limit - keepFrom;
    if (keep > 0 && keepFrom > 0) {
      System.arraycopy(buf, keepFrom, buf, 0, keep);
    }
    limit = keep;
    pos = Math.max(0, pos - keepFrom);
    if (limit == buf.length) {
      grow();
    }
    int n;
    do {
      n = in.read(buf, limit, Math.min(buf.length - limit, EventReader.CHUNK));
    } while (n == 0);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
      consumed += n;
    }
    return keepFrom;
  }

  /**
   * Hands over the bytes before {@code to}: the window goes on in {@code fresh}, which must be
   * longer than the bytes kept, and the old buffer is returned to be read by someone else.
   */
  byte[] handOff(int to, byte[] fresh) {
    byte[] old = buf;
    int keep = limit - to;
    System.arraycopy(old, to, fresh, 0, keep);
    buf = fresh;
    limit = keep;
    pos = 0;
    return old;
  }

  /** Returns where {@code buf[index]} lies in the input file, or -1 when the stream's bytes are not the file's. */
  long offsetOf(int index) {
    return fileBytes ? consumed - limit + index : -1;
  }

  private void grow() {
    if (buf.length >= CAPACITY) {
      throw new IllegalStateException("record longer than the reader's limit kept whole");
    }
    byte[] bigger = new byte[Math.min(CAPACITY, buf.length * 2)];
    System.arraycopy(buf, 0, bigger, 0, limit);
    buf = bigger;
  }
}
