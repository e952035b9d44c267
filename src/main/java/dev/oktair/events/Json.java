package dev.oktair.events;

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

  private Json() {}

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
