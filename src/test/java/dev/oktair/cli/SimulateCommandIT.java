package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import dev.oktair.okta.LogQuery;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaConfig;
import dev.oktair.sim.scenario.Scenarios;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code okta-ir simulate} is usable by hand: the printed URL and token list logs and users. */
class SimulateCommandIT {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void servesTheScenarioWithThePrintedCredentialsUntilStopped(@TempDir Path home) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context ctx = new Context(new PrintWriter(out, true), new PrintWriter(err, true), CLOCK, Map.of(), home, false);
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving = new Thread(() -> exit.set(Cli.run(ctx, "simulate", "--port", "0", "--seed", "7",
        "--key-dir", home.resolve("keys").toString(), "--journal", home.resolve("requests.jsonl").toString())));
    serving.start();
    long deadline = System.currentTimeMillis() + 60_000;
    while (!err.toString().contains("press Ctrl-C") && System.currentTimeMillis() < deadline && serving.isAlive()) {
      Thread.sleep(20);
    }
    String printed = out.toString();
    String baseUrl = group(printed, "org URL\\s+(\\S+)");
    String token = group(printed, "API token\\s+SSWS (\\S+)");
    assertThat(printed).contains("curl -H \"Authorization: SSWS " + token + "\" \"" + baseUrl + "/api/v1/logs?limit=5\"");
    assertThat(Path.of(group(printed, "private key\\s+(\\S+)"))).exists();
    assertThat(group(printed, "OAuth client\\s+(\\S+)")).startsWith("0oa");

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> logs = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/logs?limit=5"))
        .header("Authorization", "SSWS " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(logs.statusCode()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(logs.body()).size()).isEqualTo(5);
    HttpResponse<String> users = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/users"))
        .header("Authorization", "SSWS " + token).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode list = Json.MAPPER.readTree(users.body());
    assertThat(list.size()).isGreaterThan(10);
    String victim = "alex%40contoso.com";
    HttpResponse<String> alex = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/users/" + victim))
        .header("Authorization", "SSWS " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(alex.statusCode()).isEqualTo(200);

    serving.interrupt();
    serving.join(10_000);
    assertThat(serving.isAlive()).isFalse();
    assertThat(exit.get()).isZero();
    assertThat(err.toString()).contains("simulator stopped");

    var lines = Files.readAllLines(home.resolve("requests.jsonl"));
    assertThat(lines).hasSize(3);
    JsonNode first = Json.MAPPER.readTree(lines.get(0));
    assertThat(first.path("method").asString()).isEqualTo("GET");
    assertThat(first.path("path").asString()).isEqualTo("/api/v1/logs");
    assertThat(first.path("query").asString()).isEqualTo("limit=5");
    assertThat(first.path("status").asInt()).isEqualTo(200);
    assertThat(first.path("service").asString()).isEqualTo("okta");
    assertThat(first.path("requestId").asString()).isEqualTo(logs.headers().firstValue("X-Okta-Request-Id").orElseThrow());
    assertThat(first.path("time").asString()).isEqualTo("2026-03-01T12:00:00.000Z");
    assertThat(Json.MAPPER.readTree(lines.get(2)).path("path").asString()).isEqualTo("/api/v1/users/alex@contoso.com");
    assertThat(String.join("\n", lines)).doesNotContain(token);
  }

  /**
   * Issue 16: the history is built on a thread of its own while the keys are made and the settings
   * printed; a request sent the moment they are printed waits for it and sees all of it, never part.
   */
  @Test
  void aRequestSentAsSoonAsTheSettingsArePrintedSeesTheWholeHistory(@TempDir Path home) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context ctx = new Context(new PrintWriter(out, true), new PrintWriter(err, true), CLOCK, Map.of(), home, false);
    Thread serving = new Thread(() -> Cli.run(ctx, "simulate", "--port", "0", "--seed", "5"));
    serving.start();
    try {
      Pattern export = Pattern.compile("export OKTA_CLIENT_ORGURL=(\\S+) OKTA_CLIENT_TOKEN=(\\S+)");
      long deadline = System.currentTimeMillis() + 60_000;
      Matcher m = export.matcher(out.toString());
      boolean printed;
      while (!(printed = m.find()) && System.currentTimeMillis() < deadline && serving.isAlive()) {
        Thread.sleep(5);
        m = export.matcher(out.toString());
      }
      assertThat(printed).as("the export line, in:\n" + out).isTrue();
      String baseUrl = m.group(1);
      String token = m.group(2);
      HttpClient http = HttpClient.newHttpClient();
      Instant anchor = CLOCK.instant();
      String next = baseUrl + "/api/v1/logs?since=" + anchor.minus(Duration.ofDays(100)) + "&until="
          + anchor.plusSeconds(1) + "&limit=1000";
      Set<String> served = new HashSet<>();
      int count = 0;
      while (next != null) {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(next)).header("Authorization", "SSWS " + token)
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        for (JsonNode e : Json.MAPPER.readTree(page.body())) {
          served.add(e.path("uuid").asString());
          count++;
        }
        next = page.headers().allValues("Link").stream().filter(l -> l.contains("rel=\"next\""))
            .map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>'))).findFirst().orElse(null);
      }
      List<LogEvent> history = Scenarios.load(Scenarios.DEFAULT, 5, anchor).events();
      assertThat(history).hasSizeGreaterThan(10_000);
      assertThat(count).isEqualTo(history.size());
      assertThat(served).isEqualTo(history.stream().map(LogEvent::uuid).collect(Collectors.toSet()));
      // the printed key (a fresh one: EC P-256) signs okta-ir's own private_key_jwt (ES256)
      String clientId = group(out.toString(), "OAuth client\\s+(\\S+)");
      String pem = Files.readString(Path.of(group(out.toString(), "private key\\s+(\\S+)")));
      OktaClient oauth = OktaClient.builder(OktaConfig.privateKey(baseUrl, clientId, List.of("okta.logs.read"), pem))
          .clock(CLOCK).build();
      assertThat(oauth.logPage(oauth.logsUrl(new LogQuery(anchor.minus(Duration.ofDays(1)), anchor, null, null, 3))).events())
          .hasSize(3);
    } finally {
      serving.interrupt();
      serving.join(10_000);
    }
    assertThat(serving.isAlive()).isFalse();
  }

  @Test
  void badFaultSpecIsAUsageError(@TempDir Path home) {
    StringWriter err = new StringWriter();
    Context ctx = new Context(new PrintWriter(new StringWriter()), new PrintWriter(err, true), CLOCK, Map.of(), home, false);
    assertThat(Cli.run(ctx, "simulate", "--faults", "429=2")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("429=2");
    assertThat(Cli.run(ctx, "simulate", "--scenario", "nope")).isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void generateWritesEventsAndReportsTheRate(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    Context ctx = new Context(new PrintWriter(out, true), new PrintWriter(new StringWriter()), CLOCK, Map.of(), dir, false);
    Path file = dir.resolve("events.jsonl");
    assertThat(Cli.run(ctx, "simulate", "--generate", "1000", "--out", file.toString(), "--seed", "3")).isZero();
    assertThat(Files.readAllLines(file)).hasSize(1000);
    assertThat(out.toString()).containsPattern("wrote 1000 events to .* events/s\\)");
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("'" + regex + "' in:\n" + text).isTrue();
    return m.group(1);
  }
}
