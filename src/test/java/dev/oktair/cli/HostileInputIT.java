package dev.oktair.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.EventHandler;
import dev.oktair.events.EventReader;
import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import dev.oktair.events.RejectedLine;
import dev.oktair.store.CaseDatabase;
import dev.oktair.store.LoadReport;
import dev.oktair.store.RowSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 items 4-6 and its hostile-input corpus: malformed, adversarial and wrong-but-plausible
 * inputs, each imported through {@code okta-ir import} with an exact expected outcome (events
 * accepted, lines quarantined with their reason, files refused), and then every accepted line
 * must load into the case database and read back the same count through the {@code events}
 * reader and SQL, so no accepted line can break a case (item 4). The corpus shares one case, as
 * a responder's many imports do, and it is loaded, rebuilt and queried once at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {
  private static final AtomicLong TRIED = new AtomicLong();
  private static final AtomicLong ACCEPTED = new AtomicLong();
  private static final AtomicLong QUARANTINED = new AtomicLong();
  private static final AtomicLong REFUSED = new AtomicLong();

  /** One case for the whole corpus: each input is imported into it, and it is loaded once at the end. */
  @TempDir static Path tmp;

  private static int inputNumber;

  /**
   * One corpus entry and what it must end as.
   *
   * @param name what it is
   * @param bytes the input file
   * @param accepted events sealed
   * @param quarantined lines quarantined
   * @param reason a fragment every quarantined line's reason holds, or empty
   * @param unreadable 1 when the file must be reported unreadable or refused
   */
  record Input(String name, byte[] bytes, long accepted, long quarantined, String reason, int unreadable) {
    @Override
    public String toString() {
      return name;
    }
  }

  static String ev(String id) {
    return Runs.event(id, Instant.parse("2026-11-27T09:00:00Z").plusSeconds(id.hashCode() & 0xFFFF),
        "user.session.start", "203.0.113.9", "User login to Okta");
  }

  /** Returns an event with {@code field} (raw JSON text {@code "k":v}) added at its end. */
  static String evWith(String id, String field) {
    String e = ev(id);
    return e.substring(0, e.length() - 1) + "," + field + "}";
  }

  static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  static byte[] cat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Input ok(String name, byte[] bytes, long accepted) {
    return new Input(name, bytes, accepted, 0, "", 0);
  }

  static Input bad(String name, byte[] bytes, long accepted, long quarantined, String reason) {
    return new Input(name, bytes, accepted, quarantined, reason, 0);
  }

  static Input refused(String name, byte[] bytes, long accepted) {
    return new Input(name, bytes, accepted, 0, "", 1);
  }

  static String nested(int depth) {
    return "\"deep\":" + "[".repeat(depth) + "]".repeat(depth);
  }

  static List<Input> corpus() {
    List<Input> c = new ArrayList<>();
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    c.add(ok("plain JSONL", b(ev("p1") + "\n" + ev("p2") + "\n"), 2));
    c.add(ok("CRLF line ends", b(ev("c1") + "\r\n" + ev("c2") + "\r\n"), 2));
    c.add(ok("UTF-8 BOM", cat(bom, b(ev("b1") + "\n" + ev("b2"))), 2));
    c.add(ok("UTF-16LE with BOM (PowerShell)", cat(new byte[] {(byte) 0xFF, (byte) 0xFE},
        (ev("w1") + "\r\n" + ev("w2") + "\r\n").getBytes(StandardCharsets.UTF_16LE)), 2));
    c.add(ok("UTF-16BE with BOM", cat(new byte[] {(byte) 0xFE, (byte) 0xFF},
        (ev("v1") + "\n" + ev("v2") + "\u00e9\n").replace("\u00e9", "").getBytes(StandardCharsets.UTF_16BE)), 2));
    c.add(bad("UTF-16BE object line without BOM", ev("x1").getBytes(StandardCharsets.UTF_16BE), 0, 1, "NUL byte"));
    c.add(bad("lone high surrogate escape", b(evWith("s1", "\"s\":\"\\ud800\"")), 0, 1, "lone surrogate"));
    c.add(bad("lone low surrogate escape", b(evWith("s2", "\"s\":\"\\udc00x\"")), 0, 1, "lone surrogate"));
    c.add(bad("high surrogate then a letter", b(evWith("s3", "\"s\":\"\\uD800\\u0041\"")), 0, 1, "lone surrogate"));
    c.add(ok("surrogate pair escape", b(evWith("s4", "\"s\":\"\\ud83d\\ude00\"")), 1));
    c.add(ok("escaped backslash before ud800 text", b(evWith("s5", "\"s\":\"\\\\ud800\"")), 1));
    c.add(bad("UTF-8 encoded surrogate bytes", cat(b("{\"eventType\":\"x\",\"uuid\":\""),
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, b("\"}")), 0, 1, "invalid UTF-8"));
    c.add(bad("overlong UTF-8", cat(b("{\"eventType\":\"x\",\"uuid\":\""), new byte[] {(byte) 0xC0, (byte) 0xAF},
        b("\"}")), 0, 1, "invalid UTF-8"));
    c.add(bad("duplicate top-level key",
        b(evWith("d1", "\"client\":{\"ipAddress\":\"2.2.2.2\"}")), 0, 1, "Duplicate Object property \"client\""));
    c.add(bad("duplicate nested key", b(evWith("d2", "\"extra\":{\"k\":1,\"k\":2}")), 0, 1, "Duplicate Object property"));
    c.add(bad("1000 lines of {\"a\":1}", b("{\"a\":1}\n".repeat(1000)), 0, 1000, "not a System Log event"));
    c.add(bad("eventType alone", b("{\"eventType\":\"user.session.start\"}\n"), 0, 1, "not a System Log event"));
    c.add(bad("eventType not a string", b("{\"eventType\":5,\"uuid\":\"n1\"}\n"), 0, 1, "not a System Log event"));
    c.add(bad("eventType blank", b("{\"eventType\":\" \",\"uuid\":\"n2\"}\n"), 0, 1, "not a System Log event"));
    c.add(ok("minimal event: eventType and severity", b("{\"eventType\":\"x.y\",\"severity\":\"INFO\"}\n"), 1));
    c.add(ok("40-digit integer", b(evWith("n3", "\"n\":1234567890123456789012345678901234567890")), 1));
    c.add(ok("exponent beyond double", b(evWith("n4", "\"n\":1e400")), 1));
    c.add(bad("1001-digit number", b(evWith("n5", "\"n\":" + "9".repeat(1001))), 0, 1, "malformed JSON"));
    c.add(ok("nesting 400 deep", b(evWith("deep1", nested(400))), 1));
    c.add(bad("nesting 600 deep", b(evWith("deep2", nested(600))), 0, 1, "depth"));
    c.add(bad("raw control character in a string", b(evWith("k1", "\"s\":\"a\u0001b\"")), 0, 1, "control character 0x01"));
    c.add(bad("raw NUL byte", b(evWith("k2", "\"s\":\"a\u0000b\"")), 0, 1, "NUL byte"));
    c.add(ok("escaped control characters and NUL", b(evWith("k3", "\"s\":\"\\u0000\\u0001\\u001b[31m\\u007f\"")), 1));
    c.add(ok("carriage return as whitespace inside a line", b(evWith("k4", "\r\"s\":1")), 1));
    c.add(bad("byte order mark on a later line", cat(b(ev("m1") + "\n"), bom, b(ev("m2") + "\n")), 1, 1, "byte order mark"));
    c.add(bad("NaN", b(evWith("j1", "\"n\":NaN")), 0, 1, "malformed JSON"));
    c.add(bad("trailing comma", b(evWith("j2", "\"n\":1,").replace(",}", ",}")), 0, 1, "malformed JSON"));
    c.add(bad("two objects on one line", b(ev("j3") + ev("j4")), 0, 1, "malformed JSON"));
    c.add(bad("JSON string line", b("\"hello\"\n"), 0, 1, "not a JSON object"));
    c.add(bad("array of an event, a non-event and a number", b("[" + ev("a1") + ",{\"a\":1},3]"), 1, 2, "not a"));
    c.add(ok("empty file", new byte[0], 0));
    c.add(ok("blank lines only", b("\n \r\n\t\n"), 0));
    byte[] binary = new byte[4096];
    new Random(7).nextBytes(binary);
    for (int i = 0; i < binary.length; i++) {
      binary[i] = binary[i] == '\n' ? (byte) 0xFF : binary[i];
    }
    binary[0] = (byte) 0xFF;
    c.add(bad("random binary", binary, 0, 1, "invalid UTF-8"));
    // The soak adds seeded variations: more random binary, and lone surrogates of every kind in random places.
    for (int k = 1; k < Soak.factor(); k++) {
      Random r = new Random(1000 + k);
      byte[] more = new byte[1 + r.nextInt(8192)];
      r.nextBytes(more);
      for (int i = 0; i < more.length; i++) {
        more[i] = more[i] == '\n' ? (byte) 0xFE : more[i];
      }
      more[0] = (byte) 0xFF;
      c.add(bad("random binary, soak seed " + k, more, 0, 1, "invalid UTF-8"));
      String unit = String.format(java.util.Locale.ROOT, "%04x", 0xD800 + r.nextInt(0x800));
      c.add(bad("lone surrogate \\u" + unit + ", soak seed " + k,
          b(evWith("soak-" + k, "\"f" + r.nextInt(1000) + "\":\"x\\u" + unit + "y\"")), 0, 1, "lone surrogate"));
    }
    c.add(bad("HTML error page", b("<html>\n<body>502 Bad Gateway</body>\n</html>\n"), 0, 3, "malformed JSON"));
    c.add(ok("10 MB string value", b(evWith("big1", "\"pad\":\"" + "x".repeat(10 << 20) + "\"")), 1));
    c.add(ok("same event twice (kept once)", b(ev("dup") + "\n" + ev("dup") + "\n"), 1));
    c.add(ok("two gzip members", cat(gzip(b(ev("g1") + "\n")), gzip(b(ev("g2") + "\n"))), 2));
    byte[] padded = gzip(b(ev("t1") + "\n" + ev("t2") + "\n" + "{\"pad\":\"" + randomText(300_000) + "\"}\n"));
    c.add(refused("truncated gzip (events before the cut kept)", Arrays.copyOf(padded, padded.length * 9 / 10), 0));
    c.add(refused("gzip with trailing garbage", cat(gzip(b(ev("t3") + "\n")), b("garbage")), 0));
    c.add(refused("gzip with zero padding", cat(gzip(b(ev("t4") + "\n")), new byte[512]), 0));
    byte[] bomb = new byte[EventReader.MAX_LINE * 4];
    Arrays.fill(bomb, (byte) 'x');
    bomb[0] = '{';
    c.add(bad("gzip bomb: 64 MiB of one line", gzip(bomb), 0, 1, "longer than 16 MiB"));
    c.add(ok("Splunk export result", b(splunk(ev("w3"))), 1));
    c.add(bad("Splunk _raw holding a lone surrogate escape", b(splunk(evWith("w4", "\"s\":\"\\ud800\""))), 0, 1,
        "lone surrogate"));
    c.add(bad("Splunk _raw that is not an event", b(splunk("{\"a\":1}")), 0, 1, "not a System Log event"));
    c.add(bad("Splunk _raw spanning lines", b(splunk(ev("w5").replace(",\"eventType\"", ",\n\"eventType\""))), 0, 1,
        "control character 0x0A"));
    c.add(bad("EventBridge detail that is not an event", b("{\"detail-type\":\"SystemLog\",\"detail\":{\"a\":1}}\n"),
        0, 1, "not a System Log event"));
    c.add(ok("EventBridge delivery", b("{\"detail-type\":\"SystemLog\",\"source\":\"aws.partner/okta.com/x\",\"detail\":"
        + ev("w6") + "}\n"), 1));
    c.add(ok("attacker strings: terminal escapes and HTML", b(evWith("h1",
        "\"displayMessage2\":\"\\u001b]0;pwned\\u0007<script>alert(1)</script>\"")), 1));
    c.add(bad("CSV that is no System Log export", b("login,email\nalice,alice@example.com\n"), 0, 2, "malformed JSON"));
    c.add(bad("Splunk CSV whose _raw is not an event", b("_time,_raw\n1,\"{\"\"a\"\":1}\"\n"), 0, 1,
        "not a System Log event"));
    c.add(ok("Splunk CSV with a quoted event", b("_time,_raw\n1,\"" + ev("csv1").replace("\"", "\"\"") + "\"\n"), 1));
    c.add(bad("Admin Console CSV row without an eventType", b("uuid,eventType,published\nu1,,2024-06-14T09:00:00Z\n"),
        0, 1, "not a System Log event"));
    c.add(refused("search response without hits", b("{\"took\":1,\"aggregations\":{}}"), 0));
    c.add(refused("two search responses in one file", b("{\"took\":1,\"hits\":{\"hits\":[]}}\n{\"took\":2,\"hits\":{\"hits\":[{\"_source\":"
        + ev("es2") + "}]}}\n"), 0));
    c.add(ok("search response with one hit", b("{\"took\":1,\"hits\":{\"hits\":[{\"_index\":\"okta\",\"_source\":"
        + ev("es1") + "}]}}"), 1));
    return c;
  }

  /** Returns text that deflate cannot shrink much, so a cut lands inside it. */
  static String randomText(int n) {
    Random r = new Random(3);
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append((char) ('a' + r.nextInt(26)));
    }
    return s.toString();
  }

  static String splunk(String raw) {
    return "{\"preview\":false,\"offset\":0,\"result\":{\"_raw\":" + Json.MAPPER.writeValueAsString(raw)
        + ",\"sourcetype\":\"OktaIM2:log\"}}\n";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @Order(1)
  void eachInputEndsExactlyAsExpected(Input input) throws IOException {
    TRIED.incrementAndGet();
    Path file = tmp.resolve("input-" + (++inputNumber) + ".jsonl");
    Files.write(file, input.bytes());
    Path caseDir = tmp.resolve("case");
    List<String> quarantinedBefore = quarantineLines(caseDir);

    Runs.Run r = Runs.run(tmp, "import", "--case", caseDir.toString(), "--json", file.toString());

    boolean clean = input.quarantined() == 0 && input.unreadable() == 0;
    assertThat(r.exit()).as(r.err()).isEqualTo(clean ? 0 : 6);
    JsonNode s = Json.MAPPER.readTree(r.out());
    long expectedAccepted = input.name().startsWith("truncated gzip") ? 2 : input.accepted();
    assertThat(s.get("events").asLong()).as("accepted").isEqualTo(expectedAccepted);
    assertThat(s.get("rejected").asLong()).as("quarantined").isEqualTo(input.quarantined());
    assertThat(s.get("unreadable").asInt()).as("unreadable").isEqualTo(input.unreadable());
    List<String> quarantined = quarantineLines(caseDir);
    assertThat(quarantined).hasSize(quarantinedBefore.size() + (int) input.quarantined());
    for (String line : quarantined.subList(quarantinedBefore.size(), quarantined.size())) {
      assertThat(Json.MAPPER.readTree(line).get("reason").asString()).contains(input.reason());
    }
    ACCEPTED.addAndGet(expectedAccepted);
    QUARANTINED.addAndGet(input.quarantined());
    REFUSED.addAndGet(input.unreadable());
  }

  /** Every accepted line reads back the same through the events reader, the database load (and rebuild) and SQL. */
  @Test
  @Order(2)
  void everyAcceptedLineLoadsAndReadsBack() throws IOException {
    Path caseDir = tmp.resolve("case");
    long accepted = ACCEPTED.get();
    assertThat(TRIED.get()).isEqualTo(corpus().size());
    assertThat(readBack(caseDir)).isEqualTo(accepted);
    assertThat(CaseDatabase.load(caseDir, Runs.CLOCK, false).totalEvents()).isEqualTo(accepted);
    assertThat(sqlCount(caseDir, "SELECT count(*) FROM events WHERE event_type IS NOT NULL")).isEqualTo(accepted);
    assertThat(CaseDatabase.load(caseDir, Runs.CLOCK, true).totalEvents()).isEqualTo(accepted);
    for (String command : new String[] {"timeline", "export"}) {
      List<String> args = new ArrayList<>(List.of(command, "--case", caseDir.toString()));
      if (command.equals("export")) {
        args.addAll(List.of("--format", "jsonl", "--out", tmp.resolve("exported").toString()));
      }
      Runs.Run r = Runs.run(tmp, args.toArray(String[]::new));
      assertThat(r.exit()).as(command + ": " + r.err()).isZero();
    }
  }

  static List<String> quarantineLines(Path caseDir) throws IOException {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(caseDir.resolve("quarantine"))) {
      return out;
    }
    try (Stream<Path> q = Files.list(caseDir.resolve("quarantine"))) {
      for (Path p : q.sorted().toList()) {
        out.addAll(Files.readAllLines(p));
      }
    }
    return out;
  }

  /** Returns how many events the evidence files hold as the events reader sees them; fails on any reject. */
  static long readBack(Path caseDir) throws IOException {
    Path evidence = caseDir.resolve("evidence");
    if (!Files.isDirectory(evidence)) {
      return 0;
    }
    long[] n = {0};
    try (Stream<Path> files = Files.list(evidence)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        EventReader.create().read(f, new EventHandler() {
          @Override
          public boolean event(LogEvent event, long line) {
            n[0]++;
            return true;
          }

          @Override
          public void rejected(RejectedLine rejected) {
            throw new AssertionError("sealed evidence rejected on reading: " + rejected.message());
          }
        });
      }
    }
    return n[0];
  }

  static long sqlCount(Path caseDir, String query) {
    long[] n = {-1};
    CaseDatabase.open(caseDir, Runs.CLOCK).sql(query, new RowSink() {
      @Override
      public void columns(List<Column> columns) {}

      @Override
      public void row(List<Object> values) {
        n[0] = ((Number) values.get(0)).longValue();
      }

      @Override
      public void end() {}
    });
    return n[0];
  }

  @AfterAll
  static void totals() {
    System.out.printf("hostile-input corpus: %d inputs tried, %d events accepted, %d lines quarantined,"
        + " %d files refused or unreadable%n", TRIED.get(), ACCEPTED.get(), QUARANTINED.get(), REFUSED.get());
  }
}
