package dev.oktair.collect;

import java.util.ArrayList;
import java.util.List;

/** A {@link Progress} that remembers what it heard. */
final class Recording implements Progress {
  final List<String> notes = new ArrayList<>();
  volatile long events;
  volatile long pages;
  volatile boolean resumed;
  volatile long eventsAtStart;

  @Override
  public synchronized void started(int slices, boolean resumed, long eventsSoFar) {
    this.resumed = resumed;
    this.eventsAtStart = eventsSoFar;
  }

  @Override
  public void advanced(long events, long pages, double fraction) {
    this.events = events;
    this.pages = pages;
  }

  @Override
  public synchronized void note(String message) {
    notes.add(message);
  }
}
