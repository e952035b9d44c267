package dev.oktair.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** docs/report-json.md names every field the JSON report of the golden case holds. */
class ReportJsonDocTest {
  @Test
  void everyFieldIsDocumented() throws IOException {
    String doc = Files.readString(Path.of("docs/report-json.md"));
    JsonNode report = Json.MAPPER.readTree(ReportGoldenTest.GOLDEN.resolve("full-report.json").toFile());
    Set<String> fields = new TreeSet<>();
    collect(report, fields, false);
    List<String> missing = new ArrayList<>();
    for (String f : fields) {
      if (!doc.contains("`" + f + "`")) {
        missing.add(f);
      }
    }
    assertThat(missing).isEmpty();
    assertThat(report.get("schemaVersion").asInt()).isEqualTo(Report.SCHEMA_VERSION);
  }

  private static void collect(JsonNode node, Set<String> fields, boolean free) {
    if (node.isObject()) {
      for (var e : node.properties()) {
        if (!free) {
          fields.add(e.getKey());
        }
        // facts and a source's query are open maps: their keys are data, not schema
        collect(e.getValue(), fields, e.getKey().equals("facts") || e.getKey().equals("query"));
      }
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, fields, free));
    }
  }
}
