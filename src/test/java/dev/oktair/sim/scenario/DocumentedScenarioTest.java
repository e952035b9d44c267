package dev.oktair.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The complete example in docs/scenarios.md is a scenario that plays, with its footholds and other victim. */
class DocumentedScenarioTest {
  @Test
  void theDocumentedExamplePlays(@TempDir Path dir) throws Exception {
    String doc = Files.readString(Path.of("docs/scenarios.md"));
    int from = doc.indexOf("```yaml\n", doc.indexOf("## A complete example"));
    String yaml = doc.substring(from + "```yaml\n".length(), doc.indexOf("```", from + 8));
    Path file = dir.resolve("acme-stolen-session.yaml");
    Files.writeString(file, yaml);
    Rehearsal r = Scenarios.rehearse(file, 1, Instant.parse("2026-03-01T12:00:00Z"));
    assertThat(r.truth().scenario()).isEqualTo("acme-stolen-session");
    assertThat(r.truth().footholds()).extracting(f -> f.kind()).containsExactlyInAnyOrder(
        Foothold.Kind.SESSION, Foothold.Kind.SESSION, Foothold.Kind.FACTOR);
    assertThat(r.truth().otherVictimIds()).hasSize(1);
    assertThat(r.truth().alert().user()).endsWith("@acme.example").isNotEqualTo("kim.ross@acme.example");
  }
}
