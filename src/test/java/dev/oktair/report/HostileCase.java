package dev.oktair.report;

import dev.oktair.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fixture case with every attacker-reachable string (event fields, finding texts and facts,
 * plan targets, app labels, case id, command lines) replaced by a hostile payload. The same
 * original value always becomes the same payload, so IPs and sessions still tie findings to events.
 */
final class HostileCase {
  static final List<String> PAYLOADS = List.of(
      "<script>window.__xss=1</script>",
      "\"><img src=x onerror=\"window.__xss=2\">",
      "javascript:window.__xss=3//",
      "\u202Egnp.exe",
      "'><svg onload=\"window.__xss=4\">",
      "</td></tr></table><iframe src=\"javascript:window.top.__xss=5\"></iframe>",
      "| pipe ` tick [link](javascript:window.__xss=6) *b* _i_",
      "</style></title><script>window.__xss=7</script>");

  /** Values that must stay well-formed for the case to load (times, enums, flags). */
  private static final Set<String> KEEP = Set.of("published", "time", "start", "end", "created", "updated", "first",
      "last", "lastAccess", "severity", "phase", "attacker", "threatSuspected", "isProxy", "version", "status",
      "objectType");

  private final Map<String, String> replaced = new LinkedHashMap<>();

  private HostileCase() {}

  /** Writes the hostile case into {@code dir} and returns its directory. */
  static Path write(Path dir) {
    HostileCase h = new HostileCase();
    Path caseDir = dir.resolve("hostile-case");
    List<String> events = new ArrayList<>();
    for (String line : ReportCases.readLines(ReportCases.FIXTURE.resolve("events.jsonl"))) {
      events.add(h.poison(Json.MAPPER.readTree(line), null).toString());
    }
    ReportCases.seal(caseDir, events);
    try {
      for (String name : List.of("case.json", "findings.json", "plan.json")) {
        Files.writeString(caseDir.resolve(name), h.poison(Json.MAPPER.readTree(ReportCases.FIXTURE.resolve(name).toFile()), null).toString());
      }
      StringBuilder journal = new StringBuilder();
      for (String line : ReportCases.readLines(ReportCases.FIXTURE.resolve("journal.jsonl"))) {
        journal.append(h.poison(Json.MAPPER.readTree(line), null)).append('\n');
      }
      Files.writeString(caseDir.resolve("journal.jsonl"), journal);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return caseDir;
  }

  private JsonNode poison(JsonNode node, String key) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      for (String name : new ArrayList<>(o.propertyNames())) {
        o.set(name, poison(o.get(name), name));
      }
      return o;
    }
    if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      for (int i = 0; i < a.size(); i++) {
        a.set(i, poison(a.get(i), key));
      }
      return a;
    }
    if (node.isString() && !KEEP.contains(key) && !node.asString().equals("null")) {
      String payload = replaced.computeIfAbsent(node.asString(),
          v -> PAYLOADS.get(replaced.size() % PAYLOADS.size()) + " #" + replaced.size());
      return Json.MAPPER.getNodeFactory().stringNode(payload);
    }
    return node;
  }
}
