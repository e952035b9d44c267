package dev.oktair.sim;

import java.util.List;

/**
 * A System Log history indexed from a file rather than held: where each event's bytes are, its
 * published time and uuid. What {@link LogTenant} reads for a tenant's seed; the simulator serves
 * the events from the file. Immutable once made.
 */
public final class LogHistory {
  private static final LogHistory NONE = new LogHistory(List.of(), new LogStore.Entry[0]);

  private final List<LogFile> files;
  private final LogStore.Entry[] entries;

  LogHistory(List<LogFile> files, LogStore.Entry[] entries) {
    this.files = List.copyOf(files);
    this.entries = entries;
  }

  /** Returns the empty history (a seed whose events are all held). */
  public static LogHistory none() {
    return NONE;
  }

  /** Returns how many events it indexes. */
  public int size() {
    return entries.length;
  }

  List<LogFile> files() {
    return files;
  }

  /** Returns a copy of the entries (the store sorts and renumbers what it is given). */
  LogStore.Entry[] entries() {
    return entries.clone();
  }
}
