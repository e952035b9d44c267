package dev.oktair.events.filter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/** Writes an event's JSON again in a different but equivalent spelling, for prefilter tests. */
final class Rewriter {
  /** How to respell string values. */
  enum Style {
    /** Same text, with the case of some ASCII letters flipped (a different value, same folding). */
    FLIP_CASE,
    /**
     * Same value, with some characters written as JSON escapes ({@code \}{@code u0041}, {@code \/})
     * and some numbers in exponent form ({@code 16509} as {@code 165090e-1}, which Jackson reads
     * back as the text {@code 16509.0}).
     */
    ESCAPE,
    /** Same value, with random JSON whitespace (space, tab, CR, LF) around every token. */
    SPACED
  }

  private Rewriter() {}

  static String write(JsonNode node, Style style, Random random) {
    StringBuilder out = new StringBuilder();
    write(node, style, random, out);
    return out.toString();
  }

  private static void write(JsonNode node, Style style, Random random, StringBuilder out) {
    if (node.isObject()) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.append(first ? "" : ",");
        first = false;
        space(style, random, out);
        string(e.getKey(), Style.FLIP_CASE == style ? null : style, random, out);
        space(style, random, out);
        out.append(':');
        space(style, random, out);
        write(e.getValue(), style, random, out);
        space(style, random, out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ",");
        space(style, random, out);
        write(node.get(i), style, random, out);
        space(style, random, out);
      }
      out.append(']');
    } else if (node.isString()) {
      string(
          style == Style.FLIP_CASE ? flipSome(node.asString(), random) : node.asString(),
          style,
          random,
          out);
    } else if (node.isNumber() && style == Style.ESCAPE && random.nextBoolean()) {
      BigDecimal d = node.decimalValue();
      out.append(d.unscaledValue().multiply(BigInteger.TEN)).append("e").append(-(d.scale() + 1));
    } else {
      out.append(node.toString());
    }
  }

  private static void space(Style style, Random random, StringBuilder out) {
    for (int n = style == Style.SPACED ? random.nextInt(3) : 0; n > 0; n--) {
      out.append(" \t\r\n".charAt(random.nextInt(4)));
    }
  }

  private static void string(String s, Style style, Random random, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean escapeIt = style == Style.ESCAPE && random.nextInt(8) == 0;
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '/' && escapeIt) {
        out.append("\\/");
      } else if (c < 0x20 || escapeIt) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  /** Returns {@code s} with the case of about half its ASCII letters flipped. */
  static String flipSome(String s, Random random) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c < 0x80 && Character.isLetter(c) && random.nextBoolean()) {
        chars[i] = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
      }
    }
    return new String(chars);
  }

  /** Returns every scalar of {@code root} with its dotted path (arrays flattened). */
  static List<Map.Entry<String, JsonNode>> leaves(JsonNode root) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    collect(root, "", out);
    return out;
  }

  private static void collect(JsonNode node, String path, List<Map.Entry<String, JsonNode>> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getKey().matches("[A-Za-z_][A-Za-z0-9_-]*")) {
          collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        collect(element, path, out);
      }
    } else if (node.isValueNode() && !node.isNull() && !path.isEmpty()) {
      out.add(new AbstractMap.SimpleEntry<>(path, node));
    }
  }
}
