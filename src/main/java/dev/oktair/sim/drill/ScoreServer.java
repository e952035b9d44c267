package dev.oktair.sim.drill;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * The scoring endpoint: {@code GET /drill/score} on its own loopback port, apart from the
 * simulated Okta API, answering only a request carrying {@code Authorization: Drill <secret>}
 * (compared in constant time). Thread-safe; close it to stop.
 */
final class ScoreServer implements AutoCloseable {
  static final String PATH = "/drill/score";

  private final HttpServer server;
  private final byte[] secret;

  ScoreServer(String secret, Supplier<Scorecard> scorer) {
    this.secret = ("Drill " + secret).getBytes(StandardCharsets.UTF_8);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the drill's scoring port: " + e.getMessage(), e);
    }
    server.createContext(PATH, exchange -> answer(exchange, scorer));
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  private void answer(HttpExchange exchange, Supplier<Scorecard> scorer) throws IOException {
    try (exchange) {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      boolean allowed = auth != null && MessageDigest.isEqual(secret, auth.getBytes(StandardCharsets.UTF_8));
      if (!allowed) {
        send(exchange, 401, "{\"error\":\"this endpoint needs the drill's secret (Authorization: Drill ...)\"}");
      } else if (!"GET".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
        send(exchange, 404, "{\"error\":\"only GET " + PATH + "\"}");
      } else {
        send(exchange, 200, scorer.get().toJson());
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
