package dev.oktair.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oktair.cli.Cli;
import dev.oktair.cli.Context;
import dev.oktair.events.LogEvent;
import dev.oktair.evidence.EvidenceFile;
import dev.oktair.evidence.EvidenceStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The scenario's events, written to evidence and read back from the sealed file, have the shape
 * of the real Okta samples in ../shared/data: for every event type both contain, every field path
 * a real sample has is present in the scenario's events too.
 */
class ShapeTest {
  /**
   * Paths in the samples that are artefacts of where the sample was collected, not of Okta's API,
   * each with why it is excluded. A path is excluded when it equals or lies below an entry.
   */
  private static final Map<String, String> SAMPLE_NOISE = Map.of(
      "client.ipChain",
      "Okta docs' event-hook example nests ipChain under client (an old doc form); the API has request.ipChain",
      "request.ipChain.geographicalContext.ip",
      "a Panther fixture mis-nests ip inside geographicalContext",
      "request.ipChain.geographicalContext.version",
      "a Panther fixture mis-nests version inside geographicalContext",
      "debugContext.debugData.logOnlySecurityData.",
      "Panther's data lake parses the JSON string into an object; Okta sends a string (the key itself is kept)");

  @TempDir
  Path caseDir;

  @Test
  void scenarioEventsThroughEvidenceCoverEveryFieldPathOfTheRealSamplesPerEventType() throws IOException {
    String shared = System.getProperty("okta-ir.shared");
    assumeTrue(shared != null && Files.isDirectory(Path.of(shared)), "../shared is not here");
    Path samples = Path.of(shared, "data", "okta-sample-events.jsonl");
    assumeTrue(Files.isRegularFile(samples), "no real samples");

    Map<String, Set<String>> real = pathsByType(read(samples));
    Map<String, Set<String>> ours = pathsByType(throughEvidence(ScenarioFixture.seed().events()));

    Set<String> common = new TreeSet<>(real.keySet());
    common.retainAll(ours.keySet());
    assertThat(common).as("event types the scenario shares with the samples").contains(
        "user.session.start", "user.authentication.sso", "user.authentication.auth_via_mfa",
        "policy.evaluate_sign_on", "security.threat.detected", "system.api_token.create",
        "user.mfa.factor.deactivate", "app.oauth2.authorize.code", "user.session.access_admin_app");
    Map<String, Set<String>> missing = new TreeMap<>();
    for (String type : common) {
      Set<String> gap = new TreeSet<>(real.get(type));
      gap.removeAll(ours.get(type));
      gap.removeIf(ShapeTest::noise);
      if (!gap.isEmpty()) {
        missing.put(type, gap);
      }
    }
    assertThat(missing).as("field paths real samples have and the scenario lacks").isEmpty();
  }

  @Test
  void everySampleNoiseExclusionStillMatchesSomethingInTheSamples() throws IOException {
    String shared = System.getProperty("okta-ir.shared");
    assumeTrue(shared != null && Files.isDirectory(Path.of(shared)), "../shared is not here");
    Set<String> all = new TreeSet<>();
    pathsByType(read(Path.of(shared, "data", "okta-sample-events.jsonl"))).values().forEach(all::addAll);
    for (String excluded : SAMPLE_NOISE.keySet()) {
      assertThat(all).as("exclusion %s is stale", excluded).anyMatch(p -> matches(p, excluded));
    }
  }

  /** Runs the events through {@code okta-ir import}, exactly as an analyst would, and reads back the evidence. */
  private List<LogEvent> throughEvidence(List<LogEvent> events) throws IOException {
    Path input = caseDir.resolveSibling(caseDir.getFileName() + "-scenario.jsonl");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(input))) {
      for (LogEvent e : events) {
        e.writeRaw(out);
        out.write('\n');
      }
    }
    StringWriter err = new StringWriter();
    Clock clock = Clock.fixed(ScenarioFixture.ANCHOR, ZoneOffset.UTC);
    Context ctx = new Context(new PrintWriter(new StringWriter()), new PrintWriter(err), clock, Map.of(),
        caseDir.resolveSibling("home"), false);
    int exit = Cli.run(ctx, "import", "--case", caseDir.toString(), input.toString());
    assertThat(exit).as(err.toString()).isZero();
    EvidenceStore store = EvidenceStore.existing(caseDir, clock);
    EvidenceFile file = store.files().get(0);
    assertThat(file.events()).isEqualTo(events.size());
    List<LogEvent> back = read(store.pathOf(file));
    assertThat(back).hasSize(events.size());
    return back;
  }

  private static List<LogEvent> read(Path file) throws IOException {
    List<LogEvent> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(LogEvent.parse(line));
      }
    }
    return out;
  }

  static boolean noise(String path) {
    return SAMPLE_NOISE.keySet().stream().anyMatch(x -> matches(path, x));
  }

  private static boolean matches(String path, String exclusion) {
    return exclusion.endsWith(".") ? path.startsWith(exclusion) : path.equals(exclusion) || path.startsWith(exclusion + ".");
  }

  /** Every key path with a non-null value (JSON null and "null" count as absent), arrays flattened. */
  static Map<String, Set<String>> pathsByType(List<LogEvent> events) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (LogEvent e : events) {
      collect(e.json(), "", out.computeIfAbsent(String.valueOf(e.eventType()), k -> new TreeSet<>()));
    }
    return out;
  }

  private static void collect(JsonNode node, String path, Set<String> into) {
    if (node == null || node.isNull() || (node.isString() && "null".equals(node.asString()))) {
      return;
    }
    if (!path.isEmpty()) {
      into.add(path);
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> child : node.properties()) {
        collect(child.getValue(), path.isEmpty() ? child.getKey() : path + "." + child.getKey(), into);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        collect(element, path, into);
      }
    }
  }
}
