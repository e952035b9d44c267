package dev.oktair.store;

import dev.oktair.errors.Kind;
import dev.oktair.evidence.EvidenceFile;
import dev.oktair.evidence.EvidenceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the evidence the database was loaded from is still the evidence its manifest seals. At
 * load each file's size, modification time and (where the file system has one) inode change time
 * are recorded ({@code evidence_stat}); every open compares them with the file on disk and
 * re-hashes a file only when they differ (or were never recorded), so an unchanged case costs one
 * {@code stat} per file, and a changed byte is never served from the database. The change time
 * is the one a user cannot set back ({@code touch -d} restores only the modification time); a
 * copied case differs in it, and so is re-hashed on each open until its next load.
 */
final class Freshness {
  static final String DDL =
      "CREATE TABLE IF NOT EXISTS evidence_stat (name VARCHAR PRIMARY KEY, bytes BIGINT NOT NULL,"
          + " mtime_ms BIGINT NOT NULL, ctime_ms BIGINT NOT NULL)";

  private Freshness() {}

  /** A file's size, modification time and change time (0 where there is none). */
  record Stat(long bytes, long mtimeMillis, long ctimeMillis) {
    static Stat of(Path path) throws IOException {
      long ctime;
      try {
        ctime = ((java.nio.file.attribute.FileTime) Files.getAttribute(path, "unix:ctime")).toMillis();
      } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
        ctime = 0;
      }
      return new Stat(Files.size(path), Files.getLastModifiedTime(path).toMillis(), ctime);
    }
  }

  /** Returns the recorded stats; none from a database loaded before they were recorded. */
  static Map<String, Stat> recorded(Connection c) {
    Map<String, Stat> out = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, bytes, mtime_ms, ctime_ms FROM evidence_stat")) {
      while (rs.next()) {
        out.put(rs.getString(1), new Stat(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
      }
    } catch (SQLException noTable) {
      // an older database: every file is re-hashed, which is slower but as safe
    }
    return out;
  }

  /** Records the stat of {@code file} as it was when it was verified. */
  static void record(Connection c, EvidenceStore evidence, EvidenceFile file) throws SQLException {
    Stat stat;
    try {
      stat = Stat.of(evidence.pathOf(file));
    } catch (IOException e) {
      throw changed(file, "cannot be read (" + e.getMessage() + ")");
    }
    try (PreparedStatement ps = Duck.prepare(c, "INSERT OR REPLACE INTO evidence_stat VALUES (?, ?, ?, ?)",
        file.name(), stat.bytes(), stat.mtimeMillis(), stat.ctimeMillis())) {
      ps.execute();
    }
  }

  /**
   * Checks that each of {@code files} on disk is what its manifest entry seals: its size always,
   * its hash when {@code rehash} or when its size or time differ from {@code recorded}.
   *
   * @throws StoreException (EVIDENCE, needing a rebuild) naming the first file that changed
   */
  static void check(EvidenceStore evidence, List<EvidenceFile> files, Map<String, Stat> recorded, boolean rehash) {
    for (EvidenceFile file : files) {
      Path path = evidence.pathOf(file);
      Stat now;
      try {
        now = Stat.of(path);
      } catch (IOException e) {
        throw changed(file, "is missing or cannot be read (" + e.getClass().getSimpleName() + ")");
      }
      if (now.bytes() != file.bytes()) {
        throw changed(file, "is " + now.bytes() + " bytes on disk but " + file.bytes() + " in the manifest");
      }
      if (rehash || !now.equals(recorded.get(file.name()))) {
        String sha256;
        try {
          sha256 = EvidenceStore.sha256(path);
        } catch (java.io.UncheckedIOException e) {
          throw changed(file, "cannot be read (" + e.getCause().getMessage() + ")");
        }
        if (!sha256.equals(file.sha256())) {
          throw changed(file, "has sha256 " + sha256 + " on disk but " + file.sha256() + " in the manifest");
        }
      }
    }
  }

  private static StoreException changed(EvidenceFile file, String what) {
    return StoreException.rebuild(Kind.EVIDENCE, "evidence changed after it was loaded: " + file.name() + " " + what
        + "; the case database no longer matches the evidence");
  }
}
