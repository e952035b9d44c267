package dev.oktair.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code okta-ir verify}: any changed, added or removed evidence file fails with exit 7. */
class VerifyCommandIT {
  @TempDir Path tmp;
  Path caseDir;
  Path evidence;

  @BeforeEach
  void importOneFile() throws Exception {
    caseDir = tmp.resolve("case");
    Path in = tmp.resolve("in.jsonl");
    Files.writeString(in, Runs.event("a", Instant.parse("2026-11-27T09:00:00Z"), "user.session.start", "203.0.113.9", "x")
        + "\n" + Runs.event("b", Instant.parse("2026-11-27T09:05:00Z"), "user.session.end", "203.0.113.9", "y") + "\n");
    assertThat(Runs.run(tmp, "import", "--case", caseDir.toString(), in.toString()).exit()).isZero();
    evidence = caseDir.resolve("evidence/0001-in.jsonl");
  }

  @Test
  void intactEvidenceExitsZero() {
    Runs.Run r = Runs.run(tmp, "verify", "--case", caseDir.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Evidence intact: 1 file matches the manifest.");
  }

  @Test
  void oneFlippedByteIsDetected() throws Exception {
    // Sealed read-only (checked on the mode bits: root may write anyway).
    assertThat(Files.getPosixFilePermissions(evidence)).doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    evidence.toFile().setWritable(true);
    byte[] bytes = Files.readAllBytes(evidence);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(evidence, bytes);

    Runs.Run r = Runs.run(tmp, "verify", "--case", caseDir.toString(), "--json");

    assertThat(r.exit()).isEqualTo(7);
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("intact").asBoolean()).isFalse();
    assertThat(j.get("changed").get(0).asString()).isEqualTo("0001-in.jsonl");
    assertThat(r.err()).contains("evidence verification failed: 1 changed, 0 added, 0 removed");
  }

  @Test
  void anAddedFileIsDetected() throws Exception {
    Files.writeString(caseDir.resolve("evidence/0002-planted.jsonl"), "{}\n", UTF_8);
    Runs.Run r = Runs.run(tmp, "verify", "--case", caseDir.toString());
    assertThat(r.exit()).isEqualTo(7);
    assertThat(r.out()).contains("ADDED    0002-planted.jsonl");
  }

  @Test
  void aRemovedFileIsDetected() throws Exception {
    Files.delete(evidence);
    Runs.Run r = Runs.run(tmp, "verify", "--case", caseDir.toString(), "--json");
    assertThat(r.exit()).isEqualTo(7);
    assertThat(Json.MAPPER.readTree(r.out()).get("removed").get(0).asString()).isEqualTo("0001-in.jsonl");
  }

  @Test
  void noCaseIsAUsageError() {
    Runs.Run r = Runs.run(tmp, "verify", "--case", tmp.resolve("nowhere").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no case at");
  }
}
