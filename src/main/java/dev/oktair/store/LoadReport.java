package dev.oktair.store;

import java.util.List;
import java.util.Objects;

/**
 * What one load did.
 *
 * @param loaded the evidence files loaded by this run, in manifest order
 * @param alreadyLoaded how many evidence files were loaded before and left as they were
 * @param totalEvents how many distinct events the database holds now
 * @param uuidCollisions how many uuids the database holds with more than one distinct event
 *     (same uuid, other bytes), now
 * @param rebuilt true when the database was dropped and rebuilt
 */
public record LoadReport(List<LoadedFile> loaded, int alreadyLoaded, long totalEvents, long uuidCollisions,
    boolean rebuilt) {
  public LoadReport {
    loaded = List.copyOf(loaded);
    if (alreadyLoaded < 0 || totalEvents < 0 || uuidCollisions < 0) {
      throw new IllegalArgumentException("negative count in a load report");
    }
  }

  /** Returns true when the run changed nothing. */
  public boolean noop() {
    return loaded.isEmpty() && !rebuilt;
  }

  /** Returns how many evidence lines this run loaded. */
  public long linesAdded() {
    return loaded.stream().mapToLong(LoadedFile::lines).sum();
  }

  /** Returns how many events this run added: its lines less those repeating an event already seen. */
  public long eventsAdded() {
    return loaded.stream().mapToLong(LoadedFile::newEvents).sum();
  }

  /** Returns how many lines this run loaded that repeat an event seen before (overlapping evidence). */
  public long duplicates() {
    return linesAdded() - eventsAdded();
  }

  /**
   * One evidence file in the database.
   *
   * @param name its name in {@code evidence/}
   * @param sha256 its SHA-256, as checked when it was loaded
   * @param lines how many lines (events as collected) it holds
   * @param newEvents how many of them were events not seen in an earlier line or file
   * @param exact true when its lines were split by the exact (slower) Java reader because
   *     DuckDB's line reader disagreed with the manifest (e.g. a carriage return inside a line)
   */
  public record LoadedFile(String name, String sha256, long lines, long newEvents, boolean exact) {
    public LoadedFile {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sha256, "sha256");
      if (lines < 0 || newEvents < 0 || newEvents > lines) {
        throw new IllegalArgumentException("bad counts for " + name + ": " + newEvents + " new events in " + lines + " lines");
      }
    }

    /** Returns how many of its lines repeat an event seen before. */
    public long duplicates() {
      return lines - newEvents;
    }
  }
}
