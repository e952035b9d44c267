package dev.oktair.store;

import java.util.List;
import java.util.Objects;

/**
 * What one load did.
 *
 * @param loaded the evidence files loaded by this run, in manifest order
 * @param alreadyLoaded how many evidence files were loaded before and left as they were
 * @param rowsAdded how many events this run added
 * @param totalRows how many events the database holds now
 * @param rebuilt true when the database was dropped and rebuilt
 */
public record LoadReport(List<LoadedFile> loaded, int alreadyLoaded, long rowsAdded, long totalRows, boolean rebuilt) {
  public LoadReport {
    loaded = List.copyOf(loaded);
    if (alreadyLoaded < 0 || rowsAdded < 0 || totalRows < 0) {
      throw new IllegalArgumentException("negative count in a load report");
    }
  }

  /** Returns true when the run changed nothing. */
  public boolean noop() {
    return loaded.isEmpty() && !rebuilt;
  }

  /**
   * One evidence file in the database.
   *
   * @param name its name in {@code evidence/}
   * @param sha256 its SHA-256, as checked when it was loaded
   * @param rows how many events it holds
   * @param exact true when its lines were split by the exact (slower) Java reader because
   *     DuckDB's line reader disagreed with the manifest (e.g. a carriage return inside a line)
   */
  public record LoadedFile(String name, String sha256, long rows, boolean exact) {
    public LoadedFile {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sha256, "sha256");
      if (rows < 0) {
        throw new IllegalArgumentException("negative rows for " + name);
      }
    }
  }
}
