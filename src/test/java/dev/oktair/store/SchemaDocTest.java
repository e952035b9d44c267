package dev.oktair.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/case-database.md documents every column of every table and every pivot key. */
class SchemaDocTest {
  @Test
  void everyColumnAndKeyIsDocumented() throws Exception {
    String doc = Files.readString(Path.of("docs/case-database.md"));
    List<String> missing = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      Schema.ensure(c);
      try (ResultSet rs = s.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns"
          + " WHERE table_name IN ('events', 'evidence_lines', 'loaded_files')")) {
        while (rs.next()) {
          String row = "| `" + rs.getString(2) + "` | " + rs.getString(3) + " |";
          if (!doc.contains(row)) {
            missing.add(rs.getString(1) + "." + row);
          }
        }
      }
    }
    for (PivotKey k : PivotKey.values()) {
      if (!doc.contains("| `" + k.key() + "` | `" + k.expression() + "` |")) {
        missing.add("pivot key " + k.key());
      }
    }
    assertThat(missing).isEmpty();
  }
}
