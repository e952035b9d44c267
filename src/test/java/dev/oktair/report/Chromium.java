package dev.oktair.report;

import dev.oktair.events.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Headless Chromium driven over the DevTools protocol (java.net.http WebSocket): loads a page
 * from disk and records every network request the page made, every console message and uncaught
 * exception, then answers JavaScript probes and takes a screenshot. One page per instance.
 */
final class Chromium implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> loaded = new CompletableFuture<>();
  /** URLs of the page's requests, in order. */
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  /** Console messages of level error/warning, uncaught exceptions, and browser log errors. */
  final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private String session;

  /** Returns the Chromium executable, or null when none is installed. */
  static Path executable() {
    for (String candidate : new String[] {System.getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
      if (candidate != null && Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return null;
  }

  private Chromium(Process process, String wsUrl) throws Exception {
    this.process = process;
    this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(wsUrl), new Listener()).get(30, TimeUnit.SECONDS);
  }

  /** Starts Chromium headless with a throwaway profile and everything that calls home turned off. */
  static Chromium start(Path profile) throws Exception {
    Path exe = executable();
    ProcessBuilder pb = new ProcessBuilder(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-dev-shm-usage", "--remote-debugging-port=0", "--remote-allow-origins=*",
        "--user-data-dir=" + profile, "about:blank");
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    // Chromium's singleton socket goes to TMPDIR: keep it beside the profile, removed with the test's directory.
    Path temp = Files.createDirectories(profile.resolveSibling(profile.getFileName() + "-tmp"));
    pb.environment().put("TMPDIR", temp.toString());
    Process p = pb.start();
    BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        for (String line; (line = err.readLine()) != null; ) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            url.complete(m.group(1));
          }
        }
        url.completeExceptionally(new IOException("chromium exited without a DevTools endpoint"));
      } catch (IOException e) {
        url.completeExceptionally(e);
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      return new Chromium(p, url.get(60, TimeUnit.SECONDS));
    } catch (Exception e) {
      p.destroyForcibly();
      throw e;
    }
  }

  /** Opens {@code file} in a new 1280-wide tab and waits for its load event. */
  void load(Path file) throws Exception {
    String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asString();
    session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).get("sessionId").asString();
    for (String domain : List.of("Network", "Runtime", "Log", "Page")) {
      call(session, domain + ".enable", Map.of());
    }
    call(session, "Emulation.setDeviceMetricsOverride",
        Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    call(session, "Page.navigate", Map.of("url", file.toUri().toString()));
    loaded.get(60, TimeUnit.SECONDS);
    Thread.sleep(300); // late console messages of inline scripts
  }

  /** Returns the value of a JavaScript expression in the page (JSON-serialisable values). */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode r = call(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (r.has("exceptionDetails")) {
      throw new AssertionError("probe failed: " + r.get("exceptionDetails"));
    }
    return r.get("result").get("value");
  }

  /** Saves a PNG of the whole page. */
  void screenshot(Path png) throws Exception {
    JsonNode r = call(session, "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.write(png, Base64.getDecoder().decode(r.get("data").asString()));
  }

  private JsonNode call(String sessionId, String method, Map<String, ?> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = Json.MAPPER.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", Json.MAPPER.valueToTree(params));
    if (sessionId != null) {
      msg.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(msg.toString(), true).get(30, TimeUnit.SECONDS);
    JsonNode reply = answer.get(60, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + " failed: " + reply.get("error"));
    }
    return reply.get("result");
  }

  private void onMessage(JsonNode m) {
    if (m.has("id")) {
      CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
      if (f != null) {
        f.complete(m);
      }
      return;
    }
    String method = m.path("method").asString("");
    JsonNode p = m.path("params");
    switch (method) {
      case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asString(""));
      case "Runtime.consoleAPICalled" -> {
        String type = p.path("type").asString("");
        if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
          errors.add("console." + type + ": " + p.path("args"));
        }
      }
      case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails"));
      case "Log.entryAdded" -> {
        String level = p.path("entry").path("level").asString("");
        if (level.equals("error") || level.equals("warning")) {
          errors.add("log." + level + ": " + p.path("entry").path("text").asString(""));
        }
      }
      case "Page.loadEventFired" -> loaded.complete(null);
      default -> { }
    }
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // the browser goes either way
    }
    // Its helpers (renderer, GPU, crash handler) can outlive the main process and still be writing
    // to the profile when the test's directory is deleted: stop and wait for them too.
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    for (ProcessHandle helper : helpers) {
      helper.destroy();
      try {
        helper.onExit().get(5, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        helper.destroyForcibly();
        helper.onExit().get(5, TimeUnit.SECONDS);
      }
    }
  }

  /** Collects text frames into messages. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        onMessage(Json.MAPPER.readTree(text));
      }
      ws.request(1);
      return null;
    }
  }

}
