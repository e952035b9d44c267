package dev.oktair.events.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LogEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Loads the filter fixtures: JSONL events with their exact bytes, and golden tables. */
final class Fixtures {
  static final String EVENTS = "/events/filter-fixtures.jsonl";

  private Fixtures() {}

  /** Returns the events of the fixture file, in file order. */
  static List<LogEvent> events() {
    return parseLines(resource(EVENTS));
  }

  /** Returns the events of the shared real samples, or an empty list when they are absent. */
  static List<LogEvent> sharedSamples() {
    String shared = System.getProperty("okta-ir.shared");
    if (shared == null) {
      return List.of();
    }
    Path file = Path.of(shared, "data", "okta-sample-events.jsonl");
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return parseLines(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the rows of a tab-separated golden table, comments and blank lines skipped. */
  static List<String[]> table(String resourcePath) {
    List<String[]> rows = new ArrayList<>();
    for (String line : new String(resource(resourcePath), StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t");
      assertThat(cells).as("row '%s' of %s", line, resourcePath).hasSize(2);
      rows.add(cells);
    }
    return rows;
  }

  /** Returns the uuids of a golden cell: comma-separated, or {@code -} for none. */
  static List<String> uuids(String cell) {
    return cell.equals("-") ? List.of() : Arrays.asList(cell.split(","));
  }

  static byte[] resource(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      assertThat(in).as("test resource %s", path).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<LogEvent> parseLines(byte[] bytes) {
    List<LogEvent> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        if (i > start) {
          out.add(LogEvent.parse(Arrays.copyOfRange(bytes, start, i)));
        }
        start = i + 1;
      }
    }
    return out;
  }
}
