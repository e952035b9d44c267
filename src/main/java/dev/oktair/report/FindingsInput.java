package dev.oktair.report;

import dev.oktair.detect.Citation;
import dev.oktair.detect.Finding;
import dev.oktair.detect.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads findings.json ({@code {"version":1,"window":{...},"findings":[...]}}) into findings, most
 * severe first. The adapter the lead rewires to investigate's own reader when merging.
 */
final class FindingsInput {
  private FindingsInput() {}

  /** Returns the case's findings, or why there are none. */
  static Section<List<Finding>> read(CaseInputs inputs) {
    JsonNode root = CaseInputs.readJson(inputs.findings());
    if (root == null) {
      return Section.notRun("no findings yet (findings.json not found): run the investigation");
    }
    List<Finding> out = new ArrayList<>();
    for (JsonNode f : CaseInputs.array(root, "findings")) {
      try {
        out.add(finding(f));
      } catch (RuntimeException e) {
        throw new ReportException("findings.json holds an unreadable finding "
            + CaseInputs.text(f, "id") + ": " + e.getMessage(), e);
      }
    }
    out.sort(Comparator.comparing(Finding::severity).reversed()
        .thenComparing(Finding::first, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Finding::id));
    return Section.of(List.copyOf(out));
  }

  private static Finding finding(JsonNode f) {
    List<Citation> evidence = new ArrayList<>();
    for (JsonNode c : CaseInputs.array(f, "evidence")) {
      String uuid = CaseInputs.text(c, "uuid");
      if (uuid != null) {
        evidence.add(new Citation.Event(uuid, CaseInputs.instant(c, "published"),
            String.valueOf(CaseInputs.text(c, "eventType"))));
      } else {
        evidence.add(new Citation.ApiObject(String.valueOf(CaseInputs.text(c, "objectType")),
            String.valueOf(CaseInputs.text(c, "objectId"))));
      }
    }
    Map<String, String> facts = new LinkedHashMap<>();
    JsonNode factsNode = f.get("facts");
    if (factsNode != null && factsNode.isObject()) {
      for (Map.Entry<String, JsonNode> e : factsNode.properties()) {
        String v = dev.oktair.events.Json.text(e.getValue());
        if (v != null) {
          facts.put(e.getKey(), v);
        }
      }
    }
    String severity = CaseInputs.text(f, "severity");
    Instant first = CaseInputs.instant(f, "first");
    Instant last = CaseInputs.instant(f, "last");
    return new Finding(CaseInputs.text(f, "id"), CaseInputs.text(f, "detection"),
        Severity.parse(severity == null ? "" : severity), CaseInputs.text(f, "title"), CaseInputs.text(f, "summary"),
        CaseInputs.text(f, "subject"), first, last, CaseInputs.text(f, "technique"),
        CaseInputs.text(f, "recommendation"), evidence, facts);
  }

  /** Returns the window findings.json was computed over, or null when absent. */
  static Window window(CaseInputs inputs) {
    JsonNode root = CaseInputs.readJson(inputs.findings());
    JsonNode w = root == null ? null : root.get("window");
    if (w == null || !w.isObject()) {
      return null;
    }
    return new Window(CaseInputs.instant(w, "start"), CaseInputs.instant(w, "end"), CaseInputs.text(w, "source"));
  }

  /** An investigation window as a case file states it. */
  record Window(Instant start, Instant end, String source) {}
}
