package dev.oktair.events;

import dev.oktair.events.RecordParser.Range;

/**
 * Sorts the records of a read (JSONL lines or JSON array elements): blank lines and lines the
 * prefilter rules out are counted and left unparsed, without allocating; the rest are parsed and
 * handed, in order, to a {@link RecordSink}. Not thread-safe: one per read, or per block of lines.
 */
final class LineDecoder {
  private final String source;
  private final LinePredicate prefilter;
  private final RecordParser parser;
  private final RecordSink sink;
  long blank;
  long skipped;
  /** Where the buffer lines are handed in starts in the input file, or -1 when that is not known. */
  private long base = -1;

  LineDecoder(String source, LinePredicate prefilter, RecordParser parser, RecordSink sink) {
    this.source = source;
    this.prefilter = prefilter;
    this.parser = parser;
    this.sink = sink;
  }

  /** Takes one JSONL line without its LF; returns false when the read is to stop. */
  boolean line(byte[] b, int off, int len, long line) {
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
    RecordParser.Outcome outcome = parser.parse(r, r, line, false);
    if (base >= 0 && outcome.event() != null && outcome.wrapper() == null) {
      outcome.event().locate(base + off); // the event's bytes are the line's, where it stands
    }
    return sink.take(outcome, line, false, blank, skipped);
  }

  /** Notes where in the input file the buffer of the next lines starts ({@link Input#offsetOf}), or -1. */
  void base(long base) {
    this.base = base;
  }

  /**
   * Takes one array element: {@code original} as it stood in the input and, when it spanned
   * lines, {@code parse} with its insignificant whitespace removed (else the same range).
   */
  boolean element(byte[] original, int off, int len, byte[] parse, int poff, int plen, long line, boolean compact) {
    if (!prefilter.mightMatch(parse, poff, plen)) {
      skipped++;
      return true;
    }
    Range o = new Range(original, off, len);
    Range p = compact ? new Range(parse, poff, plen) : o;
    return sink.take(parser.parse(p, o, line, compact), line, compact, blank, skipped);
  }

  /** Takes a record ({@code what}: "a line", "an array element") that was too long to hold. */
  boolean oversize(Oversize record, String what) {
    RejectedLine r = rejectOf(record, source, what);
    return sink.take(RecordParser.Outcome.rejected(r), r.line(), false, blank, skipped);
  }

  /** Returns the reject for a record that was too long to hold. */
  static RejectedLine rejectOf(Oversize record, String source, String what) {
    return record.toRejected(source, what + " of " + record.bytes() + " bytes was skipped");
  }
}
