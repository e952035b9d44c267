package dev.oktair.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oktair.events.LogEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Golden file: on the real Okta samples (../shared/data/okta-sample-events.jsonl), each detection
 * run alone fires on exactly the sample lines listed in {@code detect/shared-golden.tsv} (the
 * samples that show its behaviour) and on no others. Skipped where the shared directory is absent.
 */
class SharedSamplesGoldenTest {
  @Test
  void eachDetectionFiresOnItsSamplesAndNoOthers() throws IOException {
    String shared = System.getProperty("okta-ir.shared", "../shared");
    Path file = Path.of(shared, "data", "okta-sample-events.jsonl");
    assumeTrue(Files.isRegularFile(file), "shared samples absent");
    List<LogEvent> events = new ArrayList<>();
    Map<String, Integer> lineOf = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        events.add(LogEvent.parse(line));
      }
    }
    // Cite as a full pass would: an event sharing its uuid with other bytes is cited by its hash.
    Map<String, Integer> uuidCount = new HashMap<>();
    events.forEach(e -> { if (e.uuid() != null) uuidCount.merge(e.uuid(), 1, Integer::sum); });
    for (int i = 0; i < events.size(); i++) {
      LogEvent e = events.get(i);
      lineOf.putIfAbsent(e.uuid() != null && uuidCount.get(e.uuid()) == 1 ? e.uuid() : "sha256:" + Seen.sha256(e.raw()), i + 1);
    }
    Map<String, String> actual = new TreeMap<>();
    for (Detection d : Detections.builtIn()) {
      TreeSet<Integer> lines = new TreeSet<>();
      for (Finding f : Detections.run(List.of(d), events).findings()) {
        f.evidence().forEach(c -> lines.add(lineOf.getOrDefault(((Citation.Event) c).uuid(), -1)));
      }
      actual.put(d.id(), lines.toString().replaceAll("[\\[\\] ]", ""));
    }
    Map<String, String> golden = new TreeMap<>();
    try (InputStream in = getClass().getResourceAsStream("/detect/shared-golden.tsv")) {
      for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!row.isBlank() && !row.startsWith("#")) {
          String[] cells = row.split("\t", -1);
          golden.put(cells[0], cells.length > 1 ? cells[1] : "");
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    actual.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
    assertThat(actual).as("actual:\n%s", sb).isEqualTo(golden);
  }
}
