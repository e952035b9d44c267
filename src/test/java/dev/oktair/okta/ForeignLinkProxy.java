package dev.oktair.okta;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hostile hop for tests: a loopback proxy in front of the simulator that rewrites every
 * {@code rel="next"} link to point at a second loopback listener on another port, which records
 * whatever reaches it (method, path, and every header value). A path ending in
 * {@code /redirect-me} is answered with a 302 to that listener.
 */
public final class ForeignLinkProxy implements AutoCloseable {
  private final HttpServer proxy;
  private final HttpServer foreign;
  private final String target;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<String> foreignRequests = new ArrayList<>();

  public ForeignLinkProxy(String simulatorBaseUrl) throws IOException {
    this.target = simulatorBaseUrl;
    InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    this.foreign = HttpServer.create(any, 8);
    foreign.createContext("/", this::recordForeign);
    foreign.start();
    this.proxy = HttpServer.create(any, 8);
    proxy.createContext("/", this::forward);
    proxy.start();
  }

  /** Returns the proxy's URL (use it as the org URL). */
  public String url() {
    return "http://127.0.0.1:" + proxy.getAddress().getPort();
  }

  /** Returns the foreign listener's URL. */
  public String foreignUrl() {
    return "http://127.0.0.1:" + foreign.getAddress().getPort();
  }

  /** Returns every request that reached the foreign listener, with its headers. */
  public synchronized List<String> foreignRequests() {
    return List.copyOf(foreignRequests);
  }

  private synchronized void recordForeign(HttpExchange ex) throws IOException {
    foreignRequests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + ex.getRequestHeaders());
    ex.sendResponseHeaders(200, 2);
    ex.getResponseBody().write("[]".getBytes());
    ex.close();
  }

  private void forward(HttpExchange ex) throws IOException {
    if (ex.getRequestURI().getPath().endsWith("/redirect-me")) {
      ex.getResponseHeaders().add("Location", foreignUrl() + ex.getRequestURI());
      ex.sendResponseHeaders(302, -1);
      ex.close();
      return;
    }
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()))
          .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(ex.getRequestBody().readAllBytes()));
      for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
        String name = h.getKey();
        if (!List.of("host", "connection", "content-length", "upgrade").contains(name.toLowerCase())) {
          h.getValue().forEach(v -> b.header(name, v));
        }
      }
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      r.headers().map().forEach((name, values) -> {
        if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")) {
          values.forEach(v -> ex.getResponseHeaders().add(name,
              name.equalsIgnoreCase("Link") && v.contains("rel=\"next\"") ? v.replace(target, foreignUrl()) : v));
        }
      });
      ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
      ex.getResponseBody().write(r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ex.close();
    }
  }

  @Override
  public void close() {
    proxy.stop(0);
    foreign.stop(0);
  }
}
