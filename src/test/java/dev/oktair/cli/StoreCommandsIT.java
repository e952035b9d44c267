package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.evidence.EvidenceWriter;
import dev.oktair.evidence.Source;
import dev.oktair.sim.SimEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** load, pivot, timeline, sql and export end to end: exit codes, output shapes, safety. */
class StoreCommandsIT {
  @TempDir Path home;
  @TempDir Path caseDir;

  private String c() {
    return caseDir.toString();
  }

  @BeforeEach
  void evidence() {
    List<LogEvent> events = new ArrayList<>();
    String[] ips = {"10.0.0.1", "10.0.0.1", "10.0.0.2", "203.0.113.9"};
    for (int i = 0; i < 12; i++) {
      String ip = ips[i % ips.length];
      SimEvent e = SimEvent.of("u" + i, Instant.parse("2024-06-1" + (i % 5) + "T09:00:00Z"),
              i % 3 == 0 ? "user.session.start" : "user.authentication.sso")
          .displayMessage("message " + i)
          .actor("00u" + (i % 2), "User", (i % 2 == 0 ? "alice" : "bob") + "@contoso.example", "Person")
          .client(ip, i == 6 ? "evil\u001b[31mUA" : "Mozilla/5.0", "Mac OS X", "CHROME", "Computer",
              new SimEvent.Place("Oslo", "Oslo", "Norway", "0150", 59.9, 10.7))
          .network(ip.startsWith("203") ? 14061L : 7922L, ip.startsWith("203") ? "digitalocean" : "comcast", "isp", null, false)
          .session("idx" + ip, null)
          .transaction("WEB", "tx" + i);
      if (i % 4 == 1) {
        e.result("FAILURE", "INVALID_CREDENTIALS");
      }
      if (i % 3 != 0) {
        e.target("0oa1", "AppInstance", "salesforce", "=HYPERLINK(\"http://x\")");
      }
      events.add(e.build());
    }
    EvidenceStore store = EvidenceStore.open(caseDir, Runs.CLOCK);
    try (EvidenceWriter w = store.create("events", Source.imported("events.jsonl"))) {
      events.forEach(w::write);
      w.seal();
    }
  }

  private static List<JsonNode> jsonLines(String out) {
    return out.lines().filter(l -> !l.isBlank()).map(l -> Json.MAPPER.readTree(l)).toList();
  }

  static Stream<List<String>> commandsWithoutCase() {
    return Stream.of(List.of("load"), List.of("pivot", "--by", "ip"), List.of("timeline"),
        List.of("sql", "SELECT 1"), List.of("export", "--format", "csv"));
  }

  @ParameterizedTest
  @MethodSource("commandsWithoutCase")
  void noCaseIsAUsageError(List<String> command) {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("--case", home.resolve("no-such-case").toString()));
    Runs.Run r = Runs.run(home, args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("no case at");
  }

  @Test
  void loadReportsWhatItDidAndIsANoOpTheSecondTime() {
    Runs.Run first = Runs.run(home, "load", "--case", c(), "--json");
    assertThat(first.exit()).as(first.err()).isZero();
    JsonNode report = Json.MAPPER.readTree(first.out());
    assertThat(report.get("eventsAdded").asLong()).isEqualTo(12);
    assertThat(report.get("loaded").get(0).get("name").asString()).isEqualTo("0001-events.jsonl");
    Runs.Run again = Runs.run(home, "load", "--case", c());
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("up to date: 0 events added from 0 lines (0 duplicates), 1 files already loaded, 12 events");
    Runs.Run rebuilt = Runs.run(home, "load", "--case", c(), "--rebuild");
    assertThat(rebuilt.out()).contains("rebuilt: 12 events added from 12 lines");
  }

