package dev.oktair.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.errors.Kind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** okta-ir's own typed queries over a real case database: prepared statements, typed rows. */
class CaseQueriesTest {
  @TempDir Path caseDir;
  private CaseDatabase db;

  /** One row of the test query. */
  record Typed(String uuid, Instant published) {}

  @BeforeEach
  void load() {
    Cases.seal(caseDir, "a", List.of(
        "{\"uuid\":\"u1\",\"published\":\"2024-06-01T10:00:00.000Z\",\"eventType\":\"user.session.start\"}",
        "{\"uuid\":\"u2\",\"published\":\"2024-06-02T10:00:00.000Z\",\"eventType\":\"user.session.start\"}",
        "{\"uuid\":\"u3\",\"published\":\"2024-06-03T10:00:00.000Z\",\"eventType\":\"user.mfa.factor.activate\"}"));
    db = CaseDatabase.open(caseDir, Cases.CLOCK);
  }

  @Test
  void bindsParametersAndMapsRows() {
    List<Typed> rows = db.query(
        "SELECT uuid, published FROM events WHERE event_type = ? AND published >= ? ORDER BY published",
        rs -> new Typed(rs.getString("uuid"), CaseQueries.instant(rs, "published")),
        "user.session.start", Instant.parse("2024-06-02T00:00:00Z"));
    assertThat(rows).containsExactly(new Typed("u2", Instant.parse("2024-06-02T10:00:00Z")));
  }

  @Test
  void aValueNeverBecomesSql() {
    assertThat(db.query("SELECT count(*) FROM events WHERE event_type = ?", rs -> rs.getLong(1), "x' OR '1'='1"))
        .containsExactly(0L);
  }

  @Test
  void oneConnectionServesSeveralQueries() {
    try (CaseQueries q = db.queries()) {
      assertThat(q.first("SELECT count(*) FROM events", rs -> rs.getLong(1))).contains(3L);
      assertThat(q.first("SELECT uuid FROM events WHERE uuid = ?", rs -> rs.getString(1), "none")).isEmpty();
    }
  }

  @Test
  void aFailingQueryIsABugQuotingDuckDb() {
    assertThatThrownBy(() -> db.query("SELECT nope FROM events", rs -> null))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INTERNAL))
        .hasMessageContaining("nope");
  }
}
