package dev.oktair.store;

import dev.oktair.events.EventSelector;
import dev.oktair.events.Window;
import dev.oktair.cases.CasePaths;
import dev.oktair.errors.OktaIrException;
import dev.oktair.evidence.EvidenceFile;
import dev.oktair.evidence.EvidenceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The case database of one case directory ({@code CASE/case.duckdb}): the front door for loading
 * it from the evidence and for pivots, timelines, read-only SQL and exports over it.
 *
 * <p>The database is derived: {@link #load} adds the evidence files not loaded yet (and only
 * those, each checked against the manifest), {@code rebuild} drops it and loads everything again.
 * {@link #open} loads whatever is new before answering, so queries always see all the evidence.
 * Queries use read-only connections, so several can run at once; a load needs the database to
 * itself. Instances hold no open resources and are safe to share between threads.
 */
public final class CaseDatabase {
  private final Path caseDir;
  private final LoadReport opening;

  private CaseDatabase(Path caseDir, LoadReport opening) {
    this.caseDir = caseDir;
    this.opening = opening;
  }

  /** Returns the database file of the case at {@code caseDir}. */
  public static Path path(Path caseDir) {
    return CasePaths.of(caseDir).database();
  }

  /**
   * Loads the evidence files that are not in the database yet; with {@code rebuild}, drops the
   * database first and loads every file.
   *
   * @throws dev.oktair.evidence.EvidenceException when there is no case at {@code caseDir}
   * @throws StoreException when evidence changed under a file already loaded
   */
  public static LoadReport load(Path caseDir, Clock clock, boolean rebuild) {
    EvidenceStore evidence = EvidenceStore.existing(caseDir, clock);
    PivotSummaries.forget(caseDir);
    if (rebuild) {
      drop(caseDir);
    }
    LoadReport report;
    PivotSummaries.Pending summaries;
    try (Connection c = Duck.open(path(caseDir), Duck.Mode.WRITE)) {
      report = new Loader(evidence, clock).load(c, rebuild);
      summaries = PivotSummaries.compute(c);
    } catch (SQLException e) {
      throw failure("load", e);
    } finally {
      // DuckDB creates its files with the process umask; the case keeps them owner-only.
      Path db = path(caseDir);
      CasePaths.ownerOnly(db);
      CasePaths.ownerOnly(db.resolveSibling(db.getFileName() + ".wal"));
    }
    PivotSummaries.write(caseDir, summaries, null);
    return report;
  }

  /**
   * Opens the case database for queries, first loading any evidence not in it yet.
   *
   * @throws dev.oktair.evidence.EvidenceException when there is no case at {@code caseDir}
   * @throws StoreException when evidence changed under a file already loaded
   */
  public static CaseDatabase open(Path caseDir, Clock clock) {
    EvidenceStore evidence = EvidenceStore.existing(caseDir, clock);
    LoadReport loaded = upToDate(evidence, evidence.files()) ? null : load(caseDir, clock, false);
    return new CaseDatabase(caseDir, loaded);
  }

  /** Returns the database file. */
  public Path file() {
    return path(caseDir);
  }

  /** Returns what {@link #open} loaded on the way, or null when the database was up to date. */
  public LoadReport loadedOnOpen() {
    return opening;
  }

  /**
   * Returns the rows of a pivot from the case's pivot summaries (written by loads and by pivots the
   * database answered), without opening the database, or null when they cannot give exactly what
   * {@link #open} then {@link #pivot} would (several keys, a filter, a window, a case changed since,
   * no summary yet...): then ask the database.
   *
   * @throws dev.oktair.evidence.EvidenceException when there is no case at {@code caseDir}
   */
  public static List<PivotRow> summarisedPivot(Path caseDir, Clock clock, PivotQuery query) {
    return PivotSummaries.answer(EvidenceStore.existing(caseDir, clock), query);
  }

  /** Returns the rows of a pivot, most events first. */
  public List<PivotRow> pivot(PivotQuery query) {
    List<PivotRow> rows = new java.util.ArrayList<>();
    pivot(query, rows::add);
    return rows;
  }

  /**
   * Hands the rows of a pivot to {@code sink} one at a time, most events first (a million values in
   * bounded memory); a pivot of one key over every event also writes that key's summary.
   */
  public void pivot(PivotQuery query, java.util.function.Consumer<PivotRow> sink) {
    PivotSummaries.Recorder keep = PivotSummaries.recorder(caseDir, query);
    read("pivot", c -> {
      if (keep == null) {
        Pivots.run(c, query, sink);
      } else {
        keep.run(c, sink); // and keeps the key's summary, so its next pivot needs no database
      }
      return null;
    });
    if (keep != null) {
      keep.write();
    }
  }

  /**
   * Returns the events of {@code window} that {@code filter} keeps (all when null), grouped by
   * session; sessions in order of their first event, events without a session last.
   */
  public List<TimelineSession> timeline(Window window, EventSelector filter) {
    List<TimelineSession> sessions = new java.util.ArrayList<>();
    timeline(window, filter, sessions::add);
    return sessions;
  }

  /**
   * Hands the sessions of {@link #timeline(Window, EventSelector)} to {@code sink} one at a time,
   * in the same order, holding only the one being read (a million events in bounded memory); stops
   * when {@code sink} returns false.
   */
  public void timeline(Window window, EventSelector filter, java.util.function.Predicate<TimelineSession> sink) {
    read("timeline", c -> {
      Timelines.run(c, window, filter, sink);
      return null;
    });
  }

  /**
   * Runs one read-only query and streams its rows to {@code sink}.
   *
   * @throws StoreException when the query is not a single read-only query, or fails
   */
  public void sql(String query, RowSink sink) {
    try (Connection c = Duck.open(path(caseDir), Duck.Mode.LOCKED)) {
      SqlRunner.run(c, query, sink);
    } catch (SQLException e) {
      throw failure("sql", e);
    }
  }

  /**
   * Exports the events to {@code out} (a directory that must not exist or be empty); returns the
   * directory (Parquet) or file (CSV, JSONL) written.
   */
  public Path export(ExportFormat format, Path out) {
    Path written = read("export", c -> Exporter.run(c, format, out));
    CasePaths.ownerOnly(out); // exports hold the evidence's contents: owner-only as the case is
    return written;
  }

  /**
   * Runs one parameterised query ({@code ?} placeholders; an {@link java.time.Instant} binds as a
   * UTC timestamp) on a connection of its own and maps each row; for okta-ir's own queries, not
   * the analyst's (those go through {@link #sql}).
   */
  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    try (CaseQueries q = queries()) {
      return q.list(sql, mapper, params);
    }
  }

  /**
   * Opens one read-only connection for a command's own queries; close it when the command is done.
   *
   * @throws StoreException when the database is open for writing in another process
   */
  public CaseQueries queries() {
    try {
      return new CaseQueries(Duck.open(path(caseDir), Duck.Mode.READ));
    } catch (SQLException e) {
      throw failure("query", e);
    }
  }

  private <T> T read(String what, SqlWork<T> work) {
    try (Connection c = Duck.open(path(caseDir), Duck.Mode.READ)) {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /**
   * Returns true when the database holds exactly the manifest's files, each still the bytes it
   * was loaded from (checked cheaply, see {@link Freshness}).
   *
   * @throws StoreException when a loaded file changed on disk
   */
  private static boolean upToDate(EvidenceStore evidence, List<EvidenceFile> files) {
    Path db = path(evidence.caseDir());
    if (!Files.exists(db)) {
      return false;
    }
    Map<String, Freshness.Stat> stats;
    try (Connection c = Duck.open(db, Duck.Mode.READ)) {
      Schema.checkVersion(c);
      Map<String, String> loaded = Loader.loadedFiles(c);
      if (loaded.size() != files.size() || !files.stream().allMatch(f -> f.sha256().equals(loaded.get(f.name())))) {
        return false;
      }
      stats = Freshness.recorded(c);
    } catch (SQLException e) {
      return false; // no tables yet, or not a database we wrote: a load sorts it out or says why
    }
    Freshness.check(evidence, files, stats, false);
    return true;
  }

  private static void drop(Path caseDir) {
    Path db = path(caseDir);
    try {
      Files.deleteIfExists(db);
      Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
    } catch (IOException e) {
      throw OktaIrException.io("cannot remove", db, e);
    }
  }

  private static RuntimeException failure(String what, SQLException e) {
    String message = "case database " + what + " failed: " + SqlRunner.firstLine(e.getMessage());
    String lower = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("no space left") || lower.contains("permission denied") || lower.contains("read-only file")) {
      // DuckDB reports the file system's refusal in its message: the disk, not a bug.
      return new OktaIrException(dev.oktair.errors.Kind.IO, message, e);
    }
    if (damaged(lower)) {
      // Derived data, not evidence: a rebuild from the evidence is the whole remedy.
      return StoreException.rebuild(dev.oktair.errors.Kind.EVIDENCE, "the case database is damaged ("
          + SqlRunner.firstLine(e.getMessage()) + "): rebuild it from the evidence");
    }
    return new IllegalStateException(message, e);
  }

  /** Returns true when DuckDB's message says the database file itself is not sound. */
  private static boolean damaged(String lower) {
    return lower.contains("not a valid duckdb database") || lower.contains("could not read enough bytes")
        || lower.contains("corrupt") || lower.contains("checksum") || lower.contains("database file")
        && lower.contains("invalid");
  }

  /** Work on an open connection. */
  private interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }
}
