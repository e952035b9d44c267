package dev.oktair.events;

import dev.oktair.events.RecordParser.Outcome;
import dev.oktair.events.RecordParser.Range;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads CSV exports (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks),
 * detected from the header row:
 *
 * <ul>
 *   <li>a column holding each event's JSON, as Splunk's CSV export keeps {@code _raw} and a Log
 *       Analytics export keeps {@code RawData}: the cell is the event, held to every rule of a line;
 *   <li>Okta's Admin Console System Log download, one column per event field named by its dotted
 *       path ({@code actor.alternateId}): each row is rebuilt as a JSON object of the fields it
 *       carries, which is <em>partial</em> evidence (not the bytes Okta's API returns), and the
 *       manifest says so.
 * </ul>
 *
 * Anything else is not a System Log export, and each row is rejected. Not thread-safe.
 */
final class CsvInput {
  /** The label of events rebuilt from the Admin Console's CSV download; the manifest marks them partial. */
  static final String ADMIN_CSV = "okta-csv";
  private static final List<String> RAW_COLUMNS = List.of("_raw", "RawData", "event.original", "rawEvent_s");
  private static final Pattern INDEXED = Pattern.compile("(.+)\\[(\\d+)]");

  private final InputStream in;
  private final String source;
  private final RecordParser parser;
  private final Delivery delivery;
  private final byte[] one = new byte[1];
  private int pushedBack = -1;
  private long line = 1;
  long records;

  CsvInput(InputStream in, String source, RecordParser parser, Delivery delivery) {
    this.in = in;
    this.source = source;
    this.parser = parser;
    this.delivery = delivery;
  }

  /** Returns true when {@code firstLine} is the header row of a CSV export this reader takes. */
  static boolean looksLikeHeader(String firstLine) {
    List<String> names = List.of(firstLine.replace("\"", "").split(",", -1));
    return names.size() > 1 && (RAW_COLUMNS.stream().anyMatch(names::contains)
        || names.contains("eventType") && (names.contains("published") || names.contains("uuid")));
  }

  /** Reads every row to the end, or until the handler stops; returns the lines read. */
  long run() throws IOException {
    List<byte[]> header = record();
    if (header == null) {
      return 0;
    }
    List<String> names = new ArrayList<>();
    header.forEach(h -> names.add(new String(h, StandardCharsets.UTF_8).trim()));
    int raw = -1;
    for (String candidate : RAW_COLUMNS) {
      raw = raw >= 0 ? raw : names.indexOf(candidate);
    }
    for (long start = line; ; start = line) {
      List<byte[]> row = record();
      if (row == null) {
        return line;
      }
      records++;
      if (row.size() == 1 && row.get(0).length == 0) {
        continue; // a blank line
      }
      Outcome outcome = raw >= 0 ? rawCell(row, raw, names.get(raw), start) : rebuilt(names, row, start);
      if (!delivery.take(outcome, start, false, 0, 0)) {
        return line;
      }
    }
  }

  private Outcome rawCell(List<byte[]> row, int column, String name, long start) {
    byte[] cell = column < row.size() ? row.get(column) : new byte[0];
    return parser.inner(cell, "csv " + name, new Range(cell, 0, cell.length), start);
  }

  /** Returns the event rebuilt from an Admin Console row: each non-empty cell set at its column's path. */
  private Outcome rebuilt(List<String> names, List<byte[]> row, long start) {
    ObjectNode event = Json.MAPPER.createObjectNode();
    ByteArrayOutputStream original = new ByteArrayOutputStream();
    for (int i = 0; i < row.size(); i++) {
      original.writeBytes(row.get(i));
      original.write(',');
      String value = new String(row.get(i), StandardCharsets.UTF_8);
      if (i < names.size() && !value.isEmpty() && !names.get(i).isEmpty()) {
        set(event, names.get(i).split("\\."), value);
      }
    }
    byte[] bytes = Json.MAPPER.writeValueAsBytes(event);
    byte[] quoted = original.toByteArray();
    return parser.inner(bytes, ADMIN_CSV + " columns (partial: not the event as the API returns it)",
        new Range(quoted, 0, Math.max(0, quoted.length - 1)), start);
  }

  private static void set(ObjectNode root, String[] path, String value) {
    JsonNode node = root;
    for (int i = 0; i < path.length; i++) {
      Matcher m = INDEXED.matcher(path[i]);
      String name = m.matches() ? m.group(1) : path[i];
      boolean last = i == path.length - 1;
      ObjectNode parent = (ObjectNode) node;
      if (m.matches()) {
        int index = Integer.parseInt(m.group(2));
        JsonNode existing = parent.get(name);
        ArrayNode array = existing instanceof ArrayNode a ? a : parent.putArray(name);
        while (array.size() <= index) {
          array.addObject();
        }
        if (last) {
          array.set(index, Json.MAPPER.getNodeFactory().stringNode(value));
          return;
        }
        node = array.get(index);
      } else if (last) {
        parent.put(name, value);
      } else {
        JsonNode existing = parent.get(name);
        node = existing instanceof ObjectNode o ? o : parent.putObject(name);
      }
      if (!(node instanceof ObjectNode)) {
        return; // a path through a value: the row contradicts itself, keep what came first
      }
    }
  }

  /** Returns the next record's fields, or null at the end of the input. */
  private List<byte[]> record() throws IOException {
    List<byte[]> fields = new ArrayList<>();
    ByteArrayOutputStream field = new ByteArrayOutputStream();
    boolean quoted = false;
    boolean any = false;
    long size = 0;
    for (int c; ; ) {
      c = next();
      if (c < 0) {
        if (!any) {
          return null;
        }
        fields.add(field.toByteArray());
        return fields;
      }
      any = true;
      if (++size > EventReader.MAX_LINE) {
        throw new IOException(String.format(Locale.ROOT, "%s: a CSV record longer than %d bytes at line %d",
            source, EventReader.MAX_LINE, line));
      }
      if (quoted) {
        if (c == '"') {
          int after = next();
          if (after == '"') {
            field.write('"');
            continue;
          }
          quoted = false;
          pushedBack = after;
          continue;
        }
        if (c == '\n') {
          line++;
        }
        field.write(c);
      } else if (c == '"' && field.size() == 0) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toByteArray());
        field.reset();
      } else if (c == '\n') {
        line++;
        fields.add(field.toByteArray());
        return fields;
      } else if (c != '\r') {
        field.write(c);
      }
    }
  }

  private int next() throws IOException {
    if (pushedBack >= 0) {
      int c = pushedBack;
      pushedBack = -1;
      return c;
    }
    return in.read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }
}
