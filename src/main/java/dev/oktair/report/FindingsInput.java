package dev.oktair.report;

import dev.oktair.detect.Citation;
import dev.oktair.detect.Finding;
import dev.oktair.detect.Severity;
import dev.oktair.events.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads findings.json ({@code {"version":1,"window":{...},"findings":[...]}}) into findings, most
 * severe first. The adapter the lead rewires to investigate's own reader when merging.
 */
final class FindingsInput {
  private FindingsInput() {}

  /** Returns the case's findings, or why there are none. */
  static Section<List<Finding>> read(CaseInputs inputs) {
    List<Finding> out = new ArrayList<>();
    Pool pool = new Pool();
    boolean found = stream(inputs.findings(), (name, p) -> {
      if (!name.equals("findings") || p.currentToken() != JsonToken.START_ARRAY) {
        p.skipChildren();
        return true;
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        JsonNode f = Json.ONE_VALUE.readTree(p);
        try {
          out.add(finding(f, pool));
        } catch (RuntimeException e) {
          throw new ReportException("findings.json holds an unreadable finding "
              + CaseInputs.text(f, "id") + ": " + e.getMessage(), e);
        }
      }
      return true;
    });
    if (!found) {
      return Section.notRun("no findings yet (findings.json not found): run the investigation");
    }
    out.sort(Comparator.comparing(Finding::severity).reversed()
        .thenComparing(Finding::first, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Finding::id));
    return Section.of(List.copyOf(out));
  }

  /**
   * As {@link Json#eachProperty}, one property at a time (317k findings, 284 MB on issue 14's 1 GB
   * case, took several GB as one tree); returns false when the file does not exist.
   */
  private static boolean stream(Path file, Json.Property property) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      Json.eachProperty(file, property); // not an object: no findings, no window, as a tree read gave
      return true;
    } catch (JacksonException e) {
      throw new ReportException(file.getFileName() + " is not readable JSON (" + e.getOriginalMessage() + ")", e);
    }
  }

  private static Finding finding(JsonNode f, Pool pool) {
    List<Citation> evidence = new ArrayList<>();
    for (JsonNode c : CaseInputs.array(f, "evidence")) {
      String uuid = CaseInputs.text(c, "uuid");
      if (uuid != null) {
        evidence.add(new Citation.Event(uuid, CaseInputs.instant(c, "published"),
            pool.one(String.valueOf(CaseInputs.text(c, "eventType")))));
      } else {
        evidence.add(new Citation.ApiObject(pool.one(String.valueOf(CaseInputs.text(c, "objectType"))),
            pool.one(String.valueOf(CaseInputs.text(c, "objectId")))));
      }
    }
    Map<String, String> facts = new LinkedHashMap<>();
    JsonNode factsNode = f.get("facts");
    if (factsNode != null && factsNode.isObject()) {
      for (Map.Entry<String, JsonNode> e : factsNode.properties()) {
        String v = Json.text(e.getValue());
        if (v != null) {
          facts.put(pool.one(e.getKey()), pool.one(v));
        }
      }
    }
    String severity = CaseInputs.text(f, "severity");
    Instant first = CaseInputs.instant(f, "first");
    Instant last = CaseInputs.instant(f, "last");
    return new Finding(CaseInputs.text(f, "id"), pool.one(CaseInputs.text(f, "detection")),
        Severity.parse(severity == null ? "" : severity), pool.one(CaseInputs.text(f, "title")),
        CaseInputs.text(f, "summary"), pool.one(CaseInputs.text(f, "subject")), first, last,
        pool.one(CaseInputs.text(f, "technique")), pool.one(CaseInputs.text(f, "recommendation")), evidence, facts);
  }

  /**
   * One copy of each text that findings repeat: a rule's findings share their detection, title,
   * technique and recommendation, and most share subjects, actors, sessions and fact names; each
   * read as its own string, they were most of the findings' heap on issue 14's 317k. Not thread-safe.
   */
  private static final class Pool {
    private final Map<String, String> seen = new HashMap<>();

    String one(String text) {
      return text == null ? null : seen.computeIfAbsent(text, t -> t);
    }
  }


  /** Returns the window findings.json was computed over, or null when absent. */
  static Window window(CaseInputs inputs) {
    Window[] window = {null};
    // investigate writes the window before the findings: the read stops there
    stream(inputs.findings(), (name, p) -> {
      if (!name.equals("window")) {
        p.skipChildren();
        return true;
      }
      JsonNode w = Json.ONE_VALUE.readTree(p);
      if (w != null && w.isObject()) {
        window[0] = new Window(CaseInputs.instant(w, "start"), CaseInputs.instant(w, "end"), CaseInputs.text(w, "source"));
      }
      return false;
    });
    return window[0];
  }

  /** An investigation window as a case file states it. */
  record Window(Instant start, Instant end, String source) {}
}
