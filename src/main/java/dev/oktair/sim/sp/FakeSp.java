package dev.oktair.sim.sp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import dev.oktair.events.Json;

/**
 * One fake SP on its own loopback port (the JDK server is enough: SP clients do not read
 * {@code Date}): journals every request, applies the configured fault, checks the bearer token
 * it issued, and hands the rest to {@link #serve}. State changes run under the fake's lock.
 */
abstract class FakeSp implements AutoCloseable {
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One request as a fake sees it. */
  record Req(String method, String path, String query, Map<String, String> params, Map<String, String> form,
      byte[] body, String authorization) {
    String param(String name) {
      return params.get(name);
    }

    JsonNode json() {
      return body.length == 0 ? F.objectNode() : Json.MAPPER.readTree(body);
    }

    String bearer() {
      return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }
  }

  /** One answer. */
  record Res(int status, String contentType, byte[] body) {
    static Res json(int status, JsonNode body) {
      return new Res(status, "application/json", Json.MAPPER.writeValueAsBytes(body));
    }

    static Res ok(JsonNode body) {
      return json(200, body);
    }

    static Res noContent() {
      return new Res(204, null, new byte[0]);
    }

    static Res xml(int status, String body) {
      return new Res(status, "text/xml", body.getBytes(StandardCharsets.UTF_8));
    }
  }

  final String service;
  final Clock clock;
  private final SpJournal journal;
  private final HttpServer server;
  private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
  private volatile SpFault fault = SpFault.NONE;
  private volatile Runnable ready = () -> { };

  FakeSp(String service, Clock clock, SpJournal journal) {
    this.service = service;
    this.clock = clock;
    this.journal = journal;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the " + service + " fake: " + e.getMessage(), e);
    }
    server.createContext("/", this::exchange);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "sp-fake-" + service);
      t.setDaemon(true);
      return t;
    }));
  }

  void start() {
    server.start();
  }

  /** Makes every request wait for {@code seeded} (which returns once the fake's users are filled in) before it is served. */
  void awaiting(Runnable seeded) {
    this.ready = seeded;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void fault(SpFault f) {
    this.fault = f;
  }

  /**
   * Returns whether the SP's revocation of {@code u}'s sign-in sessions has taken effect, read from
   * the fake's own state: by default, no session is left. Call under the fake's lock.
   */
  boolean sessionsRevoked(SpUser u) {
    return u.sessions.isEmpty();
  }

  /** Answers an API call that passed fault injection; the bearer check is the subclass's. */
  abstract Res serve(Req r);

  /** Returns true for the token endpoint, which only UNAUTHORIZED faults. */
  abstract boolean isTokenRequest(Req r);

  /** Returns the SP's error answer for {@code status} ({@code code} is the SP's error word). */
  abstract Res error(int status, String code, String message);

  /** Returns a fresh access token the fake will accept. */
  String issueToken(String prefix) {
    byte[] b = new byte[18];
    RANDOM.nextBytes(b);
    String t = prefix + HexFormat.of().formatHex(b);
    issuedTokens.add(t);
    return t;
  }

  boolean accepted(String token) {
    return token != null && issuedTokens.contains(token);
  }

  String now() {
    return clock.instant().toString();
  }

  private void exchange(HttpExchange x) throws IOException {
    ready.run();
    Instant arrived = clock.instant();
    String requestId = "sp" + HexFormat.of().formatHex(randomBytes(8));
    Res res;
    Req r = null;
    try {
      byte[] body = x.getRequestBody().readAllBytes();
      String query = x.getRequestURI().getRawQuery();
      String contentType = x.getRequestHeaders().getFirst("Content-Type");
      Map<String, String> form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
          ? decode(new String(body, StandardCharsets.UTF_8)) : Map.of();
      r = new Req(x.getRequestMethod(), x.getRequestURI().getPath(), query, decode(query), form, body,
          x.getRequestHeaders().getFirst("Authorization"));
      res = answer(r);
    } catch (RuntimeException e) {
      res = error(500, "internal", "fake " + service + " failed: " + e.getClass().getSimpleName());
    }
    journal.record(new SpJournal.Entry(arrived, x.getRequestMethod(), x.getRequestURI().getPath(),
        x.getRequestURI().getRawQuery(), res.status(), requestId, service));
    x.getResponseHeaders().add("X-Request-Id", requestId);
    if (res.contentType() != null) {
      x.getResponseHeaders().add("Content-Type", res.contentType());
    }
    x.sendResponseHeaders(res.status(), res.status() == 204 ? -1 : res.body().length);
    if (res.status() != 204) {
      x.getResponseBody().write(res.body());
    }
    x.close();
  }

  private Res answer(Req r) {
    SpFault f = fault;
    boolean token = isTokenRequest(r);
    if (f == SpFault.UNAUTHORIZED) {
      return error(401, token ? "invalid_client" : "unauthorized", "the client credentials were rejected");
    }
    if (!token && f == SpFault.SERVER_ERROR) {
      return error(500, "internal_error", "the service is unavailable");
    }
    if (!token && f == SpFault.REFUSED) {
      return error(403, "not_an_admin", "the caller may not do this");
    }
    synchronized (this) {
      return serve(r);
    }
  }

  static Map<String, String> decode(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(k, v);
    }
    return out;
  }

  static ObjectNode object() {
    return F.objectNode();
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
