package dev.oktair.events;

import java.nio.file.Path;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** The project's one JSON configuration, and the null-tolerant text view of a node. */
public final class Json {
  /** A mapper that keeps decimal numbers exact; thread-safe. */
  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  /**
   * The one reading of a System Log record, for evidence, filters and tests alike: a single
   * value (nothing after it), and a repeated key is an error rather than "the last one wins"
   * (DuckDB's reader keeps the first). Thread-safe.
   */
  public static final ObjectReader EVENT_READER = MAPPER.reader()
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  /** Reads the value a parser is on, and only it: the rest of the input follows. Thread-safe. */
  public static final ObjectReader ONE_VALUE = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** Takes one top-level property of an object being read: the parser is on its value and is left on the value's last token. */
  public interface Property {
    /** Returns false to stop the read. */
    boolean read(String name, JsonParser p);
  }

  /**
   * Hands each top-level property of the object in {@code file} to {@code property}, one at a
   * time, so that a file holding far more than the heap (findings.json of a case where most events
   * are findings) is never one tree; {@link #ONE_VALUE} reads a property's value whole.
   * Returns false, handing nothing, when the file holds no object.
   *
   * @throws tools.jackson.core.JacksonException when the file cannot be read or is not JSON
   */
  public static boolean eachProperty(Path file, Property property) {
    try (JsonParser p = MAPPER.createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (!property.read(name, p)) {
          break;
        }
      }
      return true;
    }
  }

    /** Returns the integer that {@code text} spells (surrounding blanks allowed), or null. */
  public static Long longOf(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Long.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

/**
   * Returns a node as text: strings as they are, numbers and booleans as written, objects and
   * arrays as compact JSON; null for absent, JSON null, and the string {@code "null"}.
   */
  public static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isString()) {
      String s = node.asString();
      return "null".equals(s) ? null : s;
    }
    if (node.isValueNode()) {
      return node.asString();
    }
    return node.toString();
  }
}
