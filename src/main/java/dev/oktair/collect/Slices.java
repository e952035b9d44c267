package dev.oktair.collect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Splits a window into adjacent time slices: each {@code [since, until)}, millisecond bounds, no gaps. */
final class Slices {
  private Slices() {}

  /** One time slice: since inclusive, until exclusive. */
  record Window(Instant since, Instant until) {}

  /**
   * Returns {@code n} adjacent windows covering {@code [since, until)} exactly (fewer when the
   * window has fewer milliseconds than {@code n}); boundaries fall on whole milliseconds.
   */
  static List<Window> split(Instant since, Instant until, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("at least one slice: " + n);
    }
    long from = since.toEpochMilli();
    long to = until.toEpochMilli();
    if (to <= from) {
      throw new IllegalArgumentException("empty window " + since + " .. " + until);
    }
    int count = (int) Math.min(n, to - from);
    List<Window> out = new ArrayList<>(count);
    Instant previous = Instant.ofEpochMilli(from);
    for (int i = 1; i <= count; i++) {
      Instant edge = i == count ? Instant.ofEpochMilli(to) : Instant.ofEpochMilli(from + (to - from) * i / count);
      out.add(new Window(previous, edge));
      previous = edge;
    }
    return out;
  }
}
