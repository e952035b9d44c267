package dev.oktair.downstream;

import dev.oktair.events.Json;
import dev.oktair.http.Authorizer;
import dev.oktair.http.Call;
import dev.oktair.http.HttpApi;
import dev.oktair.http.HttpApiException;
import dev.oktair.http.HttpException;
import dev.oktair.http.HttpResult;
import dev.oktair.http.Mutation;
import dev.oktair.http.Secret;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The connectors' door to the house's {@code http} layer: one {@link HttpApi} per SP origin, so
 * origin pinning, dry-run (reads only; every change and token request refused before the
 * network), masking of the credentials in error bodies, rate limits and the retries that are safe
 * all come from there. Changes that are not idempotent go out once ({@link HttpApi#sendOnce}) or,
 * where the SP can be read back, through {@link HttpApi#mutate}. This class only turns answers
 * into what connectors read: a dry-run stand-in into {@link DryRun}, a refusal into
 * {@link Failure} with the SP's words. Thread-safe.
 */
final class SpHttp {
  /** Thrown when the http layer did not send a change because it is a dry run; carries what it would send. */
  static final class DryRun extends RuntimeException {
    DryRun(String request) {
      super(request, null, false, false);
    }
  }

  /** A non-2xx answer or a transport failure, with the SP's message (credentials masked). */
  static final class Failure extends RuntimeException {
    final int status;

    Failure(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  private final boolean dryRun;
  private final Duration timeout;
  private final Clock clock;
  private final Map<String, HttpApi> apis = new ConcurrentHashMap<>();

  SpHttp(boolean dryRun, Duration timeout, Clock clock) {
    this.dryRun = dryRun;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Returns true when the http layer refuses every change (the AWS SDK's own stack asks this). */
  boolean dryRun() {
    return dryRun;
  }

  /**
   * For a client with its own HTTP stack (the AWS SDK: every IAM call is a POST): throws
   * {@link DryRun} when the http layer would refuse it, so the same dry-run holds there too.
   */
  void guard(String method, URI uri) {
    if (dryRun && !Call.json(method, "/", null).sendableInDryRun()) {
      throw new DryRun("would send " + method + " " + uri.getRawPath());
    }
  }

  /** Sends; GET, PUT and DELETE with the http layer's safe retries, POST and PATCH exactly once. */
  Answer send(String method, URI uri, Map<String, String> headers, String contentType, String body) {
    Call call = call(method, uri, headers, contentType, body, List.of());
    HttpApi api = api(uri);
    try {
      return answer(call.idempotent() ? api.send(call) : api.sendOnce(call));
    } catch (HttpException e) {
      throw failure(call, e);
    }
  }

  /**
   * Sends a change that is not idempotent; after an ambiguous failure {@code check} reads the SP
   * back and only a "not done" lets the http layer send it again.
   */
  Answer mutate(String method, URI uri, Map<String, String> headers, String contentType, String body,
      Mutation.AlreadyDone check) {
    Call call = call(method, uri, headers, contentType, body, List.of());
    Mutation.Result r = api(uri).mutate(call, check);
    if (r.state() == Mutation.State.UNKNOWN_CHECKED_DONE) {
      return new Answer(0, "", null);
    }
    try {
      return answer(r.orThrow());
    } catch (HttpException e) {
      throw failure(call, e);
    }
  }

  Answer json(String method, URI uri, String bearer, JsonNode body) {
    return send(method, uri, Map.of("Authorization", "Bearer " + bearer), body == null ? null : "application/json",
        body == null ? null : body.toString());
  }

  /** Posts a form once; its values are masked in anything the SP sends back (they may be secrets). */
  Answer form(URI uri, Map<String, String> headers, Map<String, String> form) {
    Call call = call("POST", uri, headers, "application/x-www-form-urlencoded", encode(form), form.values());
    try {
      return answer(api(uri).sendOnce(call));
    } catch (HttpException e) {
      throw failure(call, e);
    }
  }

  private HttpApi api(URI uri) {
    String origin = uri.getScheme() + "://" + uri.getAuthority();
    return apis.computeIfAbsent(origin, o -> HttpApi.builder(URI.create(o)).dryRun(dryRun).clock(clock)
        .timeouts(timeout, timeout).build());
  }

  private static Call call(String method, URI uri, Map<String, String> headers, String contentType, String body,
      Collection<String> moreSecrets) {
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    return new Call(method, path, bytes, bytes == null ? null : contentType, false, null)
        .with(new HeaderAuth(headers, moreSecrets));
  }

  private static Answer answer(HttpResult r) {
    if (r.isDryRun()) {
      throw new DryRun(r.dryRunNote());
    }
    String id = r.header("X-Request-Id");
    for (String h : List.of("request-id", "X-GitHub-Request-Id", "x-amzn-RequestId")) {
      id = id != null ? id : r.header(h);
    }
    return new Answer(r.status(), r.text(), id);
  }

  private static Failure failure(Call call, HttpException e) {
    if (e instanceof HttpApiException a) {
      String path = a.path().contains("?") ? a.path().substring(0, a.path().indexOf('?')) : a.path();
      return new Failure(a.status(), "HTTP " + a.status() + " from " + call.method() + " " + path + ": "
          + new Answer(a.status(), a.body(), a.requestId()).message());
    }
    return new Failure(0, call.method() + " " + call.pathOrUrl().replaceAll("\\?.*", "") + ": " + e.getMessage());
  }

  static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The SP's own headers (its credential among them) on one call, each value masked in error bodies. */
  private static final class HeaderAuth implements Authorizer {
    private final Map<String, String> headers;
    private final List<Secret> secrets = new ArrayList<>();

    HeaderAuth(Map<String, String> headers, Collection<String> moreSecrets) {
      this.headers = Map.copyOf(headers);
      // short values (ids, flags) are not credentials, and masking them would garble the SP's words
      headers.values().stream().map(v -> v.startsWith("Bearer ") ? v.substring(7) : v)
          .filter(v -> v.length() >= 8).forEach(v -> secrets.add(Secret.of(v)));
      moreSecrets.stream().filter(v -> v.length() >= 8).forEach(v -> secrets.add(Secret.of(v)));
    }

    @Override
    public void authorize(HttpRequest.Builder request, String method, URI uri) {
      headers.forEach(request::setHeader);
    }

    @Override
    public Collection<Secret> secrets() {
      return secrets;
    }
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
