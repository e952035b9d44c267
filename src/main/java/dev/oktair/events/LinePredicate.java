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

  /**
   * Returns how far a reader may pass over the lines of {@code buf[from, to)} without splitting
   * them: to the start of the first line {@link #firstCandidate} names (or to {@code to} when it
   * names none), and how many LFs lie before there. The default searches, then counts; a predicate
   * that reads every byte anyway counts the LFs in the same pass.
   */
  default PassedOver passOver(byte[] buf, int from, int to) {
    int candidate = firstCandidate(buf, from, to);
    int lineStart = candidate < 0 ? to : Math.max(from, Bytes.lastIndexOfNewline(buf, from, candidate) + 1);
    return new PassedOver(lineStart, lineStart == from ? 0 : (int) Bytes.countNewlines(buf, from, lineStart));
  }

  /**
   * What {@link #passOver} passed over.
   *
   * @param lineStart where the first line that might pass starts, or the end of the range searched
   * @param lfs how many LFs lie between the range's start and {@code lineStart}
   */
  record PassedOver(int lineStart, int lfs) {
    public PassedOver {
      if (lineStart < 0 || lfs < 0) {
        throw new IllegalArgumentException("negative: " + lineStart + ", " + lfs);
      }
    }
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
