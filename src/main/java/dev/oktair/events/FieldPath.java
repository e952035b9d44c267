package dev.oktair.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A dotted attribute path into a System Log event, such as {@code target.alternateId} or
 * {@code debugContext.debugData.threatSuspected}, parsed once and reused.
 *
 * <p>Names are case-sensitive, as in Okta's filter grammar. Arrays met on the way are flattened,
 * so {@code target.id} yields the id of every target. Immutable and thread-safe.
 */
public final class FieldPath {
  private final String text;
  private final String[] segments;

  private FieldPath(String text, String[] segments) {
    this.text = text;
    this.segments = segments;
  }

  /** Returns the path for {@code dotted}; rejects empty segments such as {@code a..b}. */
  public static FieldPath parse(String dotted) {
    Objects.requireNonNull(dotted, "path");
    String[] parts = dotted.split("\\.", -1);
    for (String part : parts) {
      if (part.isEmpty()) {
        throw new IllegalArgumentException("invalid attribute path '" + dotted + "'");
      }
    }
    return new FieldPath(dotted, parts);
  }

  /** Returns the path as written. */
  public String text() {
    return text;
  }

  /** Returns the path's segments, in order. */
  public List<String> segments() {
    return List.of(segments);
  }

  /**
   * Returns every non-null value at this path below {@code root}, flattening arrays; empty when
   * the path is absent or null. JSON null and the literal string {@code "null"} (which Okta
   * writes in some string fields) are both treated as absent.
   */
  public List<JsonNode> values(JsonNode root) {
    List<JsonNode> out = new ArrayList<>(2);
    collect(root, 0, out);
    return out;
  }

  /** Returns the first value at this path, or null when there is none. */
  public JsonNode first(JsonNode root) {
    // most paths meet only objects: walked without a list; an array on the way is flattened as values does
    JsonNode node = root;
    for (int depth = 0; ; depth++) {
      if (node == null || node.isNull() || node.isMissingNode()) {
        return null;
      }
      if (node.isArray()) {
        List<JsonNode> all = new ArrayList<>(2);
        collect(node, depth, all);
        return all.isEmpty() ? null : all.get(0);
      }
      if (depth == segments.length) {
        return isNullText(node) ? null : node;
      }
      if (!node.isObject()) {
        return null;
      }
      node = node.get(segments[depth]);
    }
  }

  private void collect(JsonNode node, int depth, List<JsonNode> out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        collect(element, depth, out);
      }
      return;
    }
    if (depth == segments.length) {
      if (!isNullText(node)) {
        out.add(node);
      }
      return;
    }
    if (node.isObject()) {
      collect(node.get(segments[depth]), depth + 1, out);
    }
  }

  private static boolean isNullText(JsonNode node) {
    return node.isString() && "null".equals(node.asString());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
