package dev.oktair.detect;

import dev.oktair.events.Json;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * findings.json, version 1 (docs/findings.md): the compromise window and the findings, written
 * atomically and read back to the same values. Stateless and thread-safe.
 */
public final class FindingsFile {
  /** The schema version written; readers refuse any other. */
  public static final int VERSION = 1;

  private FindingsFile() {}

  /**
   * The compromise window: first to last attacker-attributed event, or what the analyst set.
   *
   * @param start the first attributed event (null when nothing is attributed)
   * @param end the last attributed event (null when nothing is attributed)
   * @param source {@code inferred} or {@code override}
   */
  public record Window(Instant start, Instant end, String source) {
    public Window {
      if (start != null && end != null && end.isBefore(start)) {
        throw new IllegalArgumentException("the window ends (" + end + ") before it starts (" + start + ")");
      }
      if (!"inferred".equals(source) && !"override".equals(source)) {
        throw new IllegalArgumentException("window source must be inferred or override: " + source);
      }
    }
  }

  /**
   * The content of one findings.json.
   *
   * @param window the compromise window
   * @param findings the findings, in {@link FindingIds#ORDER}
   */
  public record Contents(Window window, List<Finding> findings) {
    public Contents {
      findings = List.copyOf(findings);
    }
  }

  /**
   * Writes {@code contents} to {@code file} (via a temporary file and an atomic move), one finding
   * at a time: a case where most events match a rule has as many findings as a tenth of its events,
   * and the whole file as one tree and one string ran investigate out of memory.
   */
  public static void write(Path file, Contents contents) {
    ObjectNode w = JsonNodeFactory.instance.objectNode();
    w.put("start", text(contents.window().start()));
    w.put("end", text(contents.window().end()));
    w.put("source", contents.window().source());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
        JsonGenerator g = Json.MAPPER.writerWithDefaultPrettyPrinter().createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberProperty("version", VERSION);
      g.writeName("window");
      g.writeTree(w);
      g.writeName("findings");
      g.writeStartArray();
      for (Finding f : contents.findings()) {
        g.writeTree(toJson(f));
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.write('\n');
    } catch (IOException | JacksonException e) {
      throw new UncheckedIOException("cannot write " + file, e instanceof IOException io ? io : new IOException(e));
    }
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Reads a findings.json.
   *
   * @throws IllegalArgumentException when it is not version 1 or a finding is malformed
   */
  public static Contents read(Path file) {
    List<Finding> findings = new ArrayList<>();
    Window window = read(file, findings::add);
    return new Contents(window, findings);
  }

  /**
   * Reads a findings.json one finding at a time, handing each to {@code each} in the file's order,
   * and returns its window. The text findings repeat (detection, title, technique, recommendation,
   * subject, fact names and values) is kept once: on a case where most events are attack behaviour
   * (issue 14's 1 GB, 317k findings, 284 MB) the file as one tree, and each finding's own copies of
   * those strings, ran contain out of memory at -Xmx512m.
   *
   * @throws IllegalArgumentException when it is not version 1 or a finding is malformed
   */
  public static Window read(Path file, Consumer<Finding> each) {
    Map<String, String> texts = new HashMap<>();
    Function<String, String> one = t -> t == null ? null : texts.computeIfAbsent(t, k -> k);
    Window[] window = {null};
    JsonNode[] version = {null};
    boolean object;
    try {
      object = Json.eachProperty(file, (name, p) -> {
        if (name.equals("findings") && p.currentToken() == JsonToken.START_ARRAY) {
          if (version[0] != null) {
            checkVersion(file, version[0]); // written first: a file of another version is refused before its findings are read
          }
          while (p.nextToken() != JsonToken.END_ARRAY) {
            each.accept(fromJson(Json.ONE_VALUE.readTree(p), one));
          }
        } else if (name.equals("version")) {
          version[0] = Json.ONE_VALUE.readTree(p);
        } else if (name.equals("window")) {
          JsonNode w = Json.ONE_VALUE.readTree(p);
          window[0] = new Window(time(w.get("start")), time(w.get("end")), w.path("source").asString("inferred"));
        } else {
          p.skipChildren();
        }
        return true;
      });
    } catch (JacksonException e) {
      throw new UncheckedIOException("cannot read " + file, new IOException(e.getOriginalMessage(), e));
    }
    if (!object) {
      throw new IllegalArgumentException(file + " is not a findings file (not a JSON object)");
    }
    checkVersion(file, version[0]);
    return window[0] != null ? window[0] : new Window(null, null, "inferred");
  }

  private static void checkVersion(Path file, JsonNode version) {
    if (version == null) {
      throw new IllegalArgumentException(file + " states no findings version; this okta-ir reads version " + VERSION);
    }
    if (version.asInt(-1) != VERSION) {
      throw new IllegalArgumentException(file + " has findings version " + version + "; this okta-ir reads " + VERSION);
    }
  }

  /** Returns one finding as its findings.json object (also what {@code --json} prints per line). */
  public static ObjectNode toJson(Finding f) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", f.id());
    o.put("detection", f.detection());
    o.put("severity", f.severity().label());
    o.put("title", f.title());
    o.put("summary", f.summary());
    o.put("subject", f.subject());
    o.put("first", text(f.first()));
    o.put("last", text(f.last()));
    o.put("technique", f.technique());
    o.put("recommendation", f.recommendation());
    ArrayNode ev = o.putArray("evidence");
    for (Citation c : f.evidence()) {
      ObjectNode e = ev.addObject();
      if (c instanceof Citation.Event event) {
        e.put("uuid", event.uuid());
        e.put("published", text(event.published()));
        e.put("eventType", event.eventType());
      } else if (c instanceof Citation.ApiObject obj) {
        e.put("objectType", obj.objectType());
        e.put("objectId", obj.objectId());
      }
    }
    ObjectNode facts = o.putObject("facts");
    new java.util.TreeMap<>(f.facts()).forEach(facts::put);
    return o;
  }

  static Finding fromJson(JsonNode o) {
    return fromJson(o, Function.identity());
  }

  /** As {@link #fromJson(JsonNode)}, each repeated text given by {@code one}. */
  private static Finding fromJson(JsonNode o, Function<String, String> one) {
    List<Citation> cites = new ArrayList<>();
    for (JsonNode e : o.path("evidence")) {
      if (e.has("uuid")) {
        cites.add(new Citation.Event(e.get("uuid").asString(), time(e.get("published")), one.apply(e.path("eventType").asString())));
      } else {
        cites.add(new Citation.ApiObject(one.apply(e.path("objectType").asString()), e.path("objectId").asString()));
      }
    }
    Map<String, String> facts = new LinkedHashMap<>();
    o.path("facts").properties().forEach(p -> facts.put(one.apply(p.getKey()), one.apply(p.getValue().asString())));
    return new Finding(o.path("id").asString(), one.apply(o.path("detection").asString()),
        Severity.parse(o.path("severity").asString()), one.apply(o.path("title").asString()), o.path("summary").asString(),
        one.apply(str(o.get("subject"))), time(o.get("first")), time(o.get("last")), one.apply(str(o.get("technique"))),
        one.apply(o.path("recommendation").asString()), cites, facts);
  }

  private static String str(JsonNode n) {
    return n == null || n.isNull() ? null : n.asString();
  }

  private static Instant time(JsonNode n) {
    return n == null || n.isNull() ? null : Instant.parse(n.asString());
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
