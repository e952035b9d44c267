package dev.oktair.store;

import dev.oktair.events.EventSelector;
import dev.oktair.events.Window;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the events of a window in time order and groups them by session (root session id, else
 * external session id), sessions ordered by their first event; then the events without a session,
 * grouped by subject and IP and cut into bursts where one is quiet for {@link #BURST_GAP}, so a
 * sessionless password spray from one IP reads apart from the user's own API calls.
 *
 * <p>The grouping is done by the database, which returns the events group after group, so only
 * one group is held at a time (issue 14: a million events held as one list did not fit 512 MB).
 */
final class Timelines {
  /** The quiet time after which a subject's sessionless events from one IP start a new group. */
  static final Duration BURST_GAP = Duration.ofMinutes(30);

  /**
   * {@code pos} is an event's place in time order (ties by evidence order, so it is unique); a
   * group's {@code grp} is the place of its first event, which orders the groups and tells them
   * apart. A sessionless event starts a burst when it or the one before it from the same subject
   * and IP has no time, when there is none before it, or after a quiet gap; {@code burst} counts
   * the bursts begun so far for its subject and IP.
   */
  private static final String SELECT =
      "WITH e AS (SELECT uuid, published, event_type, outcome_result, display_message, client_ip, asn, as_org, device,"
          + " user_agent, CASE WHEN actor_type = 'User' THEN actor_alternate_id END AS subject,"
          + " coalesce(root_session_id, external_session_id) AS sid,"
          + " row_number() OVER (ORDER BY published ASC NULLS LAST, evidence_file, evidence_line) AS pos"
          + " FROM events WHERE %s),"
          + " s AS (SELECT *, CASE WHEN sid IS NULL AND (published IS NULL OR prev IS NULL"
          + "   OR published - prev > INTERVAL " + BURST_GAP.toMinutes() + " MINUTE) THEN 1 ELSE 0 END AS starts"
          + "   FROM (SELECT *, lag(published) OVER (PARTITION BY sid IS NULL, subject, client_ip ORDER BY pos) AS prev"
          + "     FROM e)),"
          + " b AS (SELECT *, CASE WHEN sid IS NULL THEN sum(starts) OVER (PARTITION BY subject, client_ip, sid IS NULL"
          + "   ORDER BY pos ROWS UNBOUNDED PRECEDING) END AS burst FROM s)"
          + " SELECT uuid, published, event_type, outcome_result, display_message, client_ip, asn, as_org, device,"
          + " user_agent, subject, sid,"
          + " min(pos) OVER (PARTITION BY sid IS NULL, sid, CASE WHEN sid IS NULL THEN subject END,"
          + "   CASE WHEN sid IS NULL THEN client_ip END, burst) AS grp"
          + " FROM b ORDER BY sid IS NULL, grp, pos";

  private Timelines() {}

  /**
   * Hands the groups to {@code sink} one at a time, in the order described above; stops reading
   * when it returns false.
   */
  static void run(Connection c, Window window, EventSelector filter, Predicate<TimelineSession> sink)
      throws SQLException {
    List<Object> params = new ArrayList<>();
    String where = WindowSql.where(window, params);
    if (filter != null) {
      FilterScan.run(c, filter, where, params);
      where = "(" + where + ") AND " + FilterScan.MATCHED;
    }
    try (PreparedStatement ps = Duck.prepare(c, String.format(SELECT, where), params.toArray())) {
      ps.setFetchSize(4096);
      try (ResultSet rs = ps.executeQuery()) {
        TimelineSession.Builder b = null;
        long group = -1;
        while (rs.next()) {
          long grp = rs.getLong(13);
          if (b == null || grp != group) {
            if (b != null && !sink.test(b.build())) {
              return;
            }
            b = new TimelineSession.Builder(rs.getString(12));
            group = grp;
          }
          TimelineSession.Event e = new TimelineSession.Event(rs.getString(1), Duck.instant(rs, 2), rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getString(6));
          b.add(e, (Long) rs.getObject(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
        }
        if (b != null) {
          sink.test(b.build());
        }
      }
    }
  }
}
