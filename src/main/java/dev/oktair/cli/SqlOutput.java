package dev.oktair.cli;

import dev.oktair.events.Times;
import dev.oktair.events.Json;
import dev.oktair.store.CsvCells;
import dev.oktair.store.RowSink;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** How {@code okta-ir sql} prints rows: each format carries the sink that writes it. */
enum SqlOutput {
  /** An aligned table, terminal-safe. */
  TABLE(Table::new),
  /** One JSON object per row, values typed. */
  JSON(JsonLines::new),
  /** CSV (RFC 4180 quoting, \n line ends) with a header, text cells neutralised against formula injection. */
  CSV(Csv::new);

  private final Function<PrintWriter, RowSink> factory;

  SqlOutput(Function<PrintWriter, RowSink> factory) {
    this.factory = factory;
  }

  RowSink sink(PrintWriter out) {
    return factory.apply(out);
  }

  /** Returns a value as text: instants ISO-8601, JSON as compact JSON, null as null. */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant at) {
      return Times.format(at);
    }
    return value instanceof JsonNode ? value.toString() : String.valueOf(value);
  }

  private static final class Table implements RowSink {
    private final PrintWriter out;
    private TextTable table;
    private long rows;

    Table(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void columns(List<Column> columns) {
      table = new TextTable(out, columns.stream().map(Column::name).toList(), 60);
    }

    @Override
    public void row(List<Object> values) {
      List<String> cells = new ArrayList<>(values.size());
      values.forEach(v -> cells.add(text(v)));
      table.row(cells);
      rows++;
    }

    @Override
    public void end() {
      table.flush();
      out.println("(" + rows + (rows == 1 ? " row)" : " rows)"));
    }
  }

  private static final class JsonLines implements RowSink {
    private final PrintWriter out;
    private List<Column> columns;

    JsonLines(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void columns(List<Column> columns) {
      this.columns = columns;
    }

    @Override
    public void row(List<Object> values) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      for (int i = 0; i < values.size(); i++) {
        Object v = values.get(i);
        String name = columns.get(i).name();
        if (v instanceof JsonNode node) {
          o.set(name, node);
        } else if (v instanceof Instant at) {
          o.put(name, Times.format(at));
        } else {
          o.set(name, Json.MAPPER.valueToTree(v));
        }
      }
      out.write(o.toString());
      out.write('\n');
    }

    @Override
    public void end() {
      out.flush();
    }
  }

  private static final class Csv implements RowSink {
    private final PrintWriter out;
    private List<Column> columns;

    Csv(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void columns(List<Column> columns) {
      this.columns = columns;
      List<String> header = new ArrayList<>();
      columns.forEach(c -> header.add(CsvCells.field(c.name())));
      line(header);
    }

    @Override
    public void row(List<Object> values) {
      List<String> cells = new ArrayList<>(values.size());
      for (int i = 0; i < values.size(); i++) {
        Object v = values.get(i);
        boolean number = columns.get(i).numeric() && v instanceof Number;
        cells.add(v == null ? "" : number ? CsvCells.quoted(v.toString()) : CsvCells.field(text(v)));
      }
      line(cells);
    }

    private void line(List<String> cells) {
      out.write(String.join(",", cells));
      out.write('\n');
    }

    @Override
    public void end() {
      out.flush();
    }
  }
}
