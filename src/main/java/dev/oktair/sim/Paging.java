package dev.oktair.sim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Cursor paging of Management API collections (users, apps, app users, grants, tokens): {@code
 * limit} within the endpoint's bounds, {@code after} = the id of the last item of the previous
 * page, {@code Link} self and next headers.
 */
final class Paging {
  private Paging() {}

  /** Returns one page of {@code items} (already filtered, in order) as a JSON array response. */
  static Response page(Request r, List<? extends JsonNode> items, String idField, int defaultLimit, int maxLimit) {
    int limit = r.queryInt("limit", defaultLimit, 1, maxLimit);
    String after = r.query("after");
    int start = 0;
    if (after != null && !after.isEmpty()) {
      start = items.size();
      for (int i = 0; i < items.size(); i++) {
        if (after.equals(items.get(i).path(idField).asString())) {
          start = i + 1;
          break;
        }
      }
    }
    int end = Math.min(items.size(), start + limit);
    ArrayNode body = JsonNodeFactory.instance.arrayNode();
    items.subList(start, end).forEach(body::add);
    Response response = Response.ok(body).header("Link", "<" + r.url() + ">; rel=\"self\"");
    if (end < items.size()) {
      String last = items.get(end - 1).path(idField).asString();
      response.header("Link", "<" + nextUrl(r, last, limit) + ">; rel=\"next\"");
    }
    return response;
  }

  /** Returns all {@code items} as a JSON array (collections Okta does not page). */
  static Response all(List<? extends JsonNode> items) {
    ArrayNode body = JsonNodeFactory.instance.arrayNode();
    items.forEach(body::add);
    return Response.ok(body);
  }

  private static String nextUrl(Request r, String after, int limit) {
    StringBuilder q = new StringBuilder();
    String raw = r.rawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        if (!pair.isEmpty() && !pair.startsWith("after=") && !pair.startsWith("limit=")) {
          q.append(pair).append('&');
        }
      }
    }
    q.append("limit=").append(limit).append("&after=").append(URLEncoder.encode(after, StandardCharsets.UTF_8));
    return r.urlWithoutQuery() + "?" + q;
  }
}
