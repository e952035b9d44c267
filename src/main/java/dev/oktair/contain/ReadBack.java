package dev.oktair.contain;

import dev.oktair.okta.Management;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Small helpers the actions share: reading a status or a list back, and their params. */
final class ReadBack {
  private ReadBack() {}


  static String status(Management okta, String userId) {
    return okta.user(userId).map(u -> u.path("status").asString("UNKNOWN")).orElse("GONE (404)");
  }

  static Check present(List<JsonNode> items, String field, String id, String todo, String done) {
    return items.stream().anyMatch(i -> id.equals(i.path(field).asString())) ? Check.todo(todo) : Check.done(done);
  }

  static Map<String, String> map(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        m.put(kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  static List<String> split(String joined) {
    List<String> out = new ArrayList<>();
    if (joined != null) {
      for (String s : joined.split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    }
    return out;
  }
}
