package dev.oktair.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every connection to a case database caps DuckDB's memory (2 GB unless OKTA_IR_DUCKDB_MEMORY
 * says otherwise; DuckDB's own default is 80% of RAM) and spills beside the database, inside the case.
 */
class DuckSettingsTest {
  @TempDir Path tmp;

  @Test
  void aConnectionHasTheMemoryLimitAndSpillsInsideTheCase() throws Exception {
    Path db = tmp.resolve("case.duckdb");
    for (Duck.Mode mode : new Duck.Mode[] {Duck.Mode.WRITE, Duck.Mode.READ, Duck.Mode.LOCKED}) {
      try (Connection c = Duck.open(db, mode); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT current_setting('memory_limit'), current_setting('temp_directory')")) {
        rs.next();
        // DuckDB shows 2 GB (2 x 10^9 bytes) in binary units
        assertThat(rs.getString(1)).as("%s", mode).isEqualTo("1.8 GiB");
        assertThat(Path.of(rs.getString(2))).as("%s", mode).isEqualTo(tmp.toAbsolutePath().resolve("case.duckdb.tmp"));
      }
    }
  }

  @Test
  void theEnvironmentOverridesTheLimitWithASize() {
    assertThat(Duck.memoryLimit(null)).isEqualTo("2GB");
    assertThat(Duck.memoryLimit(" ")).isEqualTo("2GB");
    assertThat(Duck.memoryLimit("4GB")).isEqualTo("4GB");
    assertThat(Duck.memoryLimit(" 512 MiB ")).isEqualTo("512 MiB");
    assertThat(Duck.memoryLimit("1.5gb")).isEqualTo("1.5gb");
    assertThatThrownBy(() -> Duck.memoryLimit("lots")).isInstanceOf(StoreException.class)
        .hasMessageContaining("OKTA_IR_DUCKDB_MEMORY=lots is not a size");
    assertThatThrownBy(() -> Duck.memoryLimit("4GB'; SET x")).isInstanceOf(StoreException.class);
  }
}
