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

  /** Returns the predicate that passes a line only when both this and {@code other} pass it. */
  default LinePredicate and(LinePredicate other) {
    if (this == ALL) {
      return other;
    }
    if (other == ALL) {
      return this;
    }
    return (buf, off, len) -> mightMatch(buf, off, len) && other.mightMatch(buf, off, len);
  }
}