  @Test
  void overlappingEvidenceAddsOnlyItsNewEventsAndReportsUuidCollisions() throws Exception {
    assertThat(Runs.run(home, "load", "--case", c()).exit()).isZero();
    List<String> first = Files.readAllLines(caseDir.resolve("evidence/0001-events.jsonl"));
    List<String> overlap = List.of(first.get(0), first.get(1), first.get(1), first.get(2).replace("message 2", "message 2 again"));
    EvidenceStore store = EvidenceStore.open(caseDir, Runs.CLOCK);
    try (EvidenceWriter w = store.create("by-ip", Source.imported("by-ip.jsonl"))) {
      overlap.forEach(line -> w.write(LogEvent.parse(line)));
      w.seal();
    }
    Runs.Run r = Runs.run(home, "load", "--case", c(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode report = Json.MAPPER.readTree(r.out());
    assertThat(report.get("loaded").get(0).toString()).isEqualTo(
        "{\"name\":\"0002-by-ip.jsonl\",\"sha256\":\"" + store.files().get(1).sha256() + "\",\"lines\":4,\"newEvents\":1,\"exact\":false}");
    assertThat(report.get("linesAdded").asLong()).isEqualTo(4);
    assertThat(report.get("eventsAdded").asLong()).isEqualTo(1);
    assertThat(report.get("duplicates").asLong()).isEqualTo(3);
    assertThat(report.get("uuidCollisions").asLong()).isEqualTo(1);
    assertThat(report.get("totalEvents").asLong()).isEqualTo(13);
    assertThat(r.err()).contains("1 uuids each name more than one distinct event (column uuid_collision)");
    Runs.Run count = Runs.run(home, "sql", "--case", c(), "--csv", "SELECT count(*) AS n, count(DISTINCT uuid) AS u FROM events");
    assertThat(count.out().lines().toList()).containsExactly("n,u", "13,12");
  }

  @Test
  void pivotJsonHasTheDocumentedShape() {
    Runs.Run r = Runs.run(home, "pivot", "--case", c(), "--by", "ip", "--json", "--baseline-until", "2024-06-12");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("loaded 12 new events");
    List<JsonNode> rows = jsonLines(r.out());
    assertThat(rows).hasSize(3);
    JsonNode top = rows.get(0);
    assertThat(top.propertyNames()).containsExactly("value", "events", "successes", "failures", "firstSeen", "lastSeen", "subjects", "new");
    assertThat(top.get("value").asString()).isEqualTo("10.0.0.1");
    assertThat(top.get("events").asLong()).isEqualTo(6);
    assertThat(top.get("firstSeen").asString()).isEqualTo("2024-06-10T09:00:00.000Z");
    assertThat(top.get("new").asBoolean()).isFalse();

    List<JsonNode> combined = jsonLines(Runs.run(home, "pivot", "--case", c(), "--by", "ip,asn", "--json").out());
    assertThat(combined.get(0).get("value").toString()).isEqualTo("{\"ip\":\"10.0.0.1\",\"asn\":7922}");
    assertThat(combined.get(0).get("new").isNull()).isTrue();
  }

  @Test
  void pivotTableIsTerminalSafe() {
    Runs.Run r = Runs.run(home, "pivot", "--case", c(), "--by", "ua");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("UA").contains("EVENTS").contains("evil\\u001b[31mUA").doesNotContain("\u001b");
  }

  @Test
  void pivotTablePrintsValuesWhoseEventsHaveNoPublishedTimeAndSaysWhenTheLimitCutIt() {
    EvidenceStore store = EvidenceStore.open(caseDir, Runs.CLOCK);
    try (EvidenceWriter w = store.create("no-time", Source.imported("no-time.jsonl"))) {
      w.write(LogEvent.parse("{\"uuid\":\"nt1\",\"eventType\":\"user.session.start\",\"client\":{\"ipAddress\":\"198.51.100.7\"}}"));
      w.seal();
    }

    Runs.Run all = Runs.run(home, "pivot", "--case", c(), "--by", "ip");
    assertThat(all.exit()).as(all.err()).isZero();
    assertThat(all.out().lines().filter(l -> l.startsWith("198.51.100.7")))
        .singleElement().satisfies(l -> assertThat(l.split("\\s+")).containsExactly("198.51.100.7", "1", "0", "0", "-", "-", "0"));
    assertThat(all.err()).doesNotContain("showing the");

    Runs.Run two = Runs.run(home, "pivot", "--case", c(), "--by", "ip", "--limit", "2");
    assertThat(two.exit()).isZero();
    assertThat(two.out().lines().toList()).hasSize(3).first().asString().startsWith("IP");
    assertThat(two.err()).contains("showing the 2 values with most events; there are more");
    Runs.Run json = Runs.run(home, "pivot", "--case", c(), "--by", "ip", "--limit", "4", "--json");
    assertThat(jsonLines(json.out())).hasSize(4).last().satisfies(n -> assertThat(n.get("firstSeen").isNull()).isTrue());
    assertThat(json.err()).doesNotContain("showing the");
  }

  @Test
  void pivotPrintsTheTopValuesByDefaultAndEveryValueWithLimitZero() {
    EvidenceStore store = EvidenceStore.open(caseDir, Runs.CLOCK);
    try (EvidenceWriter w = store.create("many-ips", Source.imported("many-ips.jsonl"))) {
      for (int i = 0; i < 60; i++) {
        w.write(LogEvent.parse("{\"uuid\":\"m" + i + "\",\"eventType\":\"user.session.start\","
            + "\"published\":\"2024-06-12T09:00:00.000Z\",\"client\":{\"ipAddress\":\"198.51.100." + i + "\"}}"));
      }
      w.seal();
    }
    Runs.Run top = Runs.run(home, "pivot", "--case", c(), "--by", "ip");
    assertThat(top.exit()).as(top.err()).isZero();
    assertThat(top.out().lines().toList()).hasSize(1 + PivotCommand.DEFAULT_LIMIT).first().asString().startsWith("IP");
    assertThat(top.out()).contains("10.0.0.1"); // most events first
    assertThat(top.err()).contains("showing the 50 values with most events; there are more (--limit 0 for all)");
    Runs.Run topJson = Runs.run(home, "pivot", "--case", c(), "--by", "ip", "--json");
    assertThat(jsonLines(topJson.out())).hasSize(PivotCommand.DEFAULT_LIMIT);
    Runs.Run all = Runs.run(home, "pivot", "--case", c(), "--by", "ip", "--limit", "0", "--json");
    assertThat(jsonLines(all.out())).hasSize(63);
    assertThat(all.err()).doesNotContain("showing the");
    assertThat(Runs.run(home, "pivot", "--case", c(), "--by", "ip", "--limit", "-1").exit()).isEqualTo(2);
  }

  @Test
  void badKeysFiltersAndTimesAreUsageErrors() {
    assertThat(Runs.run(home, "pivot", "--case", c(), "--by", "ip,bogus").exit()).isEqualTo(2);
    assertThat(Runs.run(home, "pivot", "--case", c(), "--by", "ip", "--filter", "eventType eq").exit()).isEqualTo(2);
    assertThat(Runs.run(home, "pivot", "--case", c(), "--by", "ip", "--since", "yesterday-ish").exit()).isEqualTo(2);
    assertThat(Runs.run(home, "timeline", "--case", c(), "--since", "2024-06-12", "--until", "2024-06-11").exit()).isEqualTo(2);
  }

  /** The same expression must select the same events in pivot and in okta-ir events. */
  @ParameterizedTest
  @ValueSource(strings = {
    "eventType eq \"user.session.start\"",
    "outcome.result eq \"FAILURE\" or client.ipAddress sw \"203.\"",
    "target.alternateId eq \"SALESFORCE\" and not (actor.alternateId co \"bob\")",
    "securityContext.asNumber eq 14061",
    "client.userAgent.rawUserAgent co \"evil\"",
  })
  void pivotFiltersExactlyAsEventsDoes(String filter) {
    String[] window = {"--since", "2024-06-11", "--until", "2024-06-14"};
    Runs.Run events = Runs.run(home, concat(new String[] {"events", "--case", c(), "--json", "--filter", filter}, window));
    assertThat(events.exit()).as(events.err()).isZero();
    long expected = events.out().lines().filter(l -> !l.isBlank()).count();
    Runs.Run pivot = Runs.run(home, concat(new String[] {"pivot", "--case", c(), "--by", "eventType", "--limit", "0",
        "--json", "--filter", filter}, window));
    assertThat(pivot.exit()).as(pivot.err()).isZero();
    long counted = jsonLines(pivot.out()).stream().mapToLong(n -> n.get("events").asLong()).sum();
    assertThat(counted).isEqualTo(expected);
    assertThat(expected).as("the case exercises the filter").isPositive();
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void timelineJsonIsOneObjectPerSession() {
    Runs.Run r = Runs.run(home, "timeline", "--case", c(), "--json", "--q", "message");
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> sessions = jsonLines(r.out());
    assertThat(sessions).extracting(s -> s.get("session").asString()).containsExactly("idx10.0.0.1", "idx10.0.0.2", "idx203.0.113.9");
    assertThat(sessions.get(2).get("networks").get(0).asString()).isEqualTo("AS14061 digitalocean");
    JsonNode event = sessions.get(0).get("events").get(0);
    assertThat(event.propertyNames()).containsExactly("uuid", "published", "eventType", "outcome", "displayMessage", "ip");
    Runs.Run text = Runs.run(home, "timeline", "--case", c());
    assertThat(text.out()).contains("== session idx203.0.113.9  (3 events").contains("   network  AS14061 digitalocean")
        .doesNotContain("\u001b");
  }

  @Test
  void sqlPrintsTablesJsonAndNeutralisedCsvAndRefusesWrites() {
    String q = "SELECT uuid, target_app, evidence_line FROM events WHERE target_app IS NOT NULL ORDER BY evidence_line LIMIT 2";
    Runs.Run table = Runs.run(home, "sql", "--case", c(), q);
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out()).startsWith("uuid").contains("(2 rows)");
    List<JsonNode> json = jsonLines(Runs.run(home, "sql", "--case", c(), q, "--json").out());
    assertThat(json.get(0).toString()).isEqualTo("{\"uuid\":\"u1\",\"target_app\":\"=HYPERLINK(\\\"http://x\\\")\",\"evidence_line\":2}");
    Runs.Run csv = Runs.run(home, "sql", "--case", c(), q, "--csv");
    assertThat(csv.out().lines().toList()).containsExactly("uuid,target_app,evidence_line",
        "u1,\"'=HYPERLINK(\"\"http://x\"\")\",2", "u2,\"'=HYPERLINK(\"\"http://x\"\")\",3");

    Runs.Run evil = Runs.run(home, "sql", "--case", c(), "SELECT DISTINCT user_agent AS \"ua\u001b[2J\" FROM events ORDER BY 1");
    assertThat(evil.out()).contains("evil\\u001b[31mUA").contains("ua\\u001b[2J").doesNotContain("\u001b");

    Runs.Run drop = Runs.run(home, "sql", "--case", c(), "DROP TABLE events");
    assertThat(drop.exit()).isEqualTo(2);
    assertThat(drop.err()).contains("read-only query");
    assertThat(Runs.run(home, "sql", "--case", c(), "SELECT 1", "--json", "--csv").exit()).isEqualTo(2);
    assertThat(Runs.run(home, "sql", "--case", c(), "SELECT nope FROM events").err()).contains("query failed");
  }

  /**
   * Error messages quote input, and an analyst pastes attacker-controlled values (a login, a user
   * agent) into --filter: the quoted escape sequence reached stderr raw; the caret line stays.
   */
  @Test
  void errorsQuotingInputAreTerminalSafe() {
    Runs.Run r = Runs.run(home, "pivot", "--case", c(), "--by", "ip", "--filter", "client.userAgent.rawUserAgent eq evil\u001b[2J");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("evil\\u001b[2J").doesNotContain("\u001b").contains("^");
  }

  @Test
  void exportWritesWhereAskedAndRefusesToOverwrite() throws Exception {
    Runs.Run r = Runs.run(home, "export", "--case", c(), "--format", "PARQUET");
    assertThat(r.exit()).as(r.err()).isZero();
    Path dir = Path.of(r.out().trim());
    assertThat(dir).isEqualTo(caseDir.resolve("export/parquet"));
    assertThat(dir.resolve("day=2024-06-10")).isDirectory();
    assertThat(Runs.run(home, "export", "--case", c(), "--format", "parquet").exit()).isEqualTo(2);
    Runs.Run jsonl = Runs.run(home, "export", "--case", c(), "--format", "jsonl", "--out", home.resolve("x").toString());
    assertThat(Files.readAllBytes(Path.of(jsonl.out().trim())))
        .isEqualTo(Files.readAllBytes(caseDir.resolve("evidence/0001-events.jsonl")));
  }

  /** export printed a bare path even with --json: every command that prints results has --json. */
  @Test
  void exportJsonNamesTheFormatAndWhatItWrote() {
    Runs.Run r = Runs.run(home, "export", "--case", c(), "--format", "csv", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> json = jsonLines(r.out());
    assertThat(json).hasSize(1);
    assertThat(json.get(0).path("format").asString()).isEqualTo("csv");
    assertThat(Path.of(json.get(0).path("path").asString())).isRegularFile().startsWith(caseDir.resolve("export/csv"));
  }

  @Test
  void evidenceChangedUnderALoadedFileExitsSeven() throws Exception {
    assertThat(Runs.run(home, "load", "--case", c()).exit()).isZero();
    Path manifest = caseDir.resolve("evidence/manifest.json");
    String sha = EvidenceStore.existing(caseDir, Runs.CLOCK).files().get(0).sha256();
    Files.writeString(manifest, Files.readString(manifest).replace(sha, "f".repeat(64)));
    Runs.Run r = Runs.run(home, "pivot", "--case", c(), "--by", "ip");
    assertThat(r.exit()).isEqualTo(7);
    assertThat(r.err()).contains("evidence changed").contains("okta-ir verify").contains("--rebuild");
  }
}
