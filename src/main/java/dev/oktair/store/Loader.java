package dev.oktair.store;

import dev.oktair.errors.Kind;
import dev.oktair.events.Json;
import dev.oktair.evidence.EvidenceFile;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.store.LoadReport.LoadedFile;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Loads evidence files into the database: only files not loaded yet, in manifest order, each in
 * one transaction that also records it in {@code loaded_files}, so a load is incremental,
 * idempotent, and never leaves half a file behind. Each file is hashed while DuckDB reads it, and
 * committed only when its SHA-256, line count and byte count match the manifest and every row
 * carries the line number its bytes sit at ({@link FileDigest}); then its lines go to {@code
 * evidence_lines} and those repeating an event already loaded leave {@code events} ({@link
 * Dedupe}).
 */
final class Loader {
  private final EvidenceStore evidence;
  private final Clock clock;

  Loader(EvidenceStore evidence, Clock clock) {
    this.evidence = evidence;
    this.clock = clock;
  }

  LoadReport load(Connection c, boolean rebuilt) throws SQLException {
    Schema.ensure(c);
    List<EvidenceFile> files = evidence.files();
    Map<String, String> loaded = loadedFiles(c);
    checkUnchanged(files, loaded);
    // A load re-hashes what is already loaded (as verify does): "up to date" means the bytes too.
    List<EvidenceFile> already = files.stream().filter(f -> loaded.containsKey(f.name())).toList();
    Freshness.check(evidence, already, Map.of(), true);
    for (EvidenceFile f : already) {
      Freshness.record(c, evidence, f);
    }
    List<LoadedFile> added = new ArrayList<>();
    ExecutorService hasher = Executors.newSingleThreadExecutor(Loader::daemon);
    try {
      for (EvidenceFile file : files) {
        if (!loaded.containsKey(file.name())) {
          added.add(loadFile(c, file, hasher));
        }
      }
    } finally {
      hasher.shutdownNow();
    }
    long total = Duck.longValue(c, "SELECT count(*) FROM events");
    long collisions = Duck.longValue(c, "SELECT count(DISTINCT uuid) FROM events WHERE uuid_collision");
    return new LoadReport(added, files.size() - added.size(), total, collisions, rebuilt);
  }

  static Map<String, String> loadedFiles(Connection c) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, sha256 FROM loaded_files ORDER BY name")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  /** Fails when a file already in the database is gone from, or differs in, the manifest. */
  void checkUnchanged(List<EvidenceFile> files, Map<String, String> loaded) {
    Map<String, String> listed = new LinkedHashMap<>();
    files.forEach(f -> listed.put(f.name(), f.sha256()));
    for (Map.Entry<String, String> e : loaded.entrySet()) {
      String now = listed.get(e.getKey());
      if (now == null) {
        throw changed(e.getKey() + " was loaded into the case database but the evidence manifest no longer lists it");
      }
      if (!now.equals(e.getValue())) {
        throw changed(e.getKey() + " has sha256 " + now + " in the manifest but " + e.getValue()
            + " in the case database");
      }
    }
  }

  private StoreException changed(String what) {
    return StoreException.rebuild(Kind.EVIDENCE,
        "evidence changed: " + what + "; verify the evidence, then rebuild the case database from it");
  }

