package dev.oktair.forward;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.oktair.events.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Splunk HEC and an Elastic {@code _bulk} endpoint on loopback, port 0, that store each event
 * once by its idempotency key (HEC {@code fields.okta_uuid}, Elastic {@code _id}) and fail now and
 * then: every {@code refuseEvery}th request answers 503 before storing anything, every
 * {@code loseEvery}th stores the events and then answers 503 (the answer "lost"), and in
 * {@code _bulk} every {@code itemEvery}th new item answers 429 for that item only.
 */
public final class FakeSink implements AutoCloseable {
  /** The token the fake expects. */
  public static final String TOKEN = "fake-sink-token-0123456789";

  private final HttpServer server;
  private final int refuseEvery;
  private final int loseEvery;
  private final int itemEvery;
  private final long latencyMillis;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger items = new AtomicInteger();
  private final Map<String, Integer> wire = new HashMap<>();
  private final Map<String, String> stored = new HashMap<>();

  private FakeSink(int refuseEvery, int loseEvery, int itemEvery, long latencyMillis) throws IOException {
    this.refuseEvery = refuseEvery;
    this.loseEvery = loseEvery;
    this.itemEvery = itemEvery;
    this.latencyMillis = latencyMillis;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/services/collector/event", this::hec);
    server.createContext("/okta/_bulk", this::bulk);
    server.start();
  }

  /** Starts a fake that fails as described (0 = never). */
  public static FakeSink start(int refuseEvery, int loseEvery, int itemEvery, long latencyMillis) throws IOException {
    return new FakeSink(refuseEvery, loseEvery, itemEvery, latencyMillis);
  }

  /** Returns the HEC endpoint. */
  public URI hecUrl() {
    return URI.create(base() + "/services/collector/event");
  }

  /** Returns the {@code _bulk} endpoint of index {@code okta}. */
  public URI bulkUrl() {
    return URI.create(base() + "/okta/_bulk");
  }

  /** Returns uuid to raw event of each event stored, once per key. */
  public synchronized Map<String, String> stored() {
    return Map.copyOf(stored);
  }

  /** Returns how many times each key arrived on the wire (stored or deduplicated). */
  public synchronized Map<String, Integer> wire() {
    return Map.copyOf(wire);
  }

  /** Returns how many requests came in. */
  public int requests() {
    return requests.get();
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void hec(HttpExchange x) throws IOException {
    String[] lines = admit(x, "Splunk ");
    if (lines == null) {
      return;
    }
    for (String line : lines) {
      JsonNode e = Json.MAPPER.readTree(line);
      String id = e.path("fields").path("okta_uuid").asString();
      if (!id.equals(e.path("event").path("uuid").asString())) {
        answer(x, 400, "{\"text\":\"okta_uuid is not the event's uuid\",\"code\":6}");
        return;
      }
      keep(id, e.get("event").toString());
    }
    answer(x, lost() ? 503 : 200, "{\"text\":\"Success\",\"code\":0}");
  }

  private void bulk(HttpExchange x) throws IOException {
    String[] lines = admit(x, "ApiKey ");
    if (lines == null) {
      return;
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode answers = out.putArray("items");
    boolean errors = false;
    for (int i = 0; i + 1 < lines.length; i += 2) {
      String id = Json.MAPPER.readTree(lines[i]).path("create").path("_id").asString();
      int status;
      synchronized (this) {
        if (stored.containsKey(id)) {
          status = 409;
        } else if (itemEvery > 0 && items.incrementAndGet() % itemEvery == 0) {
          status = 429;
        } else {
          status = 201;
        }
      }
      if (status != 429) {
        keep(id, lines[i + 1]);
      }
      errors |= status != 201;
      ObjectNode item = answers.addObject().putObject("create");
      item.put("_id", id).put("status", status);
      if (status != 201) {
        item.putObject("error").put("type", status == 409 ? "version_conflict_engine_exception" : "es_rejected_execution_exception");
      }
    }
    out.put("errors", errors);
    answer(x, lost() ? 503 : 200, out.toString());
  }

  /** Returns the body's lines, or null after answering 401 or a refusing 503. */
  private String[] admit(HttpExchange x, String scheme) throws IOException {
    byte[] body = x.getRequestBody().readAllBytes();
    int n = requests.incrementAndGet();
    sleep();
    if (!(scheme + TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
      answer(x, 401, "{\"text\":\"Invalid token\",\"code\":4}");
      return null;
    }
    if (refuseEvery > 0 && n % refuseEvery == 0) {
      answer(x, 503, "{\"text\":\"Server is busy\",\"code\":9}");
      return null;
    }
    return new String(body, StandardCharsets.UTF_8).split("\n");
  }

  private boolean lost() {
    return loseEvery > 0 && requests.get() % loseEvery == 0;
  }

  private synchronized void keep(String id, String raw) {
    wire.merge(id, 1, Integer::sum);
    stored.putIfAbsent(id, raw);
  }

  private void sleep() {
    if (latencyMillis > 0) {
      try {
        Thread.sleep(latencyMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void answer(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  /** Returns the ids that arrived more than once. */
  public synchronized List<String> repeated() {
    List<String> out = new ArrayList<>();
    wire.forEach((k, v) -> {
      if (v > 1) {
        out.add(k);
      }
    });
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
