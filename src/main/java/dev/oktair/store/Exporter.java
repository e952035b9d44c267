package dev.oktair.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Writes the events table out: Parquet by day for distributed engines, CSV, or the raw JSONL. */
final class Exporter {
  static final String CSV_FILE = "events.csv";
  static final String JSONL_FILE = "events.jsonl";
  private static final String EVIDENCE_ORDER = " ORDER BY evidence_file, evidence_line";

  private Exporter() {}

  /** Exports into {@code out}, which must not exist or be empty; returns what was written. */
  static Path run(Connection c, ExportFormat format, Path out) throws SQLException {
    prepare(out);
    switch (format) {
      case PARQUET -> Duck.exec(c, "COPY (SELECT *, CAST(published AS DATE) AS day FROM events) TO "
          + Duck.literal(out.toAbsolutePath().toString()) + " (FORMAT PARQUET, PARTITION_BY (day), OVERWRITE_OR_IGNORE)");
      case CSV -> Duck.exec(c, "COPY (SELECT " + neutralisedColumns(c) + " FROM events" + EVIDENCE_ORDER + ") TO "
          + Duck.literal(out.resolve(CSV_FILE).toAbsolutePath().toString()) + " (FORMAT CSV, HEADER)");
      case JSONL -> jsonl(c, out.resolve(JSONL_FILE));
    }
    return format == ExportFormat.PARQUET ? out : out.resolve(format == ExportFormat.CSV ? CSV_FILE : JSONL_FILE);
  }

  private static void prepare(Path out) {
    try {
      if (Files.exists(out)) {
        try (Stream<Path> entries = Files.list(out)) {
          if (entries.findAny().isPresent()) {
            throw StoreException.invalid("the export directory " + out + " is not empty: remove it or choose another directory");
          }
        }
      }
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + out, e);
    }
  }

  /** Every column but raw; text columns neutralised, JSON columns as their text. */
  private static String neutralisedColumns(Connection c) throws SQLException {
    List<String> cols = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM events LIMIT 0")) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        String name = md.getColumnName(i);
        String type = md.getColumnTypeName(i);
        if (name.equals("raw")) {
          continue;
        }
        String quoted = '"' + name + '"';
        cols.add(type.equals("VARCHAR") || type.equals("JSON")
            ? CsvCells.sql(quoted + "::VARCHAR") + " AS " + quoted
            : quoted);
      }
    }
    return String.join(", ", cols);
  }

  /** Streams the raw lines, byte-exact, in evidence order. */
  private static void jsonl(Connection c, Path file) throws SQLException {
    try (Statement s = c.createStatement();
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      s.setFetchSize(4096);
      try (ResultSet rs = s.executeQuery("SELECT raw FROM events" + EVIDENCE_ORDER)) {
        while (rs.next()) {
          os.write(rs.getString(1).getBytes(StandardCharsets.UTF_8));
          os.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
