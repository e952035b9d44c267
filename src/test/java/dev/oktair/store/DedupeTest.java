package dev.oktair.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.evidence.EvidenceFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One row per distinct event: overlapping evidence files (the same event collected by two
 * queries) add provenance, not events; the same uuid with other bytes is two flagged events.
 */
class DedupeTest {
  @TempDir Path caseDir;

  private static String line(String uuid, String message) {
    return Cases.event(uuid, "2024-06-10T09:00:00Z", "user.session.start", "alex@x", "10.0.0.1")
        .displayMessage(message).build().rawText();
  }

  static final String E1 = line("e1", "one");
  static final String E2 = line("e2", "two");
  static final String E3 = line("e3", "three");
  static final String E3_OTHER = line("e3", "three, as another query returned it");
  static final String E4 = line("e4", "four");

  private List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = Duck.open(CaseDatabase.path(caseDir), Duck.Mode.READ);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void overlappingFilesHoldEachEventOnceAndEveryLineAsProvenance() throws Exception {
    EvidenceFile a = Cases.seal(caseDir, "user", List.of(E1, E2, E3));
    CaseDatabase.load(caseDir, Cases.CLOCK, false);
    EvidenceFile b = Cases.seal(caseDir, "ip", List.of(E2, E3_OTHER, E4, E4, E1));
    LoadReport r = CaseDatabase.load(caseDir, Cases.CLOCK, false);

    assertThat(r.loaded()).containsExactly(new LoadReport.LoadedFile(b.name(), b.sha256(), 5, 2, false));
    assertThat(r.duplicates()).isEqualTo(3);
    assertThat(r.totalEvents()).isEqualTo(5);
    assertThat(r.uuidCollisions()).isEqualTo(1);
    assertThat(query("SELECT uuid, uuid_collision, evidence_file, evidence_line FROM events ORDER BY evidence_file, evidence_line"))
        .containsExactly(
            List.of("e1", false, a.name(), 1L), List.of("e2", false, a.name(), 2L), List.of("e3", true, a.name(), 3L),
            List.of("e3", true, b.name(), 2L), List.of("e4", false, b.name(), 3L));
    assertThat(query("SELECT evidence_file, evidence_line, uuid, first_file, first_line FROM evidence_lines"
        + " ORDER BY evidence_file, evidence_line")).containsExactly(
            List.of(a.name(), 1L, "e1", a.name(), 1L), List.of(a.name(), 2L, "e2", a.name(), 2L),
            List.of(a.name(), 3L, "e3", a.name(), 3L),
            List.of(b.name(), 1L, "e2", a.name(), 2L), List.of(b.name(), 2L, "e3", b.name(), 2L),
            List.of(b.name(), 3L, "e4", b.name(), 3L), List.of(b.name(), 4L, "e4", b.name(), 3L),
            List.of(b.name(), 5L, "e1", a.name(), 1L));
    assertThat(query("SELECT name, lines, new_events, source->>'$.kind' FROM loaded_files ORDER BY name"))
        .containsExactly(List.of(a.name(), 3L, 3L, "import"), List.of(b.name(), 5L, 2L, "import"));

    LoadReport again = CaseDatabase.load(caseDir, Cases.CLOCK, false);
    assertThat(again.noop()).isTrue();
    assertThat(again.totalEvents()).isEqualTo(5);
    assertThat(query("SELECT count(*) FROM evidence_lines")).containsExactly(List.of(8L));
  }

  @Test
  void rebuildEndsWhereIncrementalLoadsEnd() throws Exception {
    String snapshot = "SELECT * EXCLUDE (raw) FROM events ORDER BY evidence_file, evidence_line";
    String lines = "SELECT * FROM evidence_lines ORDER BY evidence_file, evidence_line";
    Cases.seal(caseDir, "a", List.of(E1, E3, E3));
    CaseDatabase.load(caseDir, Cases.CLOCK, false);
    Cases.seal(caseDir, "b", List.of(E2, E3_OTHER, E1));
    CaseDatabase.load(caseDir, Cases.CLOCK, false);
    Cases.seal(caseDir, "c", List.of(E3_OTHER, E4, E3));
    LoadReport incremental = CaseDatabase.load(caseDir, Cases.CLOCK, false);
    List<List<Object>> events = query(snapshot);
    List<List<Object>> provenance = query(lines);

    LoadReport rebuilt = CaseDatabase.load(caseDir, Cases.CLOCK, true);
    assertThat(query(snapshot)).isEqualTo(events).hasSize(5);
    assertThat(query(lines)).isEqualTo(provenance).hasSize(9);
    assertThat(rebuilt.totalEvents()).isEqualTo(incremental.totalEvents()).isEqualTo(5);
    assertThat(rebuilt.uuidCollisions()).isEqualTo(incremental.uuidCollisions()).isEqualTo(1);
    assertThat(rebuilt.eventsAdded()).isEqualTo(5);
    assertThat(rebuilt.duplicates()).isEqualTo(4);
  }

  @Test
  void eventsWithoutUuidAreTheSameEventOnlyWhenTheirBytesAre() throws Exception {
    String x = "{\"eventType\":\"x\",\"published\":\"2024-06-10T09:00:00Z\"}";
    String y = "{\"eventType\":\"y\",\"published\":\"2024-06-10T09:00:00Z\"}";
    String spaced = "{\"eventType\": \"x\",\"published\":\"2024-06-10T09:00:00Z\"}";
    Cases.seal(caseDir, "a", List.of(x, y, x));
    Cases.seal(caseDir, "b", List.of(spaced, y, E1));
    LoadReport r = CaseDatabase.load(caseDir, Cases.CLOCK, false);
    assertThat(r.totalEvents()).isEqualTo(4);
    assertThat(r.duplicates()).isEqualTo(2);
    assertThat(r.uuidCollisions()).isZero();
    assertThat(query("SELECT event_type, uuid_collision, evidence_line FROM events WHERE uuid IS NULL ORDER BY evidence_file, evidence_line"))
        .containsExactly(List.of("x", false, 1L), List.of("y", false, 2L), List.of("x", false, 1L));
  }
}
