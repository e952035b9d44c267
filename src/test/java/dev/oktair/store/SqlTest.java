package dev.oktair.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class SqlTest {
  @org.junit.jupiter.api.io.TempDir static Path caseDir;
  static CaseDatabase db;

  @BeforeAll
  static void load() {
    Cases.sealEvents(caseDir, "s", List.of(
        Cases.event("e1", "2024-06-01T10:00:00.250Z", "user.session.start", "alice@x", "1.1.1.1").build(),
        Cases.event("e2", "2024-06-02T10:00:00Z", "user.session.start", "bob@x", "2.2.2.2").build()));
    db = CaseDatabase.open(caseDir, Cases.CLOCK);
  }

  /** Collects what the sink receives. */
  static final class Collect implements RowSink {
    List<Column> columns;
    final List<List<Object>> rows = new ArrayList<>();
    boolean ended;

    @Override
    public void columns(List<Column> columns) {
      this.columns = columns;
    }

    @Override
    public void row(List<Object> values) {
      rows.add(values);
    }

    @Override
    public void end() {
      ended = true;
    }
  }

  private static Collect run(String sql) {
    Collect c = new Collect();
    db.sql(sql, c);
    return c;
  }

  @Test
  void selectReturnsTypedValues() {
    Collect c = run("SELECT uuid, published, asn, is_proxy, targets, evidence_line FROM events ORDER BY uuid");
    assertThat(c.columns).extracting(RowSink.Column::name).containsExactly("uuid", "published", "asn", "is_proxy", "targets", "evidence_line");
    assertThat(c.rows).hasSize(2);
    assertThat(c.rows.get(0).get(0)).isEqualTo("e1");
    assertThat(c.rows.get(0).get(1)).isEqualTo(Instant.parse("2024-06-01T10:00:00.250Z"));
    assertThat(c.rows.get(0).get(2)).isEqualTo(7922L);
    assertThat(c.rows.get(0).get(3)).isEqualTo(false);
    assertThat(c.rows.get(0).get(4)).isNull();
    assertThat(c.ended).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "WITH x AS (SELECT * FROM events) SELECT count(*) FROM x",
    "  -- a comment\n SELECT 1",
    "/* c */ SELECT 1;",
    "FROM events SELECT uuid",
    "DESCRIBE events",
    "SHOW TABLES",
    "SUMMARIZE events",
    "PIVOT events ON outcome_result USING count(*)",
    "UNPIVOT (SELECT 1 AS a, 2 AS b) ON a, b INTO NAME k VALUE v;",
    "EXPLAIN SELECT count(*) FROM events",
    "EXPLAIN ANALYZE SELECT count(*) FROM events",
    "EXPLAIN PIVOT events ON outcome_result USING count(*)",
    "SELECT raw->>'$.uuid' FROM events",
  })
  void readOnlyQueriesRun(String sql) {
    assertThat(run(sql).rows).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "INSERT INTO events (uuid) VALUES ('x')",
    "DELETE FROM events",
    "UPDATE events SET uuid = 'x'",
    "DROP TABLE events",
    "CREATE TABLE t AS SELECT 1",
    "COPY events TO '/tmp/okta-ir-leak.csv'",
    "COPY (SELECT 1) TO '/tmp/okta-ir-leak.csv'",
    "ATTACH '/tmp/okta-ir-other.db' AS o",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "PRAGMA version",
    "CALL pragma_version()",
    "CHECKPOINT",
    "SELECT 1; DROP TABLE events",
    "SELECT 1; SELECT 2",
    "SELECT 1 /* ; */; DELETE FROM events",
    "WITH x AS (SELECT 1) INSERT INTO events (uuid) SELECT 'x'",
    "EXPLAIN ANALYZE INSERT INTO events (uuid) VALUES ('x')",
    "EXPLAIN ANALYZE COPY (SELECT 1) TO '/tmp/okta-ir-leak.csv'",
    "EXPLAIN EXPLAIN SELECT 1",
    "PIVOT events ON outcome_result USING count(*)); DROP TABLE events; SELECT (1",
    "",
    "   ",
  })
  void anythingButOneReadOnlyQueryIsRefused(String sql) {
    assertThatThrownBy(() -> run(sql))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(dev.oktair.errors.Kind.USAGE))
        .hasMessageContaining("read-only query");
    assertThat(run("SELECT count(*) FROM events").rows.get(0).get(0)).isEqualTo(2L);
    assertThat(Path.of("/tmp/okta-ir-leak.csv")).doesNotExist();
    assertThat(Path.of("/tmp/okta-ir-other.db")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "SELECT * FROM read_text('/etc/hostname')",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM glob('/etc/*')",
    "SELECT * FROM query('DROP TABLE events')",
  })
  void selectsThatReachOutsideTheDatabaseFail(String sql) {
    assertThatThrownBy(() -> run(sql)).isInstanceOf(StoreException.class).hasMessageContaining("query failed");
  }

  @Test
  void jsonColumnsArriveAsJson() throws Exception {
    Collect c = run("SELECT '{\"a\":[1,2]}'::JSON AS j, 'x' AS s");
    assertThat(c.rows.get(0).get(0)).isInstanceOf(JsonNode.class);
    assertThat(c.rows.get(0).get(0).toString()).isEqualTo("{\"a\":[1,2]}");
    assertThat(Files.exists(caseDir)).isTrue();
  }
}
