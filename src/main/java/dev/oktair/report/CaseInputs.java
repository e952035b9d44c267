package dev.oktair.report;

import dev.oktair.cases.CasePaths;
import dev.oktair.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Where the report finds the files other steps of the runbook write in a case, and the tolerant
 * JSON reading they share; the paths come from the case owner ({@link CasePaths}).
 */
final class CaseInputs {
  private final Path caseDir;

  CaseInputs(Path caseDir) {
    this.caseDir = caseDir;
  }

  Path caseDir() {
    return caseDir;
  }

  Path caseFile() {
    return CasePaths.of(caseDir).caseJson();
  }

  Path findings() {
    return CasePaths.of(caseDir).findings();
  }

  Path plan() {
    return CasePaths.of(caseDir).plan();
  }

  Path journal() {
    return CasePaths.of(caseDir).journal();
  }

  /** Returns the directory reports are written to by default. */
  Path reportsDir() {
    return CasePaths.of(caseDir).reports();
  }

  /** Returns the file's JSON, or null when it does not exist. */
  static JsonNode readJson(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new ReportException(file.getFileName() + " is not readable JSON (" + e.getOriginalMessage() + ")", e);
    }
  }

  /**
   * Returns one JSON object per non-blank line, or null when the file does not exist. An
   * append-only file may end in a line torn by a crash: an unreadable last line is left out, an
   * unreadable line before it is an error.
   */
  static List<JsonNode> readJsonLines(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    int last = lines.size() - 1;
    while (last >= 0 && lines.get(last).isBlank()) {
      last--;
    }
    List<JsonNode> out = new ArrayList<>();
    for (int n = 0; n <= last; n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      try {
        out.add(Json.MAPPER.readTree(lines.get(n)));
      } catch (JacksonException e) {
        if (n == last) {
          break;
        }
        throw new ReportException(file.getFileName() + " line " + (n + 1) + " is not JSON (" + e.getOriginalMessage() + ")", e);
      }
    }
    return out;
  }

  /** Returns the text of a field, null when absent, JSON null or "null". */
  static String text(JsonNode node, String field) {
    return node == null ? null : Json.text(node.get(field));
  }

  /** Returns a field as an instant, null when absent or unreadable. */
  static Instant instant(JsonNode node, String field) {
    String s = text(node, field);
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Returns an array field's elements as text, empty when absent. */
  static List<String> strings(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    JsonNode array = node == null ? null : node.get(field);
    if (array != null && array.isArray()) {
      array.forEach(v -> {
        String s = Json.text(v);
        if (s != null) {
          out.add(s);
        }
      });
    }
    return out;
  }

  /** Returns an array field's elements, empty when absent. */
  static List<JsonNode> array(JsonNode node, String field) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode array = node == null ? null : node.get(field);
    if (array != null && array.isArray()) {
      array.forEach(out::add);
    }
    return out;
  }
}
