package dev.oktair.downstream;

import dev.oktair.events.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The one HTTP door of every connector: dry-run enforced here (nothing is sent, not even a token
 * request), no retries (a revocation is not blindly re-sent; the caller re-reads state instead),
 * and errors that carry status and the SP's message but never a request body or header. The
 * project's {@code http} layer replaces this class when it lands. Thread-safe.
 */
final class SpHttp {
  /** Thrown instead of sending when dry-run is on; carries the request that was not sent. */
  static final class DryRun extends RuntimeException {
    DryRun(String request) {
      super(request, null, false, false);
    }
  }

  /**
   * A non-2xx answer or a transport failure.
   */
  static final class Failure extends RuntimeException {
    final int status;

    Failure(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  private final HttpClient client;
  private final boolean dryRun;
  private final Duration timeout;

  SpHttp(boolean dryRun, Duration timeout) {
    this.dryRun = dryRun;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  boolean dryRun() {
    return dryRun;
  }

  /** Throws {@link DryRun} when on; for clients (the AWS SDK) that send through their own stack. */
  void guard(String method, URI uri) {
    if (dryRun) {
      throw new DryRun(method + " " + stripQuery(uri));
    }
  }

  /** Sends and returns the answer of a 2xx, else throws {@link Failure} with the SP's message. */
  Answer send(String method, URI uri, Map<String, String> headers, String contentType, String body) {
    guard(method, uri);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    b.header("Accept", "application/json");
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    HttpResponse<String> r;
    try {
      r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Failure(0, method + " " + stripQuery(uri) + ": " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure(0, method + " " + stripQuery(uri) + ": interrupted");
    }
    String requestId = r.headers().firstValue("X-Request-Id")
        .or(() -> r.headers().firstValue("request-id")).or(() -> r.headers().firstValue("X-GitHub-Request-Id")).orElse(null);
    Answer a = new Answer(r.statusCode(), r.body(), requestId);
    if (r.statusCode() / 100 != 2) {
      throw new Failure(r.statusCode(), "HTTP " + r.statusCode() + " from " + method + " " + uri.getPath() + ": " + a.message());
    }
    return a;
  }

  Answer json(String method, URI uri, String bearer, JsonNode body) {
    return send(method, uri, Map.of("Authorization", "Bearer " + bearer), body == null ? null : "application/json",
        body == null ? null : body.toString());
  }

  Answer form(URI uri, Map<String, String> headers, Map<String, String> form) {
    return send("POST", uri, headers, "application/x-www-form-urlencoded", encode(form));
  }

  static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String stripQuery(URI uri) {
    return uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
  }

  /** A 2xx answer. */
  record Answer(int status, String body, String requestId) {
    JsonNode json() {
      return body == null || body.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
    }

    /** Returns the SP's error words from common shapes, cut short; never the whole body. */
    String message() {
      try {
        JsonNode j = json();
        JsonNode first = j.isArray() && !j.isEmpty() ? j.get(0) : j;
        for (String path : new String[] {"/error/message", "/error_description", "/error", "/message", "/errorCode"}) {
          JsonNode n = first.at(path);
          if (n.isString() && !n.asString().isBlank()) {
            return cut(n.asString());
          }
        }
      } catch (RuntimeException notJson) {
        int code = body == null ? -1 : body.indexOf("<Code>");
        if (code >= 0) {
          return cut(body.substring(code + 6, Math.max(code + 6, body.indexOf("</Code>"))));
        }
      }
      return "(no message)";
    }

    private static String cut(String s) {
      return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
  }
}
