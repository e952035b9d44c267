package dev.oktair.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.evidence.EvidenceFile;
import dev.oktair.evidence.EvidenceStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
  @TempDir static Path caseDir;
  @TempDir Path out;
  static CaseDatabase db;
  static List<EvidenceFile> files;

  @BeforeAll
  static void load() {
    Cases.sealEvents(caseDir, "a", List.of(
        Cases.event("e1", "2024-06-01T10:00:00Z", "user.session.start", "alice@x", "1.1.1.1").build(),
        Cases.event("e2", "2024-06-01T23:59:59.999Z", "user.session.start", "=cmd|' /C calc'!A0", "1.1.1.1").build(),
        Cases.event("e3", "2024-06-02T00:00:00Z", "user.session.start", "bob@x", "2.2.2.2")
            .displayMessage("-2+3, \"quoted\"").build()));
    Cases.sealEvents(caseDir, "b", List.of(
        Cases.event("e4", "2024-06-03T08:00:00Z", "user.session.start", "@alice", "3.3.3.3").build()));
    db = CaseDatabase.open(caseDir, Cases.CLOCK);
    files = EvidenceStore.existing(caseDir, Cases.CLOCK).files();
  }

  @Test
  void parquetIsPartitionedByDayAndReadsBackTheSameRows() throws Exception {
    Path dir = db.export(ExportFormat.PARQUET, out.resolve("pq"));
    try (Stream<Path> days = Files.list(dir)) {
      assertThat(days.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("day=2024-06-01", "day=2024-06-02", "day=2024-06-03");
    }
    assertThat(Files.list(dir.resolve("day=2024-06-01")).anyMatch(p -> p.toString().endsWith(".parquet"))).isTrue();
    Map<String, Long> perDay = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT day::VARCHAR, count(*), count(DISTINCT raw) FROM read_parquet('"
            + dir + "/**/*.parquet', hive_partitioning = true) GROUP BY day ORDER BY day")) {
      while (rs.next()) {
        perDay.put(rs.getString(1), rs.getLong(2));
        assertThat(rs.getLong(3)).isEqualTo(rs.getLong(2));
      }
    }
    assertThat(perDay).containsExactly(Map.entry("2024-06-01", 2L), Map.entry("2024-06-02", 1L), Map.entry("2024-06-03", 1L));
  }

  @Test
  void csvNeutralisesFormulasAndQuotesProperly() throws Exception {
    Path file = db.export(ExportFormat.CSV, out.resolve("csv"));
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith("uuid,published,event_type,").doesNotContain("raw");
    String all = String.join("\n", lines);
    assertThat(all).contains("'=cmd|' /C calc'!A0").doesNotContain(",=cmd").contains(",'@alice,");
    assertThat(all).contains("\"'-2+3, \"\"quoted\"\"\"");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM read_csv('" + file + "', header = true)")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(4);
    }
  }

  @Test
  void jsonlIsTheEvidenceLinesInOrder() throws Exception {
    Path file = db.export(ExportFormat.JSONL, out.resolve("jsonl"));
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    EvidenceStore store = EvidenceStore.existing(caseDir, Cases.CLOCK);
    for (EvidenceFile f : files) {
      expected.write(Files.readAllBytes(store.pathOf(f)));
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).contains("\"uuid\":\"e4\"");
  }

  @Test
  void refusesANonEmptyTarget() throws Exception {
    Files.writeString(out.resolve("keep.txt"), "x");
    assertThatThrownBy(() -> db.export(ExportFormat.CSV, out)).isInstanceOf(StoreException.class).hasMessageContaining("not empty");
  }
}
