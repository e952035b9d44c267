package dev.oktair.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 item 1: what SIEMs and Okta's streaming export hold is imported as the inner Okta event,
 * byte-exact, with the wrapper recorded in the manifest; a wrapper without the original event is
 * quarantined, never turned into an empty event. Fixtures in {@code src/test/resources/formats}
 * follow each format's public documentation (see the README there).
 */
class ImportFormatsIT {
  @TempDir Path tmp;

  static byte[] resource(String name) throws IOException {
    try (InputStream in = ImportFormatsIT.class.getResourceAsStream("/formats/" + name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }

  static List<String> inner() throws IOException {
    return new String(resource("inner.jsonl"), UTF_8).lines().toList();
  }

  Path caseDir() {
    return tmp.resolve("case");
  }

  /** Imports one fixture; returns the --json summary. */
  JsonNode importFixture(String name, int exit) throws IOException {
    Path file = tmp.resolve(name);
    Files.write(file, resource(name));
    Runs.Run r = Runs.run(tmp, "import", "--case", caseDir().toString(), "--json", file.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(exit);
    return Json.MAPPER.readTree(r.out());
  }

  String evidenceText() throws IOException {
    try (Stream<Path> s = Files.list(caseDir().resolve("evidence"))) {
      Path only = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList().get(0);
      return Files.readString(only, UTF_8);
    }
  }

  JsonNode source() {
    return Json.MAPPER.readTree(caseDir().resolve("evidence/manifest.json").toFile()).get("files").get(0).get("source");
  }

  static String lines(List<String> events) {
    return String.join("\n", events) + "\n";
  }

  @Test
  void splunkExportResultsYieldTheirRawEventsByteExact() throws IOException {
    JsonNode s = importFixture("splunk-export.json", 0);
    assertThat(s.get("events").asInt()).isEqualTo(3);
    assertThat(evidenceText()).isEqualTo(lines(inner()));
    assertThat(source().get("wrappers").get("splunk result._raw").asLong()).isEqualTo(3);
  }

  @Test
  void eventBridgeDeliveriesYieldTheirDetailByteExact() throws IOException {
    JsonNode s = importFixture("eventbridge.jsonl", 0);
    assertThat(s.get("events").asInt()).isEqualTo(3);
    assertThat(evidenceText()).isEqualTo(lines(inner()));
    assertThat(source().get("wrappers").get("eventbridge detail").asLong()).isEqualTo(3);
  }

  @Test
  void elasticHitsYieldEventOriginalOrTheRawSource() throws IOException {
    JsonNode s = importFixture("elastic-hits.jsonl", 0);
    assertThat(s.get("events").asInt()).isEqualTo(3);
    assertThat(evidenceText()).isEqualTo(lines(inner()));
    JsonNode wrappers = source().get("wrappers");
    assertThat(wrappers.get("elastic _source.event.original").asLong()).isEqualTo(2);
    assertThat(wrappers.get("elastic _source").asLong()).isEqualTo(1);
  }

  @Test
  void elasticSearchResponsesYieldTheirHits() throws IOException {
    JsonNode s = importFixture("elastic-search-response.json", 0);
    assertThat(s.get("events").asInt()).isEqualTo(2);
    assertThat(evidenceText()).isEqualTo(lines(inner().subList(0, 2)));
    assertThat(source().get("format").asString()).isEqualTo("search-response");
    assertThat(source().get("wrappers").get("elastic _source.event.original").asLong()).isEqualTo(2);
  }

  @Test
  void aSearchResponseWithoutHitsIsUnreadableNotEmpty() throws IOException {
    Path file = tmp.resolve("agg.json");
    Files.writeString(file, "{\"took\":3,\"aggregations\":{}}\n");
    Runs.Run r = Runs.run(tmp, "import", "--case", caseDir().toString(), "--json", file.toString());
    assertThat(r.exit()).isEqualTo(6);
    assertThat(r.err()).contains("a search response without a hits.hits array");
  }

  @Test
  void sentinelRowsYieldTheColumnHoldingTheEvent() throws IOException {
    JsonNode s = importFixture("sentinel-rows.json", 0);
    assertThat(s.get("events").asInt()).isEqualTo(2);
    assertThat(evidenceText()).isEqualTo(lines(inner().subList(0, 2)));
    assertThat(source().get("wrappers").get("sentinel RawData").asLong()).isEqualTo(2);
    assertThat(source().get("format").asString()).isEqualTo("json-array");
  }

  @Test
  void splunkCsvYieldsTheRawColumnByteExact() throws IOException {
    JsonNode s = importFixture("splunk-export.csv", 0);
    assertThat(s.get("events").asInt()).isEqualTo(3);
    assertThat(evidenceText()).isEqualTo(lines(inner()));
    assertThat(source().get("wrappers").get("csv _raw").asLong()).isEqualTo(3);
    assertThat(source().get("format").asString()).isEqualTo("csv");
    assertThat(source().has("partial")).isFalse();
  }

  @Test
  void adminConsoleCsvIsRebuiltFromItsColumnsAndMarkedPartial() throws IOException {
    JsonNode s = importFixture("okta-admin-console.csv", 0);
    assertThat(s.get("events").asInt()).isEqualTo(3);
    assertThat(source().get("partial").asBoolean()).isTrue();
    List<JsonNode> rebuilt = evidenceText().lines().map(Json.MAPPER::readTree).toList();
    List<JsonNode> originals = inner().stream().map(Json.MAPPER::readTree).toList();
    for (int i = 0; i < 3; i++) {
      JsonNode e = rebuilt.get(i);
      JsonNode o = originals.get(i);
      assertThat(e.get("uuid").asString()).isEqualTo(o.get("uuid").asString());
      assertThat(e.get("eventType").asString()).isEqualTo(o.get("eventType").asString());
      assertThat(e.at("/actor/alternateId").asString()).isEqualTo(o.at("/actor/alternateId").asString());
      assertThat(e.at("/client/ipAddress").asString()).isEqualTo(o.at("/client/ipAddress").asString());
      assertThat(e.at("/target/0/id").asString("")).isEqualTo(o.at("/target/0/id").asString(""));
    }
  }

  @Test
  void csvThatIsNoSystemLogExportIsNotEvidence() throws IOException {
    Path file = tmp.resolve("users.csv");
    Files.writeString(file, "login,email\nalice,alice@example.com\n");
    Runs.Run r = Runs.run(tmp, "import", "--case", caseDir().toString(), "--json", file.toString());
    assertThat(r.exit()).isEqualTo(6);
    assertThat(Json.MAPPER.readTree(r.out()).get("events").asInt()).isZero();
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "_time,_raw\n1,\"{\"\"a\"\":1}\"\n2,\"{\"\"eventType\"\":\"\"x\"\",\n\"\"uuid\"\":\"\"u\"\"}\"\n");
    Runs.Run r2 = Runs.run(tmp, "import", "--case", caseDir().toString(), "--json", bad.toString());
    assertThat(r2.exit()).isEqualTo(6);
    JsonNode s = Json.MAPPER.readTree(r2.out());
    assertThat(s.get("events").asInt()).isZero();
    assertThat(s.get("rejected").asInt()).isEqualTo(2);
    assertThat(r2.err()).contains("bad.csv:2: not a System Log event").contains("bad.csv:3: not a System Log event")
        .contains("control character 0x0A");
  }

  @Test
  void wrappersWithoutTheOriginalEventAreQuarantinedNotEmptyEvents() throws IOException {
    JsonNode ecs = importFixture("ecs-no-original.jsonl", 6);
    assertThat(ecs.get("events").asInt()).isZero();
    assertThat(ecs.get("rejected").asInt()).isEqualTo(1);
    JsonNode flat = importFixture("sentinel-okta-cl-flattened.jsonl", 6);
    assertThat(flat.get("events").asInt()).isZero();
    assertThat(flat.get("rejected").asInt()).isEqualTo(1);
    String quarantined;
    try (Stream<Path> q = Files.list(caseDir().resolve("quarantine"))) {
      quarantined = q.sorted().map(p -> {
        try {
          return Files.readString(p);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).reduce("", String::concat);
    }
    assertThat(quarantined).contains("not a System Log event").contains("flattened into columns");
  }

  @Test
  void reimportingAnIdenticalFileIsReportedAndNotSealedTwice() throws IOException {
    importFixture("splunk-export.json", 0);
    JsonNode again = importFixture("splunk-export.json", 0);
    assertThat(again.get("files").asInt()).isZero();
    assertThat(again.get("alreadyImported").get(0).asString()).isEqualTo("0001-splunk-export.jsonl");
    JsonNode manifest = Json.MAPPER.readTree(caseDir().resolve("evidence/manifest.json").toFile());
    assertThat(manifest.get("files").size()).isEqualTo(1);
  }
}
