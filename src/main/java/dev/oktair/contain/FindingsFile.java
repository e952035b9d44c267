package dev.oktair.contain;

import dev.oktair.detect.Citation;
import dev.oktair.detect.Finding;
import dev.oktair.detect.Severity;
import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import dev.oktair.events.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small reader (and writer, for the demo and tests) of findings.json version 1, until the
 * detect package's own reader replaces it: the one class to swap.
 *
 * @param start the incident window's start
 * @param end the window's end, or null when open
 * @param findings the findings
 */
public record FindingsFile(Instant start, Instant end, List<Finding> findings) {
  public FindingsFile {
    java.util.Objects.requireNonNull(start, "start");
    findings = List.copyOf(findings);
  }

  /**
   * Reads {@code file}.
   *
   * @throws OktaIrException (USAGE) when it is missing or not findings.json version 1
   */
  public static FindingsFile read(Path file) {
    if (!Files.exists(file)) {
      throw new OktaIrException(Kind.USAGE, "the case has no " + file.getFileName() + " at " + file
          + ": investigate the case first, so there are findings to contain");
    }
    try {
      JsonNode root = Json.MAPPER.readTree(Files.readAllBytes(file));
      if (root.path("version").asInt() != 1) {
        throw new OktaIrException(Kind.USAGE, file + " is not findings.json version 1");
      }
      List<Finding> out = new ArrayList<>();
      for (JsonNode f : root.path("findings")) {
        out.add(finding(f));
      }
      return new FindingsFile(Instant.parse(root.path("window").path("start").asString()),
          time(root.path("window").path("end")), out);
    } catch (IOException | JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
      throw new OktaIrException(Kind.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes this as findings.json version 1 to {@code file}. */
  public void write(Path file) throws IOException {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("version", 1);
    root.putObject("window").put("start", start.toString()).put("end", end == null ? null : end.toString());
    var list = root.putArray("findings");
    for (Finding f : findings) {
      ObjectNode n = list.addObject();
      n.put("id", f.id()).put("detection", f.detection()).put("severity", f.severity().label())
          .put("title", f.title()).put("summary", f.summary()).put("subject", f.subject())
          .put("first", f.first() == null ? null : f.first().toString())
          .put("last", f.last() == null ? null : f.last().toString())
          .put("technique", f.technique()).put("recommendation", f.recommendation());
      var ev = n.putArray("evidence");
      for (Citation c : f.evidence()) {
        if (c instanceof Citation.Event e) {
          ev.addObject().put("uuid", e.uuid()).put("published", e.published() == null ? null : e.published().toString())
              .put("eventType", e.eventType());
        } else if (c instanceof Citation.ApiObject o) {
          ev.addObject().put("objectType", o.objectType()).put("objectId", o.objectId());
        }
      }
      ObjectNode facts = n.putObject("facts");
      f.facts().forEach(facts::put);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
  }

  private static Finding finding(JsonNode f) {
    List<Citation> evidence = new ArrayList<>();
    for (JsonNode c : f.path("evidence")) {
      if (c.has("uuid")) {
        evidence.add(new Citation.Event(c.path("uuid").asString(), time(c.path("published")), c.path("eventType").asString()));
      } else {
        evidence.add(new Citation.ApiObject(c.path("objectType").asString(), c.path("objectId").asString()));
      }
    }
    Map<String, String> facts = new LinkedHashMap<>();
    f.path("facts").properties().forEach(e -> facts.put(e.getKey(), e.getValue().asString()));
    return new Finding(f.path("id").asString(), f.path("detection").asString(), Severity.parse(f.path("severity").asString()),
        f.path("title").asString(), f.path("summary").asString(), text(f.path("subject")), time(f.path("first")),
        time(f.path("last")), text(f.path("technique")), f.path("recommendation").asString(), evidence, facts);
  }

  private static String text(JsonNode n) {
    return n.isString() ? n.asString() : null;
  }

  private static Instant time(JsonNode n) {
    return n.isString() ? Instant.parse(n.asString()) : null;
  }
}
