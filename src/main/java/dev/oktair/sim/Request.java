package dev.oktair.sim;

import com.sun.net.httpserver.HttpExchange;
import dev.oktair.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** One request as routes see it: method, path, parameters, body, and who sent it. */
final class Request {
  private final HttpExchange exchange;
  private final String requestId;
  private final String baseUrl;
  private final Map<String, List<String>> query;
  private Map<String, String> pathParams = Map.of();
  private Principal principal;
  private byte[] body;

  Request(HttpExchange exchange, String requestId, String baseUrl) {
    this.exchange = exchange;
    this.requestId = requestId;
    this.baseUrl = baseUrl;
    this.query = parseForm(exchange.getRequestURI().getRawQuery());
  }

  String method() {
    return exchange.getRequestMethod().toUpperCase(Locale.ROOT);
  }

  String rawPath() {
    return exchange.getRequestURI().getRawPath();
  }

  String rawQuery() {
    return exchange.getRequestURI().getRawQuery();
  }

  /** Returns the absolute URL as received, query included (the {@code self} link). */
  String url() {
    String q = rawQuery();
    return baseUrl + rawPath() + (q == null ? "" : "?" + q);
  }

  /** Returns the absolute URL without its query (what a DPoP proof's {@code htu} names). */
  String urlWithoutQuery() {
    return baseUrl + rawPath();
  }

  String baseUrl() {
    return baseUrl;
  }

  String requestId() {
    return requestId;
  }

  /** Returns the first value of query parameter {@code name}, or null. */
  String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Returns a boolean query parameter, {@code fallback} when absent. */
  boolean queryFlag(String name, boolean fallback) {
    String v = query(name);
    if (v == null) {
      return fallback;
    }
    if ("true".equalsIgnoreCase(v) || "false".equalsIgnoreCase(v)) {
      return Boolean.parseBoolean(v);
    }
    throw ApiException.validation(name, name + ": '" + v + "' is not a boolean");
  }

  /** Returns an integer query parameter bounded to {@code [min, max]}, {@code fallback} when absent. */
  int queryInt(String name, int fallback, int min, int max) {
    String v = query(name);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < min || n > max) {
        throw ApiException.validation(name, name + ": must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.validation(name, name + ": '" + v + "' is not an integer");
    }
  }

  /** Returns the decoded value of template variable {@code name} (e.g. {@code id}). */
  String param(String name) {
    return pathParams.get(name);
  }

  void pathParams(Map<String, String> params) {
    this.pathParams = Map.copyOf(params);
  }

  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  List<String> headers(String name) {
    List<String> v = exchange.getRequestHeaders().get(name);
    return v == null ? List.of() : v;
  }

  String remoteAddress() {
    return exchange.getRemoteAddress().getAddress().getHostAddress();
  }

  Principal principal() {
    return principal;
  }

  void principal(Principal p) {
    this.principal = p;
  }

  /** Returns the body bytes (read once). */
  byte[] body() {
    if (body == null) {
      try {
        body = exchange.getRequestBody().readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return body;
  }

  /** Returns the body as JSON; an empty object when there is no body; 400 when not JSON. */
  JsonNode jsonBody() {
    byte[] b = body();
    if (b.length == 0) {
      return JsonNodeFactory.instance.objectNode();
    }
    try {
      return Json.MAPPER.readTree(b);
    } catch (JacksonException e) {
      throw ApiException.validation("request body", "The request body was not well-formed.");
    }
  }

  /** Returns the body as an {@code application/x-www-form-urlencoded} form. */
  Map<String, List<String>> form() {
    return parseForm(new String(body(), StandardCharsets.UTF_8));
  }

  /** Parses {@code a=1&b=x%20y} into decoded name to values, in order. */
  static Map<String, List<String>> parseForm(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  /** Decodes one query or form component ({@code +} is a space). */
  static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.validation("request", "Malformed URL encoding: " + s);
    }
  }

  /** Decodes one path segment ({@code +} stays a plus). */
  static String decodePathSegment(String s) {
    return decode(s.replace("+", "%2B"));
  }
}
