package dev.oktair.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.EventHandler;
import dev.oktair.events.EventReader;
import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import dev.oktair.events.RejectedLine;
import dev.oktair.events.filter.EventFilter;
import dev.oktair.store.CaseDatabase;
import dev.oktair.store.RowSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.Locale;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15: one reading of a line everywhere. For generated event lines whose strings mix
 * literal and escaped characters, supplementary characters, control characters, lone surrogate
 * escapes and repeated keys, every line {@code okta-ir import} accepts reads the same through the
 * {@code events} reader, a filter, and SQL over the case database (and the raw SQL returns parses
 * to the same event); the lines it refuses never reach any of them.
 */
class SameReadingIT {
  private static long tried;
  private static long accepted;

  /** A JSON string literal (with its quotes) in which each character is written literally or escaped. */
  static String literal(Random random) {
    List<String> pieces = new ArrayList<>();
    int n = random.nextInt(13);
    for (int i = 0; i < n; i++) {
      int pick = random.nextInt(10);
      if (pick < 6) {
        pieces.add(String.valueOf((char) (' ' + random.nextInt('~' - ' ' + 1))));
      } else if (pick < 8) {
        pieces.add(String.valueOf((char) (0xa0 + random.nextInt(0xd7ff - 0xa0 + 1))));
      } else if (pick < 9) {
        pieces.add(String.valueOf((char) random.nextInt(0x20)));
      } else {
        pieces.add(Character.toString(0x10000 + random.nextInt(0x10FFFF - 0x10000 + 1)));
      }
    }
    return encode(pieces, random.nextInt(1 << 20));
  }

  /** Writes {@code pieces} as a JSON literal; {@code seed} decides which characters are escaped. */
  static String encode(List<String> pieces, int seed) {
    StringBuilder out = new StringBuilder("\"");
    int bit = 0;
    for (String p : pieces) {
      char c = p.charAt(0);
      // A lone surrogate can only be written escaped; a pair is escaped whole or not at all.
      boolean escape = c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c) && p.length() == 1
          || ((seed >> (bit++ % 20)) & 1) == 1;
      for (int i = 0; i < p.length(); i++) {
        out.append(escape ? String.format(Locale.ROOT, "\\u%04x", (int) p.charAt(i)) : String.valueOf(p.charAt(i)));
      }
    }
    return out.append('"').toString();
  }

  /** What one line in ten carries: a repeated key, a lone surrogate escape, a raw control character. */
  private static final String[] TWISTS = {
    ",\"client\":{\"ipAddress\":\"9.9.9.9\"}", ",\"s\":\"\\udc01\"", ",\"s\":\"\u0007\"", ",\"s\":\"\\ud801x\"",
    "", "", "", "", "", ""};

  /** One to twelve event-shaped lines, one in ten with a twist import must refuse. */
  static List<String> batch(Random random) {
    List<String> lines = new ArrayList<>();
    int n = 1 + random.nextInt(12);
    for (int i = 0; i < n; i++) {
      String type = literal(random);
      String message = literal(random);
      String alternateId = literal(random);
      String ip = literal(random);
      lines.add("{\"uuid\":\"U" + Math.abs((type + message).hashCode())
          + "\",\"published\":\"2024-06-14T09:00:00.000Z\",\"eventType\":" + type
          + ",\"displayMessage\":" + message + ",\"actor\":{\"alternateId\":" + alternateId + "}"
          + ",\"client\":{\"ipAddress\":" + ip + "}" + TWISTS[random.nextInt(TWISTS.length)] + "}");
    }
    return lines;
  }

  /** Thirty seeded batches (times the soak factor): a failure names its seed, so it reproduces exactly. */
  static Stream<Long> seeds() {
    return LongStream.range(0, 30L * Soak.factor()).mapToObj(i -> 0x5eed0000L + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyAcceptedLineReadsTheSameInEventsTheFilterAndSql(long seed) throws IOException {
    List<String> lines = batch(new Random(seed));
    Path dir = Files.createTempDirectory("okta-ir-prop");
    try {
      Path file = dir.resolve("in.jsonl");
      Files.writeString(file, String.join("\n", lines) + "\n", UTF_8);
      Runs.Run r = Runs.run(dir, "import", "--case", dir.resolve("case").toString(), "--json", file.toString());
      JsonNode summary = Json.MAPPER.readTree(r.out());
      tried += lines.size();
      accepted += summary.get("events").asLong();

      List<LogEvent> read = readEvidence(dir.resolve("case/evidence"));
      assertThat(read).hasSize(summary.get("events").asInt());
      List<List<Object>> rows = sql(dir.resolve("case"),
          "SELECT uuid, event_type, display_message, actor_alternate_id, client_ip, raw FROM events"
              + " ORDER BY evidence_file, evidence_line");
      assertThat(rows).hasSameSizeAs(read);
      for (int i = 0; i < read.size(); i++) {
        LogEvent e = read.get(i);
        List<Object> row = rows.get(i);
        assertThat(row.get(0)).isEqualTo(e.uuid());
        assertThat(row.get(1)).isEqualTo(e.eventType());
        assertThat(row.get(2)).isEqualTo(e.displayMessage());
        assertThat(row.get(3)).isEqualTo(e.actor().alternateId());
        assertThat(row.get(4)).isEqualTo(e.client().ipAddress());
        assertThat(row.get(5)).isEqualTo(e.rawText());
        LogEvent fromSql = LogEvent.parse((String) row.get(5));
        for (LogEvent seen : List.of(e, fromSql)) {
          assertThat(EventFilter.parse("uuid eq " + filterLiteral(e.uuid())).test(seen)).isTrue();
          if (e.displayMessage() != null && !e.displayMessage().isEmpty()) {
            assertThat(EventFilter.parse("displayMessage eq " + filterLiteral(e.displayMessage())).test(seen)).isTrue();
          }
          if (e.client().ipAddress() != null && !e.client().ipAddress().isEmpty()) {
            assertThat(EventFilter.parse("client.ipAddress eq " + filterLiteral(e.client().ipAddress())).test(seen))
                .isTrue();
          }
        }
      }
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static String filterLiteral(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.chars().forEach(c -> out.append(String.format(Locale.ROOT, "\\u%04x", c)));
    return out.append('"').toString();
  }

  static List<LogEvent> readEvidence(Path evidence) throws IOException {
    List<LogEvent> out = new ArrayList<>();
    if (!Files.isDirectory(evidence)) {
      return out;
    }
    try (Stream<Path> files = Files.list(evidence)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        EventReader.create().read(f, new EventHandler() {
          @Override
          public boolean event(LogEvent event, long line) {
            out.add(event);
            return true;
          }

          @Override
          public void rejected(RejectedLine rejected) {
            throw new AssertionError("sealed evidence rejected on reading: " + rejected.message());
          }
        });
      }
    }
    return out;
  }

  static List<List<Object>> sql(Path caseDir, String query) {
    List<List<Object>> rows = new ArrayList<>();
    if (!Files.isDirectory(caseDir.resolve("evidence"))) {
      return rows;
    }
    CaseDatabase.open(caseDir, Runs.CLOCK).sql(query, new RowSink() {
      @Override
      public void columns(List<Column> columns) {}

      @Override
      public void row(List<Object> values) {
        rows.add(values);
      }

      @Override
      public void end() {}
    });
    return rows;
  }

  @AfterAll
  static void totals() {
    System.out.printf("same-reading property: %d generated lines, %d accepted, %d refused%n",
        tried, accepted, tried - accepted);
  }
}
