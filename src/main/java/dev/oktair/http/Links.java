package dev.oktair.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code Link} headers (RFC 8288) as Okta sends them: several header lines and/or
 * comma-joined values, each {@code <url>; rel="next"}. The one place paging links are read.
 */
final class Links {
  private Links() {}

  /**
   * Returns each relation's URL, resolved against {@code base}; the first link wins when a
   * relation repeats. Malformed parts are skipped.
   */
  static Map<String, URI> parse(List<String> headerValues, URI base) {
    Map<String, URI> out = new LinkedHashMap<>();
    for (String value : headerValues) {
      parseValue(value, base, out);
    }
    return out;
  }

  /** Returns the {@code rel="next"} URL, or null. */
  static URI next(List<String> headerValues, URI base) {
    return parse(headerValues, base).get("next");
  }

  private static void parseValue(String value, URI base, Map<String, URI> out) {
    int i = 0;
    while (true) {
      int open = value.indexOf('<', i);
      if (open < 0) {
        return;
      }
      int close = value.indexOf('>', open);
      if (close < 0) {
        return;
      }
      String target = value.substring(open + 1, close).trim();
      int end = endOfParams(value, close + 1);
      String params = value.substring(close + 1, end);
      String rels = param(params, "rel");
      if (rels != null) {
        for (String rel : rels.trim().split("\\s+")) {
          URI uri = resolve(base, target);
          if (uri != null) {
            out.putIfAbsent(rel.toLowerCase(Locale.ROOT), uri);
          }
        }
      }
      i = end;
    }
  }

  /** Returns where this link's parameters end: the next comma outside quotes, or the end. */
  private static int endOfParams(String value, int from) {
    boolean quoted = false;
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        return i;
      }
    }
    return value.length();
  }

  private static String param(String params, String name) {
    for (String part : params.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(name)) {
        String v = part.substring(eq + 1).trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
      }
    }
    return null;
  }

  private static URI resolve(URI base, String target) {
    try {
      return base == null ? new URI(target) : base.resolve(new URI(target));
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }
}
