package dev.oktair.detect;

import java.time.Instant;

/** The first and last time of something; mutable while a pass runs. */
public final class Span {
  // primitives, not Instants: a span outlives many collections and is moved on by every event,
  // and an event's Instant stored in it would survive each of them
  private boolean empty = true;
  private long firstSecond;
  private int firstNano;
  private long lastSecond;
  private int lastNano;

  void add(Instant t) {
    long s = t.getEpochSecond();
    int n = t.getNano();
    if (empty || s < firstSecond || s == firstSecond && n < firstNano) {
      firstSecond = s;
      firstNano = n;
    }
    if (empty || s > lastSecond || s == lastSecond && n > lastNano) {
      lastSecond = s;
      lastNano = n;
    }
    empty = false;
  }

  Span copy() {
    Span c = new Span();
    c.empty = empty;
    c.firstSecond = firstSecond;
    c.firstNano = firstNano;
    c.lastSecond = lastSecond;
    c.lastNano = lastNano;
    return c;
  }

  Span union(Span o) {
    add(o.first());
    add(o.last());
    return this;
  }

  /** Returns the earliest time. */
  public Instant first() {
    return empty ? null : Instant.ofEpochSecond(firstSecond, firstNano);
  }

  /** Returns the latest time. */
  public Instant last() {
    return empty ? null : Instant.ofEpochSecond(lastSecond, lastNano);
  }

  /** Returns true when {@code t} lies within [first, last]. */
  public boolean contains(Instant t) {
    return t != null && !t.isBefore(first()) && !t.isAfter(last());
  }
}
