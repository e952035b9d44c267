package dev.oktair.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Timesketch JSONL: every line carries Timesketch's required fields and the pivots, one per event. */
class TimesketchTest {
  @TempDir Path tmp;

  @Test
  void everyLineHasTheRequiredFieldsAndThePivots() throws IOException {
    Path caseDir = ReportCases.full(tmp);
    Path out = tmp.resolve("ts.jsonl");
    List<Reports.Written> written = Reports.write(caseDir, List.of(ReportFormat.TIMESKETCH), out, ReportCases.CLOCK);
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);

    assertThat(lines).hasSize(8);
    assertThat(written.get(0).events()).isEqualTo(8);
    for (String line : lines) {
      JsonNode o = Json.MAPPER.readTree(line);
      assertThat(o.get("message").isString()).as(line).isTrue();
      assertThat(o.get("message").asString()).as(line).isNotBlank();
      assertThat(o.get("timestamp_desc").asString()).as(line).isNotBlank();
      // Timesketch parses datetime as ISO 8601 with an offset.
      assertThat(OffsetDateTime.parse(o.get("datetime").asString())).as(line).isNotNull();
      assertThat(o.has("uuid") && o.has("eventType") && o.has("ip") && o.has("user")).as(line).isTrue();
    }
    JsonNode attackerLogin = Json.MAPPER.readTree(lines.get(2));
    assertThat(attackerLogin.get("uuid").asString()).isEqualTo("e3");
    assertThat(attackerLogin.get("session").asString()).isEqualTo("102evil1");
    assertThat(attackerLogin.get("asn").asLong()).isEqualTo(208323);
    assertThat(attackerLogin.get("attacker").asBoolean()).isTrue();
    assertThat(Json.MAPPER.readTree(lines.get(0)).get("attacker").asBoolean()).isFalse();
    // The session-less failed login from the attacker's IP is theirs too.
    assertThat(lines).filteredOn(l -> l.contains("\"uuid\":\"e7\"")).singleElement().asString()
        .contains("\"attacker\":true");
  }

  @Test
  void eventsWithoutATimeAreLeftOutBecauseTimesketchNeedsOne() throws IOException {
    Path caseDir = ReportCases.evidenceOnly(tmp);
    ReportCases.seal(caseDir, List.of("{\"uuid\":\"no-time\",\"eventType\":\"user.session.start\"}"));
    Path out = tmp.resolve("ts.jsonl");
    Reports.write(caseDir, List.of(ReportFormat.TIMESKETCH), out, ReportCases.CLOCK);
    assertThat(Files.readAllLines(out)).hasSize(8).noneMatch(l -> l.contains("no-time"));
  }
}
