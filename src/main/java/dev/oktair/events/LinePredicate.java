package dev.oktair.events;

/**
 * A cheap test on the raw bytes of one line, run before the line is parsed: false means the line
 * certainly cannot match, so the reader skips it without parsing or allocating. It may say true
 * for lines that do not match (the parsed test decides); it must never say false for one that does.
 * Implementations must not modify the buffer and must be thread-safe: a reader calls one from
 * several threads at once.
 */
@FunctionalInterface
public interface LinePredicate {
  /** The predicate that lets every line through. */
  LinePredicate ALL = (buf, off, len) -> true;

  /** Returns false only when the line {@code buf[off, off + len)} certainly cannot match. */
  boolean mightMatch(byte[] buf, int off, int len);

  /**
   * Returns where in the lines of {@code buf[from, to)} (each ended by an LF, the last perhaps not)
   * lies the first line this predicate might pass: an offset within that line, or -1 when it passes
   * none of them. Every line before that one certainly fails; that one is still to be tested with
   * {@link #mightMatch}. This is what lets a reader pass over lines that cannot match without
   * splitting them: one search over many lines, no work per line. The default names the first line.
   */
  default int firstCandidate(byte[] buf, int from, int to) {
    return from < to ? from : -1;
  }

  /** Returns the predicate that passes a line only when both this and {@code other} pass it. */
  default LinePredicate and(LinePredicate other) {
    if (this == ALL) {
      return other;
    }
    if (other == ALL) {
      return this;
    }
    LinePredicate first = this;
    return new LinePredicate() {
      @Override
      public boolean mightMatch(byte[] buf, int off, int len) {
        return first.mightMatch(buf, off, len) && other.mightMatch(buf, off, len);
      }

      @Override
      public int firstCandidate(byte[] buf, int from, int to) {
        // a line both pass lies at or after the first line each might pass
        int a = first.firstCandidate(buf, from, to);
        int b = a < 0 ? -1 : other.firstCandidate(buf, from, to);
        return b < 0 ? -1 : Math.max(a, b);
      }
    };
  }
}
