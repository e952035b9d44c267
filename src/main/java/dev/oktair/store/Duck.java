package dev.oktair.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Properties;

/**
 * Opens DuckDB connections to a case database the one way okta-ir uses them, and a few JDBC
 * helpers. Every connection works in UTC, so TIMESTAMP columns hold UTC instants.
 */
final class Duck {
  /**
   * DuckDB's memory ceiling by default, beside the JVM's heap (bin/okta-ir gives that 1 GB); past
   * it DuckDB spills to {@link #tempDirectory}. Its own default is 80% of RAM, and the 4 GB set
   * before let a Parquet export of issue 14's 635k events reach 3.1-3.4 GB of RSS. At 1 GB that
   * export peaked at 1.5 GB, but {@code load --rebuild} took three times as long (it holds the
   * file's text, 1 GB, while it inserts); at 1.5 GB still 1.6 times; at 2 GB it is as fast as before.
   */
  static final String MEMORY_LIMIT = "2GB";

  /** The environment variable that overrides {@link #MEMORY_LIMIT}, e.g. {@code 4GB}. */
  static final String MEMORY_VARIABLE = "OKTA_IR_DUCKDB_MEMORY";

  private static final java.util.regex.Pattern SIZE =
      java.util.regex.Pattern.compile("(?i)\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

  /**
   * The oldest DuckDB that can open a case database this okta-ir creates: 1.2 stores {@code raw}
   * with zstd (issue 14: a quarter to a fifth of the file, and about half the commit's work,
   * against the default string compression). Databases made before keep their own format.
   */
  static final String STORAGE_VERSION = "v1.2.0";

  /** How a connection may touch the database and the file system. */
  enum Mode {
    /** Loading: read and write. */
    WRITE,
    /** Pivots, timelines, exports: read only. */
    READ,
    /** Analyst SQL: read only, no file system, settings locked. */
    LOCKED
  }

  private Duck() {}

  static Connection open(Path db, Mode mode) throws SQLException {
    Properties p = new Properties();
    p.setProperty("memory_limit", memoryLimit(System.getenv(MEMORY_VARIABLE)));
    // Spill beside the database, inside the case: the same disk the case was sized for, owner-only
    p.setProperty("temp_directory", tempDirectory(db).toString());
    p.setProperty("storage_compatibility_version", STORAGE_VERSION);
    if (mode != Mode.WRITE) {
      p.setProperty("duckdb.read_only", "true");
    }
    DuckLibrary.prepare();
    Connection c;
    try {
      c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), p);
    } catch (SQLException e) {
      String message = String.valueOf(e.getMessage());
      // Another process holds DuckDB's file lock; or, within this process, another command holds
      // the database open in the other mode (DuckDB shares one instance per file and process, and
      // refuses a second instance of the same file as a "unique file handle conflict").
      if (message.contains("lock") || message.contains("different configuration than existing connections")
          || message.contains("Unique file handle conflict")) {
        throw StoreException.invalid("the case database " + db + " is open in another process or command (an"
            + " okta-ir load, or a DuckDB shell): wait for it or close it, and try again");
      }
      throw e;
    }
    try {
      exec(c, "SET TimeZone = 'UTC'");
      if (mode == Mode.LOCKED) {
        // Defence in depth behind SqlGuard: no COPY TO, no reading or attaching other files,
        // no extension installs, and no way to switch that back on.
        exec(c, "SET enable_external_access = false");
        exec(c, "SET lock_configuration = true");
      }
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  /**
   * Returns DuckDB's memory limit: {@code configured} (the environment's {@value #MEMORY_VARIABLE})
   * when set, else {@link #MEMORY_LIMIT}.
   *
   * @throws StoreException when {@code configured} is not a size such as {@code 2GB} or {@code 512MiB}
   */
  static String memoryLimit(String configured) {
    if (configured == null || configured.isBlank()) {
      return MEMORY_LIMIT;
    }
    if (!SIZE.matcher(configured.trim()).matches()) {
      throw StoreException.invalid(MEMORY_VARIABLE + "=" + configured + " is not a size: give one such as 2GB or 512MB");
    }
    return configured.trim();
  }

  /** Returns where DuckDB spills what does not fit its memory limit: {@code case.duckdb.tmp} beside the database. */
  static Path tempDirectory(Path db) {
    return db.toAbsolutePath().resolveSibling(db.getFileName() + ".tmp");
  }

  static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static long longValue(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
    return ps;
  }

  /** Returns a TIMESTAMP column as the UTC instant it holds, or null. */
  static Instant instant(ResultSet rs, int column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  /**
   * Returns a column of epoch microseconds ({@code epoch_us(...)}) as an instant, or null: many
   * times faster than the driver's TIMESTAMP conversion where a query returns a million of them.
   */
  static Instant instantOfMicros(ResultSet rs, int column) throws SQLException {
    long micros = rs.getLong(column);
    return rs.wasNull() ? null : Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS);
  }

  /** Returns an instant as a TIMESTAMP parameter (a UTC wall time, free of JVM time zone). */
  static LocalDateTime timestamp(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** Returns {@code text} as a single-quoted SQL string literal. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
