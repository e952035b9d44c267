package dev.oktair.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code okta-ir import}: every good event kept byte-exact, every bad line quarantined with its line. */
class ImportCommandIT {
  static final String A = Runs.event("a", Instant.parse("2026-11-27T09:00:00Z"), "user.session.start", "203.0.113.9", "User login to Okta");
  static final String B = Runs.event("b", Instant.parse("2026-11-27T10:00:00Z"), "user.mfa.factor.activate", "203.0.113.9", "Enroll factor");
  static final String C = "{ \"uuid\" : \"c\", \"published\":\"2026-11-27 11:00:00.125\", \"eventType\":\"app.oauth2.token.grant\", \"n\": 1.50 }";
  static final String D = Runs.event("d", Instant.parse("2026-11-27T12:00:00Z"), "user.session.end", "198.51.100.7", "User logout");

  @TempDir Path tmp;

  Path caseDir() {
    return tmp.resolve("case");
  }

  Path write(String name, byte[] content) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, content);
    return p;
  }

  static List<JsonNode> jsonLines(Path file) throws IOException {
    return Files.readAllLines(file).stream().map(Json.MAPPER::readTree).toList();
  }

  Path onlyEvidence() throws IOException {
    try (Stream<Path> s = Files.list(caseDir().resolve("evidence"))) {
      return s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList().get(0);
    }
  }

  @Test
  void garbageFileKeepsEveryGoodEventAndQuarantinesEachBadLine() throws Exception {
    byte[] binary = {0x00, 0x01, 0x1b, '[', '3', '1', 'm', 0x7f};
    byte[] invalidUtf8 = {'{', '"', 'u', 'u', 'i', 'd', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'};
    byte[] huge = new byte[20 << 20];
    Arrays.fill(huge, (byte) 'x');
    byte[] hugeHead = "{\"uuid\":\"huge\",\"pad\":\"".getBytes(UTF_8);
    System.arraycopy(hugeHead, 0, huge, 0, hugeHead.length);
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.write((A + "\n\n").getBytes(UTF_8));                              // 1 good, 2 empty
    in.write("{\"uuid\":\"t\",\"eventType\":\"user.se\n".getBytes(UTF_8)); // 3 truncated JSON
    in.write("[1,2]\n".getBytes(UTF_8));                                 // 4 not an object
    in.write(binary);                                                    // 5 binary bytes
    in.write(("\n" + B + "\n").getBytes(UTF_8));                         // 6 good
    in.write(invalidUtf8);                                               // 7 invalid UTF-8
    in.write("\n   \n".getBytes(UTF_8));                                 // 8 blank
    in.write(huge);                                                      // 9 a 20 MiB line
    in.write(("\n" + C + "\r\n" + D).getBytes(UTF_8));                   // 10 CRLF, 11 no final newline
    Path garbage = write("garbage.jsonl", in.toByteArray());

    Runs.Run r = Runs.run(tmp, "import", "--case", caseDir().toString(), "--json", garbage.toString());

    assertThat(r.exit()).isEqualTo(6);
    JsonNode summary = Json.MAPPER.readTree(r.out());
    Path quarantine = caseDir().resolve("quarantine/0001-garbage.rejects.jsonl");
    assertThat(summary.get("files").asInt()).isEqualTo(1);
    assertThat(summary.get("events").asInt()).isEqualTo(4);
    assertThat(summary.get("rejected").asInt()).isEqualTo(5);
    assertThat(summary.get("duplicates").asInt()).isZero();
    assertThat(summary.get("blank").asInt()).isEqualTo(2);
    assertThat(summary.get("quarantine").asString()).isEqualTo(quarantine.toString());
    assertThat(r.out().strip()).doesNotContain("\n"); // exactly one object
    assertThat(Files.readString(onlyEvidence())).isEqualTo(A + "\n" + B + "\n" + C + "\n" + D + "\n");
    assertThat(r.err()).contains(
        garbage + ":3: malformed JSON", garbage + ":4: not a JSON object", garbage + ":5: malformed JSON",
        garbage + ":7: invalid UTF-8", garbage + ":9: line longer than 16 MiB");
    assertThat(r.err()).doesNotContain("\u001b").doesNotContain("\u0000");

    List<JsonNode> rejects = jsonLines(quarantine);
    assertThat(rejects).extracting(j -> j.get("line").asInt()).containsExactly(3, 4, 5, 7, 9);
    assertThat(rejects).allSatisfy(j -> assertThat(j.get("file").asString()).isEqualTo(garbage.toAbsolutePath().toString()));
    assertThat(rejects.get(1).get("raw").asString()).isEqualTo("[1,2]");
    assertThat(rejects.get(1).get("bytes").asInt()).isEqualTo(5);
    assertThat(rejects.get(1).get("sha256").asString()).isEqualTo(sha256("[1,2]".getBytes(UTF_8)));
    assertThat(rejects.get(2).get("raw").asString().getBytes(UTF_8)).isEqualTo(binary);
    assertThat(Base64.getDecoder().decode(rejects.get(3).get("rawBase64").asString())).isEqualTo(invalidUtf8);
    assertThat(rejects.get(3).get("truncated").asBoolean()).isFalse();
    JsonNode tooLong = rejects.get(4);
    assertThat(tooLong.has("raw")).isFalse();
    assertThat(tooLong.get("truncated").asBoolean()).isTrue();
    assertThat(tooLong.get("bytes").asLong()).isEqualTo(huge.length);
    assertThat(tooLong.get("sha256").asString()).isEqualTo(sha256(huge));
    assertThat(Base64.getDecoder().decode(tooLong.get("rawBase64").asString())).isEqualTo(Arrays.copyOf(huge, 64 << 10));
  }

  @Test
  void humanSummaryAndRejectListingCappedAtTwenty() throws Exception {
    StringBuilder in = new StringBuilder(A + "\n");
    for (int i = 0; i < 25; i++) {
      in.append("not json ").append(i).append('\n');
    }
    Path file = write("many.jsonl", in.toString().getBytes(UTF_8));

    Runs.Run r = Runs.run(tmp, "import", "--case", caseDir().toString(), file.toString());

    assertThat(r.exit()).isEqualTo(6);
    assertThat(r.err()).as("progress names the file and its size").contains("[okta-ir] importing " + file + " (");
    assertThat(r.out()).contains("Imported 1 events from 1 file").contains("Rejected 25 lines");
    assertThat(r.err().lines().filter(l -> l.startsWith(file + ":"))).hasSize(20);
    assertThat(r.err()).contains(file + ":21: malformed JSON")
        .contains("... and 5 more, see " + caseDir().resolve("quarantine/0001-many.rejects.jsonl"));
  }

  @Test
  void exactDuplicatesAreKeptOnceAndUuidCollisionsTwice() throws Exception {
    String otherB = B.replace("Enroll factor", "Enroll factor (other export)");
    Path page1 = write("page1.jsonl", (A + "\n" + B + "\n").getBytes(UTF_8));
    Path page2 = write("page2.jsonl", (B + "\n" + D + "\n" + otherB + "\n").getBytes(UTF_8));

    Runs.Run r = Runs.run(tmp, "import", "--case", caseDir().toString(), "--json", page1.toString(), page2.toString());

    assertThat(r.exit()).isZero();
    JsonNode s = Json.MAPPER.readTree(r.out());
    assertThat(s.get("events").asInt()).isEqualTo(4);
    assertThat(s.get("duplicates").asInt()).isEqualTo(1);
    assertThat(s.get("uuidCollisions").asInt()).isEqualTo(1);
    assertThat(s.get("quarantine").isNull()).isTrue();
    assertThat(Files.readString(caseDir().resolve("evidence/0002-page2.jsonl"))).isEqualTo(D + "\n" + otherB + "\n");
    assertThat(r.err()).contains(page2 + ":3: uuid b was seen before with different content (both kept)");
  }

  @Test
  void eventsLackingUuidOrPublishedAreCountedAndKept() throws Exception {
    String noUuid = "{\"published\":\"2026-11-27T09:00:00Z\",\"eventType\":\"x\"}";
    String noPublished = "{\"uuid\":\"np\",\"eventType\":\"x\"}";
    String badPublished = "{\"uuid\":\"bp\",\"published\":\"yesterday\",\"eventType\":\"x\"}";
    Path file = write("partial.jsonl", (noUuid + "\n" + noPublished + "\n" + badPublished + "\n").getBytes(UTF_8));

    Runs.Run r = Runs.run(tmp, "import", "--case", caseDir().toString(), "--json", file.toString());

    assertThat(r.exit()).isZero();
    JsonNode s = Json.MAPPER.readTree(r.out());
    assertThat(s.get("events").asInt()).isEqualTo(3);
    assertThat(s.get("missingUuid").asInt()).isEqualTo(1);
    assertThat(s.get("missingPublished").asInt()).isEqualTo(2);
    assertThat(Files.readString(onlyEvidence())).isEqualTo(noUuid + "\n" + noPublished + "\n" + badPublished + "\n");
  }

  @Test
  void gzipPrettyArrayIsCompactedAndTheManifestSaysSo() throws Exception {
    String pretty = "\uFEFF[\r\n  {\r\n    \"uuid\": \"p\",\r\n    \"eventType\": \"e\",\r\n    \"msg\": \"a  b\"\r\n  },\r\n  " + A + "\r\n]\r\n";
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gz)) {
      out.write(pretty.getBytes(UTF_8));
    }
    Path file = write("export.json.gz", gz.toByteArray());

    Runs.Run r = Runs.run(tmp, "import", "--case", caseDir().toString(), "--json", file.toString());

    assertThat(r.exit()).isZero();
    assertThat(Json.MAPPER.readTree(r.out()).get("compacted").asInt()).isEqualTo(1);
    Path evidence = caseDir().resolve("evidence/0001-export.jsonl");
    assertThat(Files.readString(evidence)).isEqualTo("{\"uuid\":\"p\",\"eventType\":\"e\",\"msg\":\"a  b\"}\n" + A + "\n");
    JsonNode source = Json.MAPPER.readTree(caseDir().resolve("evidence/manifest.json").toFile())
        .get("files").get(0).get("source");
    assertThat(source.get("kind").asString()).isEqualTo("import");
    assertThat(source.get("location").asString()).isEqualTo(file.toAbsolutePath().toString());
    assertThat(source.get("format").asString()).isEqualTo("json-array+gzip");
    assertThat(source.get("compacted").asInt()).isEqualTo(1);
    assertThat(source.get("sha256").asString()).isEqualTo(sha256(gz.toByteArray()));
  }

  @Test
  void missingFileIsRejectedInputButTheOthersImport() throws Exception {
    Path good = write("good.jsonl", (A + "\n").getBytes(UTF_8));
    Path missing = tmp.resolve("missing.jsonl");

    Runs.Run r = Runs.run(tmp, "import", "--case", caseDir().toString(), "--json", missing.toString(), good.toString());

    assertThat(r.exit()).isEqualTo(6);
    JsonNode s = Json.MAPPER.readTree(r.out());
    assertThat(s.get("files").asInt()).isEqualTo(1);
    assertThat(s.get("events").asInt()).isEqualTo(1);
    assertThat(s.get("unreadable").asInt()).isEqualTo(1);
    assertThat(r.err()).contains(missing + ": no such file");
  }

  @Test
  void sharedSampleImportsWithoutRejectsAndByteIdentical() throws Exception {
    Path sample = Path.of(System.getProperty("okta-ir.shared", "../shared"), "data/okta-sample-events.jsonl");
    Assumptions.assumeTrue(Files.isRegularFile(sample), "shared sample data not present");

    Runs.Run r = Runs.run(tmp, "import", "--case", caseDir().toString(), "--json", sample.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode s = Json.MAPPER.readTree(r.out());
    List<String> lines = Files.readAllLines(sample).stream().filter(l -> !l.isBlank()).toList();
    assertThat(s.get("rejected").asInt()).isZero();
    assertThat(s.get("events").asInt() + s.get("duplicates").asInt()).isEqualTo(lines.size());
    assertThat(Files.readAllLines(onlyEvidence())).isEqualTo(lines);
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
