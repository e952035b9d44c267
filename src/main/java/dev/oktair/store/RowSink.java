package dev.oktair.store;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Receives the result of an analyst's SQL query, row by row, in order. Values are typed: null,
 * String, Boolean, a Number (Long, BigInteger, BigDecimal, Double...), an Instant (TIMESTAMP
 * columns, UTC) or a {@code tools.jackson.databind.JsonNode} (JSON columns).
 */
public interface RowSink {
  /** Called once, before any row, with the result's columns. */
  void columns(List<Column> columns);

  /** Called once per row with one value per column. */
  void row(List<Object> values);

  /** Called once after the last row. */
  void end();

  /**
   * One result column.
   *
   * @param name its name as the query gave it
   * @param type its DuckDB type name (VARCHAR, BIGINT, TIMESTAMP, JSON, ...)
   */
  record Column(String name, String type) {
    public Column {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }

    /** Returns true when the column holds numbers. */
    public boolean numeric() {
      String t = type.toUpperCase(Locale.ROOT);
      return t.matches("U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL.*");
    }
  }
}
