import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * DuckDB, the peer of bench/run (not a test): runs one step through DuckDB's JDBC driver in a
 * fresh process and prints the seconds the statement took (JVM start and driver load excluded,
 * which flatters DuckDB). Steps: {@code filter FILE} (read_ndjson_objects + json_extract_string,
 * the matching raw lines written to /dev/null), {@code load FILE DB} (CREATE TABLE AS SELECT *
 * FROM read_json with the whole file sampled), {@code pivot DB} (GROUP BY client IP).
 */
public final class DuckPeer {
  public static void main(String[] args) throws SQLException, java.io.IOException {
    String step = args[0];
    String db = step.equals("filter") ? "" : args[step.equals("load") ? 2 : 1];
    if (step.equals("load")) {
      Files.deleteIfExists(Path.of(db));
      Files.deleteIfExists(Path.of(db + ".wal"));
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
      String sql = switch (step) {
        case "filter" -> "COPY (SELECT json FROM read_ndjson_objects('" + args[1] + "') "
            + "WHERE json_extract_string(json, '$.eventType') = 'user.session.start') "
            + "TO '/dev/null' (FORMAT csv, HEADER false)";
        case "load" -> "CREATE TABLE events AS SELECT * FROM read_json('" + args[1] + "', sample_size=-1)";
        case "pivot" -> "SELECT client.ipAddress AS ip, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC";
        default -> throw new IllegalArgumentException(step);
      };
      long t = System.nanoTime();
      if (step.equals("pivot")) {
        try (ResultSet r = s.executeQuery(sql)) {
          while (r.next()) {
            r.getString(1);
          }
        }
      } else {
        s.execute(sql);
      }
      System.out.printf(Locale.ROOT, "%.3f%n", (System.nanoTime() - t) / 1e9);
    }
  }
}
