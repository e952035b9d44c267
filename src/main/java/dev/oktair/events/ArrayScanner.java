package dev.oktair.events;

import java.io.IOException;

/**
 * Splits a JSON array (or several in a row, as concatenated export pages are) into its elements
 * without parsing them: a byte scanner that tracks strings and bracket depth finds where each
 * element begins and ends, and each element is then parsed on its own. So a malformed element is
 * rejected alone, with its line, and the elements after it still load (a streaming parser cannot
 * resume after a syntax error). An element on one line is kept byte-exact; one that spans lines
 * is compacted by removing only the whitespace outside strings. Lenient about separators: missing
 * or doubled commas are tolerated, and anything that is not an element becomes a reject.
 * Not thread-safe.
 */
final class ArrayScanner {
  private static final int NONE = -1;

  private final Input in;
  private final LineDecoder decoder;
  private long line = 1;
  private boolean inArray;

  // The element being scanned: where it starts in the buffer (NONE between elements).
  private int start = NONE;
  private long startLine;
  private byte opener;
  private int depth;
  private boolean inString;
  private boolean escaped;
  private boolean multiLine;
  private Oversize oversize;
  private byte[] compact = new byte[1 << 16];

  ArrayScanner(Input in, LineDecoder decoder) {
    this.in = in;
    this.decoder = decoder;
  }

  /** Returns this scanner counting lines from {@code first} (an array that starts inside a larger document). */
  ArrayScanner startingAt(long first) {
    this.line = first;
    return this;
  }

  /** Reads to the end (or until the handler stops); returns the number of lines seen. */
  long run() throws IOException {
    int i = in.pos;
    for (;;) {
      byte[] b = in.buf;
      int limit = in.limit;
      while (i < limit) {
        byte c = b[i];
        if (start == NONE) {
          between(c, i);
          i++;
        } else if (continues(c)) {
          i++;
        } else {
          // A scalar ends before its terminator, which is read again between elements.
          int end = opener == 0 ? i : i + 1;
          if (!finish(b, end)) {
            return line;
          }
          i = end;
          continue;
        }
        if (c == '\n') {
          line++;
        }
      }
      if (in.eof) {
        if (start != NONE) {
          finish(b, limit);
        }
        return line;
      }
      i = refill(limit);
    }
  }

  private void between(byte c, int i) {
    if (Bytes.isWhitespace(c) || c == ',') {
      return;
    }
    if (c == '[' && !inArray) {
      inArray = true;
      return;
    }
    if (c == ']' && inArray) {
      inArray = false;
      return;
    }
    start = i;
    startLine = line;
    opener = c == '{' || c == '[' || c == '"' ? c : 0;
    depth = opener == '"' ? 0 : 1;
    inString = opener == '"';
    escaped = false;
    multiLine = false;
  }

  /** Returns true when byte {@code c} still belongs to the element, tracking its structure. */
  private boolean continues(byte c) {
    if (c == '\n' && opener != 0) {
      multiLine = true;
    }
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        inString = false;
        return opener != '"';
      }
      return true;
    }
    if (opener == 0) {
      return !(Bytes.isWhitespace(c) || c == ',' || c == ']' || c == '[' || c == '{');
    }
    if (c == '"') {
      inString = true;
    } else if (c == '{' || c == '[') {
      depth++;
    } else if (c == '}' || c == ']') {
      return --depth > 0;
    }
    return true;
  }

  /** Hands on the element ending before {@code end}; returns false when the handler stopped. */
  private boolean finish(byte[] b, int end) throws IOException {
    int from = start;
    start = NONE;
    if (oversize != null) {
      oversize.add(b, from, end - from);
      Oversize record = oversize;
      oversize = null;
      return decoder.oversize(record, "an array element");
    }
    int len = end - from;
    if (!multiLine) {
      return decoder.element(b, from, len, b, from, len, startLine, false);
    }
    int n = compact(b, from, len);
    return decoder.element(b, from, len, compact, 0, n, startLine, true);
  }

  /** Copies an element into {@link #compact} without the whitespace outside its strings. */
  private int compact(byte[] b, int from, int len) {
    if (compact.length < len) {
      compact = new byte[Math.max(len, compact.length * 2)];
    }
    int n = 0;
    boolean str = false;
    boolean esc = false;
    for (int i = from, end = from + len; i < end; i++) {
      byte c = b[i];
      if (str) {
        if (esc) {
          esc = false;
        } else if (c == '\\') {
          esc = true;
        } else if (c == '"') {
          str = false;
        }
      } else if (Bytes.isWhitespace(c)) {
        continue;
      } else {
        str = c == '"';
      }
      compact[n++] = c;
    }
    return n;
  }

  /** Refills the window, keeping the element in progress (or streaming it aside when too long). */
  private int refill(int limit) throws IOException {
    if (start == NONE) {
      in.refill(limit);
      return 0;
    }
    if (oversize == null && limit - start > EventReader.MAX_LINE) {
      oversize = new Oversize(startLine);
    }
    if (oversize != null) {
      oversize.add(in.buf, start, limit - start);
      in.refill(limit);
      start = 0;
      return 0;
    }
    int shift = in.refill(start);
    start -= shift;
    return limit - shift;
  }
}
