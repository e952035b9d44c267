package dev.oktair.sim;

import dev.oktair.events.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** One response: status, extra headers and body bytes (empty for 204). Built by routes. */
final class Response {
  private final int status;
  private final byte[] body;
  private final Map<String, List<String>> headers = new LinkedHashMap<>();

  private Response(int status, byte[] body) {
    this.status = status;
    this.body = body;
  }

  /** A JSON body with {@code Content-Type: application/json}. */
  static Response json(int status, JsonNode node) {
    return bytes(status, Json.MAPPER.writeValueAsBytes(node));
  }

  static Response ok(JsonNode node) {
    return json(200, node);
  }

  /** JSON bytes already serialised (the System Log's raw event pages). */
  static Response bytes(int status, byte[] jsonBody) {
    Response r = new Response(status, jsonBody);
    r.header("Content-Type", "application/json");
    return r;
  }

  /** 204 with no body. */
  static Response noContent() {
    return new Response(204, new byte[0]);
  }

  /** 200 with an empty JSON object, as Okta answers most lifecycle operations. */
  static Response emptyObject() {
    return json(200, JsonNodeFactory.instance.objectNode());
  }

  /** The Okta error body for {@code e}, with a fresh {@code errorId}. */
  static Response error(ApiException e) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("errorCode", e.errorCode());
    body.put("errorSummary", e.summary());
    body.put("errorLink", e.errorCode());
    body.put("errorId", "oae" + Ids.randomText(19));
    var causes = body.putArray("errorCauses");
    for (String cause : e.causes()) {
      causes.addObject().put("errorSummary", cause);
    }
    return json(e.status(), body);
  }

  /** Adds a header line (several lines for the same name are kept, e.g. two {@code Link}s). */
  Response header(String name, String value) {
    headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    return this;
  }

  int status() {
    return status;
  }

  byte[] body() {
    return body;
  }

  Map<String, List<String>> headers() {
    return headers;
  }
}
