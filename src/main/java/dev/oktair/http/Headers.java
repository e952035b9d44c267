package dev.oktair.http;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Small helpers over header maps and URIs, shared by results and exceptions. */
final class Headers {
  private Headers() {}

  static List<String> all(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return List.of();
  }

  static String first(Map<String, List<String>> headers, String name) {
    List<String> v = all(headers, name);
    return v.isEmpty() ? null : v.get(0);
  }

  /** Returns the path and query of a URI, which is all a message ever shows of a request. */
  static String pathOf(URI uri) {
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
