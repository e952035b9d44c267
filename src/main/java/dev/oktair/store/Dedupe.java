package dev.oktair.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Keeps {@code events} at one row per distinct event once an evidence file's lines are in it.
 *
 * <p>Two lines are the same event when they have the same {@code uuid} and the same bytes (lines
 * without a uuid: the same bytes), bytes compared by their SHA-256 as the evidence manifest does. Overlapping collections (a user's events, then an attacker IP's)
 * return the very same bytes for the events both saw, so the later lines add nothing but
 * provenance. The same uuid with other bytes is kept as two events, both flagged {@code
 * uuid_collision}: which of them Okta meant is the analyst's call, not ours.
 *
 * <p>Files are loaded in manifest order, each after all those before it, so "first" is the
 * earliest line of the earliest file and an incremental load ends where a rebuild does. Only keys
 * seen more than once are compared byte for byte, so a file that overlaps nothing costs two scans
 * of the uuid column.
 */
final class Dedupe {
  /**
   * Every row (any file) whose key occurs more than once with a row of the file $1 among it: rows
   * of the same uuid, and rows without uuid of the same (64-bit) hash; with the SHA-256 of their
   * bytes, which stands for the bytes from here on (so a fully overlapping file costs 64 bytes a
   * line here, not a copy of its lines).
   */
  private static final String CANDIDATES =
      """
      CREATE OR REPLACE TEMP TABLE dedupe_candidates AS
      WITH shared AS (
        SELECT uuid FROM events WHERE uuid IN (SELECT uuid FROM events WHERE evidence_file = $1)
        GROUP BY uuid HAVING count(*) > 1
      )
      SELECT evidence_file, evidence_line, uuid, sha256(raw) AS sha FROM events WHERE uuid IN (SELECT uuid FROM shared)
      """;

  private static final String CANDIDATES_WITHOUT_UUID =
      """
      INSERT INTO temp.dedupe_candidates
      WITH shared AS (
        SELECT hash(raw) AS h FROM events
        WHERE uuid IS NULL AND hash(raw) IN (SELECT hash(raw) FROM events WHERE evidence_file = $1 AND uuid IS NULL)
        GROUP BY h HAVING count(*) > 1
      )
      SELECT evidence_file, evidence_line, uuid, sha256(raw) AS sha FROM events
      WHERE uuid IS NULL AND hash(raw) IN (SELECT h FROM shared)
      """;

  /**
   * The lines of file $1 that repeat an event seen before, with where it was first seen: earlier
   * files come first (they hold it at most once), then earlier lines of the same file.
   */
  private static final String REPEATS =
      """
      CREATE OR REPLACE TEMP TABLE dedupe_repeats AS
      SELECT evidence_line, first_file, first_line FROM (
        SELECT evidence_file, evidence_line,
          first_value(evidence_file) OVER w AS first_file, first_value(evidence_line) OVER w AS first_line
        FROM temp.dedupe_candidates
        WINDOW w AS (PARTITION BY uuid, sha ORDER BY evidence_file = $1, evidence_line)
      ) WHERE evidence_file = $1 AND NOT (first_file = $1 AND first_line = evidence_line)
      """;

  private static final String PROVENANCE =
      """
      INSERT INTO evidence_lines
      SELECT e.evidence_file, e.evidence_line, e.uuid,
        coalesce(r.first_file, e.evidence_file), coalesce(r.first_line, e.evidence_line)
      FROM events e LEFT JOIN temp.dedupe_repeats r ON r.evidence_line = e.evidence_line
      WHERE e.evidence_file = $1
      """;

  private static final String DROP_REPEATS =
      "DELETE FROM events WHERE evidence_file = $1 AND evidence_line IN (SELECT evidence_line FROM temp.dedupe_repeats)";

  private static final String FLAG_COLLISIONS =
      """
      UPDATE events SET uuid_collision = true WHERE NOT uuid_collision AND uuid IN (
        SELECT uuid FROM temp.dedupe_candidates WHERE uuid IS NOT NULL GROUP BY uuid HAVING count(DISTINCT sha) > 1)
      """;

  private Dedupe() {}

  /**
   * Records the lines of {@code file} (already inserted into {@code events}) in {@code
   * evidence_lines}, then removes those repeating an event seen before and flags uuid collisions;
   * returns how many lines repeated an event.
   */
  static long apply(Connection c, String file) throws SQLException {
    run(c, CANDIDATES, file);
    if (Duck.longValue(c, "SELECT count(*) FROM events WHERE evidence_file = ? AND uuid IS NULL", file) > 0) {
      run(c, CANDIDATES_WITHOUT_UUID, file);
    }
    boolean overlaps = Duck.longValue(c, "SELECT count(*) FROM temp.dedupe_candidates") > 0;
    run(c, REPEATS, file);
    long repeats = Duck.longValue(c, "SELECT count(*) FROM temp.dedupe_repeats");
    run(c, PROVENANCE, file);
    if (repeats > 0) {
      run(c, DROP_REPEATS, file);
    }
    if (overlaps) {
      Duck.exec(c, FLAG_COLLISIONS);
    }
    Duck.exec(c, "DROP TABLE temp.dedupe_candidates");
    Duck.exec(c, "DROP TABLE temp.dedupe_repeats");
    return repeats;
  }

  private static void run(Connection c, String sql, String file) throws SQLException {
    try (PreparedStatement ps = Duck.prepare(c, sql, file)) {
      ps.execute();
    }
  }
}
