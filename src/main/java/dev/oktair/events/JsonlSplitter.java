package dev.oktair.events;

import java.io.IOException;

/**
 * Splits JSONL into lines over the {@link Input} window: lines are handed on as ranges of the
 * buffer (no copy, no String), and a line longer than {@link EventReader#MAX_LINE} is streamed
 * past into an {@link Oversize} instead of being held. Not thread-safe.
 */
final class JsonlSplitter {
  private final Input in;
  private final LineDecoder decoder;
  private long line = 1;

  JsonlSplitter(Input in, LineDecoder decoder) {
    this.in = in;
    this.decoder = decoder;
  }

  /** Reads to the end (or until the handler stops); returns the number of lines seen. */
  long run() throws IOException {
    int start = in.pos;
    int scan = start;
    for (;;) {
      int nl = Bytes.indexOfNewline(in.buf, scan, in.limit);
      decoder.base(in.offsetOf(0)); // the window moves on refills and long lines
      if (nl >= 0) {
        if (!decoder.line(in.buf, start, nl - start, line++)) {
          return line - 1;
        }
        start = nl + 1;
        scan = start;
      } else if (in.eof) {
        if (start < in.limit) {
          decoder.line(in.buf, start, in.limit - start, line);
          return line;
        }
        return line - 1;
      } else if (in.limit - start > EventReader.MAX_LINE + 1) {
        start = skipLongLine(start);
        scan = start;
      } else {
        int searched = in.limit;
        int shift = in.refill(start);
        start -= shift;
        scan = searched - shift;
      }
    }
  }

  /** Streams the rest of an over-long line into an {@link Oversize}; returns where the next line starts. */
  private int skipLongLine(int start) throws IOException {
    Oversize record = new Oversize(line);
    int next = streamPast(in, start, record);
    decoder.oversize(record, "a line");
    line++;
    return next;
  }

  /**
   * Streams the line starting at {@code start} in the window, which holds no LF, past into
   * {@code record}; returns where the next line starts in the window (the end at end of input).
   */
  static int streamPast(Input in, int start, Oversize record) throws IOException {
    record.add(in.buf, start, in.limit - start);
    for (;;) {
      in.refill(in.limit);
      int nl = Bytes.indexOfNewline(in.buf, 0, in.limit);
      if (nl >= 0 || in.eof) {
        record.add(in.buf, 0, nl >= 0 ? nl : in.limit);
        return nl >= 0 ? nl + 1 : in.limit;
      }
      record.add(in.buf, 0, in.limit);
    }
  }
}
