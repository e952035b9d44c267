package dev.oktair.report;

import dev.oktair.events.Json;
import dev.oktair.store.CaseDatabase;
import dev.oktair.store.RowSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes every timed event of the case as one Timesketch JSONL line: the required {@code message},
 * {@code datetime} (ISO-8601, UTC) and {@code timestamp_desc}, plus the pivot fields (ip, asn,
 * user, eventType, outcome, uuid, session...) and {@code attacker} as the report attributes it.
 * Streams from the case database, so a large case needs no memory. Not thread-safe.
 */
final class TimesketchWriter {
  static final String TIMESTAMP_DESC = "Event Published";
  static final String DATA_TYPE = "okta:systemlog:event";

  private static final String EVENTS =
      "SELECT uuid, published, event_type, display_message, outcome_result, outcome_reason, client_ip, asn, as_org,"
          + " actor_alternate_id, actor_display_name, coalesce(root_session_id, external_session_id), user_agent,"
          + " country, city, target_app, is_proxy, threat_suspected, transaction_id"
          + " FROM events WHERE published IS NOT NULL ORDER BY published, evidence_file, evidence_line";

  private static final String[] FIELDS = {"uuid", null, "eventType", null, "outcome", "outcomeReason", "ip", "asn",
      "asOrg", "user", "actorDisplayName", "session", "userAgent", "country", "city", "app", "isProxy",
      "threatSuspected", "transactionId"};

  private TimesketchWriter() {}

  /** Writes the lines; returns how many. */
  static long write(Report report, CaseDatabase db, Writer out) {
    Set<String> attackerSessions = new HashSet<>();
    report.timeline().sessions().stream().filter(s -> s.attacker() && s.session() != null)
        .forEach(s -> attackerSessions.add(s.session()));
    Set<String> attackerIps = new HashSet<>();
    report.infrastructure().forEach(h -> attackerIps.add(h.ip()));
    long[] lines = {0};
    db.sql(EVENTS, new RowSink() {
      @Override
      public void columns(List<Column> columns) {}

      @Override
      public void row(List<Object> v) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        String type = (String) v.get(2);
        String message = (String) v.get(3);
        o.put("message", message == null || message.isBlank() ? String.valueOf(type) : message);
        o.put("datetime", ((Instant) v.get(1)).toString());
        o.put("timestamp_desc", TIMESTAMP_DESC);
        o.put("data_type", DATA_TYPE);
        for (int i = 0; i < FIELDS.length; i++) {
          Object value = v.get(i);
          if (FIELDS[i] == null || value == null) {
            continue;
          }
          if (value instanceof Boolean b) {
            o.put(FIELDS[i], b);
          } else if (value instanceof Number n) {
            o.put(FIELDS[i], n.longValue());
          } else {
            o.put(FIELDS[i], value.toString());
          }
        }
        o.put("attacker", attackerSessions.contains(v.get(11)) || attackerIps.contains(v.get(6)));
        try {
          out.write(o.toString());
          out.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        lines[0]++;
      }

      @Override
      public void end() {}
    });
    return lines[0];
  }
}
