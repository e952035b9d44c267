package dev.oktair.store;

import dev.oktair.cases.AtomicFile;
import dev.oktair.cases.CasePaths;
import dev.oktair.events.Window;
import dev.oktair.evidence.EvidenceFile;
import dev.oktair.evidence.EvidenceStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The pivot summaries of a case ({@code CASE/case.pivots/KEY}): per pivot key, the top
 * {@link #CAP} rows of the pivot of every event, so that {@code okta-ir pivot --by ip} on a
 * million-event case answers without opening DuckDB (issue 14: the open alone is over half a
 * second, the group-by over 600k client IPs a third of a second more). Each load writes those of
 * {@link #AT_LOAD}; a pivot the database answers writes its key's.
 *
 * <p>A summary is a cache of the database, never a second truth. It names the database file it
 * was computed from (size, modification time, file key) and the evidence stats the database
 * recorded; it answers only while the database file is that file, has no write-ahead log, and
 * each evidence file is the one the manifest lists with the stat recorded at load (so a changed
 * byte still fails as {@link Freshness} says, on the SQL path). And it answers only what it holds
 * exactly: one key, every event, no filter or keyword query, a limit within its rows (or any
 * limit when it holds every value); a baseline from the first-seen times (a value was seen before
 * T exactly when its earliest event was). Everything else goes to SQL.
 */
final class PivotSummaries {
  /** Rows kept per key: --limit up to CAP - 1 answers from the summary (one row more tells whether the list was cut). */
  static final int CAP = 1000;

  /**
   * The keys each load summarises: the client IP, the pivot an investigation starts with and the
   * one with a value per client (600k of them in 1 GB of real-shaped events, a third of a second to
   * group). Summarising every key would add a tenth to the load; the others are summarised by their
   * first pivot instead ({@link Recorder}), at no extra cost.
   */
  static final Set<PivotKey> AT_LOAD = EnumSet.of(PivotKey.IP);

  private PivotSummaries() {}

  /** Summaries computed over an open connection, to be written once it is closed. */
  record Pending(List<SummaryFile> files) {}

  /** Removes the case's summaries: called before anything changes the database. */
  static void forget(Path caseDir) {
    Path dir = CasePaths.of(caseDir).pivotSummaries();
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw dev.oktair.errors.OktaIrException.io("cannot remove the pivot summaries", dir, e);
    }
  }

  /**
   * Computes the summaries of {@link #AT_LOAD} over the freshly loaded database and checkpoints
   * it, so that its file holds everything they were computed from once the connection closes.
   */
  static Pending compute(Connection c) throws SQLException {
    List<SummaryFile.Loaded> evidence = evidence(c);
    List<SummaryFile> files = new ArrayList<>();
    for (PivotKey key : AT_LOAD) {
      List<PivotRow> rows = new ArrayList<>();
      Pivots.run(c, new PivotQuery(List.of(key), Window.ALL, null, CAP + 1, null), rows::add);
      summary(key, rows, evidence).ifPresent(files::add);
    }
    Duck.exec(c, "CHECKPOINT");
    return new Pending(files);
  }

  /**
   * Returns the recorder that runs {@code q} and keeps its key's summary, or null when {@code q} is
   * not a pivot a summary holds. Call before opening the connection it runs on.
   */
  static Recorder recorder(Path caseDir, PivotQuery q) {
    if (!answerable(q)) {
      return null;
    }
    try {
      String before = fingerprint(CaseDatabase.path(caseDir));
      return before == null ? null : new Recorder(caseDir, q, before);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Runs a pivot a summary can hold, asking DuckDB for the summary's rows (the top {@link #CAP} + 1
   * cost what the top 51 do), handing the sink the rows the query asked for and keeping the rest
   * for {@link #write}. Not thread-safe.
   */
  static final class Recorder {
    private final Path caseDir;
    private final PivotQuery query;
    private final String before;
    private Pending pending = new Pending(List.of());

    private Recorder(Path caseDir, PivotQuery query, String before) {
      this.caseDir = caseDir;
      this.query = query;
      this.before = before;
    }

    void run(Connection c, Consumer<PivotRow> sink) throws SQLException {
      int asked = query.limit();
      int limit = asked == 0 ? 0 : Math.max(asked, CAP + 1);
      PivotQuery wide = new PivotQuery(query.keys(), query.window(), query.baselineUntil(), limit, null);
      PivotKey key = query.keys().get(0);
      List<PivotRow> kept = new ArrayList<>();
      long[] seen = {0};
      Pivots.run(c, wide, r -> {
        if (asked == 0 || seen[0]++ < asked) {
          sink.accept(r);
        }
        if (kept.size() <= CAP) {
          kept.add(new PivotRow(r.value(), r.events(), r.successes(), r.failures(), r.firstSeen(), r.lastSeen(),
              r.subjects(), null));
        }
      });
      pending = new Pending(summary(key, kept, evidence(c)).stream().toList());
    }

    /** Writes the summary when the database file is still the one it was read from. */
    void write() {
      PivotSummaries.write(caseDir, pending, before);
    }
  }

  /** Returns the evidence the database was loaded from, or none when a file's stat was never recorded. */
  private static List<SummaryFile.Loaded> evidence(Connection c) throws SQLException {
    List<SummaryFile.Loaded> evidence = new ArrayList<>();
    Map<String, Freshness.Stat> stats = Freshness.recorded(c);
    for (Map.Entry<String, String> f : Loader.loadedFiles(c).entrySet()) {
      Freshness.Stat stat = stats.get(f.getKey());
      if (stat == null) {
        return null; // an older database: the SQL path re-hashes such a file, a summary cannot
      }
      evidence.add(new SummaryFile.Loaded(f.getKey(), f.getValue(), stat));
    }
    return evidence;
  }

  /** Returns the summary of {@code key} from the first CAP + 1 rows of its pivot, if the file can keep it. */
  private static Optional<SummaryFile> summary(PivotKey key, List<PivotRow> rows, List<SummaryFile.Loaded> evidence) {
    if (evidence == null || !rows.stream().allMatch(r -> SummaryFile.storable(r.value().get(key)))) {
      return Optional.empty();
    }
    boolean complete = rows.size() <= CAP;
    return Optional.of(new SummaryFile(key, new SummaryFile.Stamp("", evidence), complete,
        complete ? rows : rows.subList(0, CAP)));
  }

  /**
   * Writes the summaries stamped with the database file as it is now, when that is {@code expected}
   * (null: any). A summary that cannot be written costs only speed (the pivot then asks DuckDB):
   * a failure is not the caller's.
   */
  static void write(Path caseDir, Pending pending, String expected) {
    Path dir = CasePaths.of(caseDir).pivotSummaries();
    for (SummaryFile f : pending.files()) {
      Path file = dir.resolve(f.key().key());
      try {
        String database = fingerprint(CaseDatabase.path(caseDir));
        if (database == null || expected != null && !expected.equals(database)) {
          return;
        }
        CasePaths.directory(dir);
        AtomicFile.write(file, new SummaryFile(f.key(), new SummaryFile.Stamp(database, f.stamp().evidence()),
            f.complete(), f.rows()).bytes());
      } catch (IOException | RuntimeException e) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a stale summary cannot answer (its stamp names another database file): only speed is lost
        }
      }
    }
  }

  /**
   * Returns the rows of {@code q} from the case's summary, or null when the summary is missing,
   * stale, or does not hold the answer exactly (then the database must answer).
   */
  static List<PivotRow> answer(EvidenceStore evidence, PivotQuery q) {
    if (!answerable(q)) {
      return null;
    }
    Path caseDir = evidence.caseDir();
    Path file = CasePaths.of(caseDir).pivotSummaries().resolve(q.keys().get(0).key());
    SummaryFile summary;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      summary = SummaryFile.read(in);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | RuntimeException unreadable) {
      return null; // a damaged cache: the database answers
    }
    if (summary == null || summary.key() != q.keys().get(0) || !current(evidence, summary.stamp())) {
      return null;
    }
    List<PivotRow> rows = summary.rows();
    if (!summary.complete() && (q.limit() == 0 || q.limit() > rows.size())) {
      return null;
    }
    if (q.limit() > 0 && q.limit() < rows.size()) {
      rows = rows.subList(0, q.limit());
    }
    return q.baselineUntil() == null ? rows : baselined(rows, q.baselineUntil());
  }

  /** Returns true for the queries a summary can hold: one key over every event, unfiltered. */
  private static boolean answerable(PivotQuery q) {
    Instant baseline = q.baselineUntil();
    // the SQL compares against a microsecond TIMESTAMP: a finer baseline is left to it
    return q.keys().size() == 1 && q.filter() == null && q.window().since() == null && q.window().until() == null
        && (baseline == null || baseline.getNano() % 1000 == 0);
  }

  /**
   * Returns true when the database file is the one the summary was computed from and the evidence
   * is what that database was loaded from, unchanged since (the manifest's files, their stats).
   */
  private static boolean current(EvidenceStore evidence, SummaryFile.Stamp stamp) {
    Path db = CaseDatabase.path(evidence.caseDir());
    try {
      if (!stamp.database().equals(fingerprint(db)) || Files.exists(db.resolveSibling(db.getFileName() + ".wal"))) {
        return false;
      }
      List<EvidenceFile> files = evidence.files();
      if (files.size() != stamp.evidence().size()) {
        return false;
      }
      Map<String, SummaryFile.Loaded> loaded = new HashMap<>();
      stamp.evidence().forEach(f -> loaded.put(f.name(), f));
      for (EvidenceFile f : files) {
        SummaryFile.Loaded l = loaded.get(f.name());
        if (l == null || !l.sha256().equals(f.sha256()) || l.stat().bytes() != f.bytes()
            || !l.stat().equals(Freshness.Stat.of(evidence.pathOf(f)))) {
          return false;
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // whatever is amiss, the SQL path checks it and says what
    }
  }

  /** A value is NEW unless one of its events was published before {@code until}: unless its first seen was. */
  private static List<PivotRow> baselined(List<PivotRow> rows, Instant until) {
    List<PivotRow> out = new ArrayList<>(rows.size());
    for (PivotRow r : rows) {
      boolean missing = r.value().containsValue(null);
      boolean seen = r.firstSeen() != null && r.firstSeen().isBefore(until);
      out.add(new PivotRow(r.value(), r.events(), r.successes(), r.failures(), r.firstSeen(), r.lastSeen(),
          r.subjects(), !missing && !seen));
    }
    return out;
  }

  /** Returns the size, modification time and file key of {@code db}, or null when there is none. */
  static String fingerprint(Path db) throws IOException {
    if (!Files.exists(db)) {
      return null;
    }
    BasicFileAttributes a = Files.readAttributes(db, BasicFileAttributes.class);
    return a.size() + " " + a.lastModifiedTime() + " " + a.fileKey();
  }
}