  private LoadedFile loadFile(Connection c, EvidenceFile file, ExecutorService hasher) throws SQLException {
    Path path = evidence.pathOf(file);
    checkSize(file, path);
    CompletableFuture<FileDigest> digest = CompletableFuture.supplyAsync(() -> FileDigest.of(path), hasher);
    c.setAutoCommit(false);
    try {
      boolean exact = insert(c, file, path, digest);
      long newEvents = file.events() - Dedupe.apply(c, file.name());
      Freshness.record(c, evidence, file);
      try (PreparedStatement ps = Duck.prepare(c, "INSERT INTO loaded_files VALUES (?, ?, ?, ?, ?::JSON, ?)",
          file.name(), file.sha256(), file.events(), newEvents, Json.MAPPER.writeValueAsString(file.source()),
          Duck.timestamp(clock.instant()))) {
        ps.execute();
      }
      c.commit();
      return new LoadedFile(file.name(), file.sha256(), file.events(), newEvents, exact);
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      checkHash(file, join(digest)); // a file that changed on disk explains any failure best
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /**
   * Inserts the file's rows, fast when DuckDB's line reader agrees with the file (the same lines,
   * bytes and line positions as the hash pass saw), else with the exact reader; returns true when
   * exact. Fails when the file is not the bytes its manifest entry seals.
   */
  private boolean insert(Connection c, EvidenceFile file, Path path, CompletableFuture<FileDigest> pending)
      throws SQLException {
    boolean read = insertFast(c, file, path);
    FileDigest digest = join(pending);
    checkHash(file, digest);
    if (read) {
      Rows rows = Rows.of(c, file);
      if ((file.events() == 0 || rows.counts(file)) && rows.positions() == digest.positions()) {
        return false;
      }
    }
    c.rollback();
    insertExact(c, file, path);
    Rows rows = Rows.of(c, file);
    if (!rows.counts(file)) {
      throw changed(file.name() + " does not hold the " + file.events() + " lines and " + file.bytes()
          + " bytes its manifest entry records");
    }
    if (rows.positions() != digest.positions()) {
      throw new IllegalStateException("the rows loaded from " + file.name() + " do not sit at their evidence line numbers");
    }
    return true;
  }

  private void checkHash(EvidenceFile file, FileDigest digest) {
    if (!digest.sha256().equals(file.sha256())) {
      throw changed(file.name() + " has sha256 " + digest.sha256() + " on disk but " + file.sha256() + " in the manifest");
    }
  }

  private void checkSize(EvidenceFile file, Path path) {
    try {
      long size = Files.size(path);
      if (size != file.bytes()) {
        throw changed(file.name() + " is " + size + " bytes on disk but " + file.bytes() + " in the manifest");
      }
    } catch (IOException e) {
      throw changed(file.name() + " cannot be read (" + e.getMessage() + ")");
    }
  }

  /**
   * Inserts with DuckDB's line reader on both cores, then numbers the rows by their place in the
   * table (see {@link Schema#NUMBER_LINES}); returns false when DuckDB could not read the file.
   */
  private boolean insertFast(Connection c, EvidenceFile file, Path path) throws SQLException {
    if (file.events() == 0) {
      return true;
    }
    try (PreparedStatement ps = Duck.prepare(c, Schema.insertFrom(Schema.LINES_OF_FILE),
        file.name(), path.toAbsolutePath().toString());
        PreparedStatement number = Duck.prepare(c, Schema.NUMBER_LINES, file.name())) {
      ps.execute();
      number.execute();
    } catch (SQLException e) {
      return false; // e.g. a carriage return inside a line: the exact reader handles it
    }
    return true;
  }

  /**
   * What the rows of one evidence file add up to, in one scan: the rows, those with bytes, their
   * bytes plus one newline each, the highest line number, and the line-position checksum of
   * {@link FileDigest}.
   */
  private record Rows(long rows, long withRaw, long bytes, long lastLine, long positions) {
    static Rows of(Connection c, EvidenceFile file) throws SQLException {
      try (PreparedStatement ps = Duck.prepare(c,
              "SELECT count(*), count(raw), coalesce(sum(strlen(raw)), 0) + count(*), coalesce(max(evidence_line), 0),"
                  + " coalesce(sum((evidence_line * strlen(raw)) % " + FileDigest.PRIME + "), 0)::BIGINT"
                  + " FROM events WHERE evidence_file = ?", file.name());
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Rows(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
      }
    }

    /** Returns true when the rows add up to the manifest's line and byte counts. */
    boolean counts(EvidenceFile file) {
      return rows == file.events() && withRaw == rows && bytes == file.bytes() && lastLine == rows;
    }
  }

  /** Splits the file on \n in Java (every other byte kept) and inserts through a staging table. */
  private void insertExact(Connection c, EvidenceFile file, Path path) throws SQLException {
    Duck.exec(c, "CREATE OR REPLACE TEMP TABLE staging (evidence_line BIGINT, raw VARCHAR)");
    try (DuckDBAppender appender = ((DuckDBConnection) c).createAppender("temp", "main", "staging");
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
      long number = 0;
      for (int b; (b = in.read()) >= 0; ) {
        if (b == '\n') {
          appender.beginRow();
          appender.append(++number);
          appender.append(line.toString(StandardCharsets.UTF_8));
          appender.endRow();
          line.reset();
        } else {
          line.write(b);
        }
      }
      if (line.size() > 0) {
        throw changed(file.name() + " does not end with a newline");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    try (PreparedStatement ps = Duck.prepare(c, Schema.insertFrom(Schema.LINES_OF_STAGING), file.name())) {
      ps.execute();
    }
    Duck.exec(c, "DROP TABLE temp.staging");
  }

  private FileDigest join(CompletableFuture<FileDigest> digest) {
    try {
      return digest.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing evidence", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException u) {
        throw changed("an evidence file cannot be read (" + u.getMessage() + ")");
      }
      throw new IllegalStateException(cause);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "okta-ir-evidence-hash");
    t.setDaemon(true);
    return t;
  }
}
