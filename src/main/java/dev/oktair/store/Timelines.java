package dev.oktair.store;

import dev.oktair.events.EventSelector;
import dev.oktair.events.Window;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the events of a window in time order and groups them by session (root session id, else
 * external session id), sessions ordered by their first event; then the events without a session,
 * grouped by subject and IP and cut into bursts where one is quiet for {@link #BURST_GAP}, so a
 * sessionless password spray from one IP reads apart from the user's own API calls.
 */
final class Timelines {
  /** The quiet time after which a subject's sessionless events from one IP start a new group. */
  static final Duration BURST_GAP = Duration.ofMinutes(30);

  private static final String SELECT =
      "SELECT uuid, published, event_type, outcome_result, display_message, client_ip, asn, as_org, device,"
          + " user_agent, CASE WHEN actor_type = 'User' THEN actor_alternate_id END,"
          + " coalesce(root_session_id, external_session_id) FROM events WHERE %s"
          + " ORDER BY published ASC NULLS LAST, evidence_file, evidence_line";

  private Timelines() {}

  static List<TimelineSession> run(Connection c, Window window, EventSelector filter) throws SQLException {
    List<Object> params = new ArrayList<>();
    String where = WindowSql.where(window, params);
    if (filter != null) {
      FilterScan.run(c, filter, where, params);
      where = "(" + where + ") AND " + FilterScan.MATCHED;
    }
    Map<String, TimelineSession.Builder> sessions = new LinkedHashMap<>();
    Map<String, TimelineSession.Builder> currentBurst = new HashMap<>();
    Map<String, Instant> lastOf = new HashMap<>();
    List<TimelineSession.Builder> bursts = new ArrayList<>();
    try (PreparedStatement ps = Duck.prepare(c, String.format(SELECT, where), params.toArray())) {
      ps.setFetchSize(4096);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(12);
          TimelineSession.Builder b;
          if (id == null) {
            String key = rs.getString(11) + "\u0000" + rs.getString(6); // subject, IP
            Instant at = Duck.instant(rs, 2);
            Instant previous = lastOf.put(key, at);
            b = currentBurst.get(key);
            if (b == null || previous == null || at == null || Duration.between(previous, at).compareTo(BURST_GAP) > 0) {
              b = new TimelineSession.Builder(null);
              currentBurst.put(key, b);
              bursts.add(b);
            }
          } else {
            b = sessions.computeIfAbsent(id, TimelineSession.Builder::new);
          }
          TimelineSession.Event e = new TimelineSession.Event(rs.getString(1), Duck.instant(rs, 2), rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getString(6));
          b.add(e, (Long) rs.getObject(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
        }
      }
    }
    List<TimelineSession> out = new ArrayList<>();
    sessions.values().forEach(b -> out.add(b.build()));
    bursts.forEach(b -> out.add(b.build()));
    return out;
  }
}
