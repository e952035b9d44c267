package dev.oktair.events;

import dev.oktair.events.ParseAhead.Pending;
import dev.oktair.events.RecordParser.Range;
import java.io.IOException;

/**
 * Sorts the records of one read (JSONL lines or JSON array elements): blank lines and lines the
 * prefilter rules out are counted and left unparsed, without allocating; the rest go, in order, to
 * a {@link ParseAhead} that parses them and hands them to the handler. Not thread-safe: one per read.
 */
final class LineDecoder {
  private final String source;
  private final LinePredicate prefilter;
  private final ParseAhead ahead;
  long blank;
  long skipped;

  LineDecoder(String source, LinePredicate prefilter, ParseAhead ahead) {
    this.source = source;
    this.prefilter = prefilter;
    this.ahead = ahead;
  }

  /** Takes one JSONL line without its LF; returns false when the handler asked to stop. */
  boolean line(byte[] b, int off, int len, long line) throws IOException {
    if (len > 0 && b[off + len - 1] == '\r') {
      len--;
    }
    if (len == 0 || (b[off] != '{' && Bytes.isBlank(b, off, len))) {
      blank++;
      return true;
    }
    if (!prefilter.mightMatch(b, off, len)) {
      skipped++;
      return true;
    }
    Range r = new Range(b, off, len);
    return ahead.add(new Pending(r, r, line, false, null, blank, skipped));
  }

  /**
   * Takes one array element: {@code original} as it stood in the input and, when it spanned
   * lines, {@code parse} with its insignificant whitespace removed (else the same range).
   */
  boolean element(byte[] original, int off, int len, byte[] parse, int poff, int plen, long line, boolean compact)
      throws IOException {
    if (!prefilter.mightMatch(parse, poff, plen)) {
      skipped++;
      return true;
    }
    Range o = new Range(original, off, len);
    Range p = compact ? new Range(parse, poff, plen) : o;
    return ahead.add(new Pending(p, o, line, compact, null, blank, skipped));
  }

  /** Takes a record that was too long to hold. */
  boolean oversize(Oversize record, String what) throws IOException {
    RejectedLine r = record.toRejected(source, what + " of " + record.bytes() + " bytes was skipped");
    return ahead.add(new Pending(null, null, r.line(), false, r, blank, skipped));
  }
}
