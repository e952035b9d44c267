package dev.oktair.sim.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.sim.RateLimits;
import dev.oktair.sim.SimulatorOptions;
import dev.oktair.sim.scenario.Rehearsal;
import dev.oktair.sim.scenario.Scenarios;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The ground truth is sealed: a walk of every GET route the simulator serves (each collection, each
 * object, each per-user and per-app sub-collection, every {@code _links} href and paging link, the
 * whole System Log) finds no drill secret, no scoring address and no answer-key marker; the
 * simulator has no scoring route; the scoring endpoint answers only the drill's own secret.
 */
class DrillSealTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
  private static final List<String> MARKERS = List.of("rogue", "foothold", "groundtruth", "ground_truth",
      "othervictim", "/drill/", "scorecard");

  @Test
  void noRouteOfTheSimulatorReadsTheGroundTruth() throws Exception {
    for (String name : Scenarios.names()) {
      Rehearsal r = Scenarios.rehearse(name, 21, NOW);
      SimulatorOptions options = SimulatorOptions.builder().port(0).seed(r.seed()).clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .randomSeed(21).rateLimits(RateLimits.all(1_000_000)).build();
      try (Drill drill = Drill.start(r, options)) {
        String scoreHost = drill.scoreUrl().getHost() + ":" + drill.scoreUrl().getPort();
        Walk walk = new Walk(drill);
        walk.seed(r);
        walk.run();
        assertThat(walk.visited).as(name).hasSizeGreaterThan(100);
        for (String body : walk.bodies) {
          String lower = body.toLowerCase(Locale.ROOT);
          assertThat(body).doesNotContain(drill.secret()).doesNotContain(scoreHost);
          for (String marker : MARKERS) {
            assertThat(lower).as("%s: marker %s", name, marker).doesNotContain(marker);
          }
        }
        assertThat(walk.get(drill.simulator().baseUrl() + "/drill/score").statusCode()).isEqualTo(404);
      }
    }
  }

  @Test
  void theScoringEndpointAnswersOnlyTheDrillSecret() throws Exception {
    Rehearsal r = Scenarios.rehearse("contoso-aitm", 3, NOW);
    try (Drill drill = Drill.start(r, 0, Clock.fixed(NOW, ZoneOffset.UTC))) {
      assertThat(drill.scoreUrl().getHost()).isEqualTo("127.0.0.1");
      assertThat(drill.secret()).isNotEqualTo(drill.simulator().apiToken()).hasSizeGreaterThanOrEqualTo(40);
      assertThat(status(drill.scoreUrl(), null)).isEqualTo(401);
      assertThat(status(drill.scoreUrl(), "SSWS " + drill.simulator().apiToken())).isEqualTo(401);
      assertThat(status(drill.scoreUrl(), "Drill " + drill.simulator().apiToken())).isEqualTo(401);
      assertThat(status(drill.scoreUrl(), "Drill " + drill.secret() + "x")).isEqualTo(401);
      assertThat(status(drill.scoreUrl(), "Drill " + drill.secret())).isEqualTo(200);
      HttpRequest post = HttpRequest.newBuilder(drill.scoreUrl()).header("Authorization", "Drill " + drill.secret())
          .POST(HttpRequest.BodyPublishers.noBody()).build();
      assertThat(HTTP.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }
  }

  private static int status(URI url, String auth) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(url);
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** A breadth-first walk of the simulator's GET API from its collections and per-object routes. */
  private static final class Walk {
    final Drill drill;
    final String base;
    final Deque<String> queue = new ArrayDeque<>();
    final Set<String> visited = new HashSet<>();
    final List<String> bodies = new java.util.ArrayList<>();

    Walk(Drill drill) {
      this.drill = drill;
      this.base = drill.simulator().baseUrl();
    }

    void seed(Rehearsal r) {
      for (String path : List.of("/api/v1/users?limit=200", "/api/v1/apps", "/api/v1/api-tokens", "/api/v1/policies",
          "/api/v1/policies?type=OKTA_SIGN_ON", "/api/v1/policies?type=ACCESS_POLICY", "/api/v1/threats/configuration",
          "/api/v1/groups", "/api/v1/idps", "/api/v1/zones",
          "/api/v1/logs?limit=1000&since=" + NOW.minus(java.time.Duration.ofDays(91)))) {
        queue.add(base + path);
      }
      for (JsonNode u : r.seed().users()) {
        String id = u.path("id").asString();
        for (String sub : List.of("", "/factors", "/roles", "/grants", "/clients", "/groups", "/appLinks")) {
          queue.add(base + "/api/v1/users/" + id + sub);
        }
      }
      for (JsonNode a : r.seed().apps()) {
        queue.add(base + "/api/v1/apps/" + a.path("id").asString() + "/users");
      }
    }

    void run() throws Exception {
      while (!queue.isEmpty() && visited.size() < 6000) {
        String url = queue.poll();
        if (!visited.add(url)) {
          continue;
        }
        HttpResponse<String> response = get(url);
        bodies.add(response.body());
        response.headers().allValues("Link").forEach(l -> {
          Matcher m = NEXT.matcher(l);
          if (m.find() && !response.body().equals("[]")) {
            queue.add(m.group(1));
          }
        });
        if (response.statusCode() == 200 && !response.body().isEmpty()) {
          collect(Json.MAPPER.readTree(response.body()), url);
        }
      }
    }

    private void collect(JsonNode node, String from) {
      if (node.isString()) {
        String text = node.asString();
        if (text.startsWith(base + "/api/") && !text.contains("/lifecycle/")) {
          queue.add(text);
        }
      } else if (node.isContainer()) {
        node.forEach(child -> collect(child, from));
        if (from.endsWith("/clients") && node.isObject() && node.has("client_id")) {
          queue.add(from + "/" + node.get("client_id").asString() + "/tokens");
          queue.add(from + "/" + node.get("client_id").asString() + "/grants");
        }
        if (node.isObject() && node.has("id") && from.contains("/api/v1/policies") && !from.contains("/rules")) {
          queue.add(base + "/api/v1/policies/" + node.get("id").asString() + "/rules");
        }
      }
    }

    HttpResponse<String> get(String url) throws Exception {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url))
          .header("Authorization", "SSWS " + drill.simulator().apiToken()).header("Accept", "application/json").build();
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
