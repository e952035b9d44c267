package dev.oktair.sim;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Benchmark (not a test): pages a 100k-event tenant through the simulator over loopback with
 * java.net.http (bounded query, limit=1000) and prints events/s against the 20k events/s target.
 * Run: {@code mvn -q -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.oktair.sim.SimPagingBench [-Dbench.events=100000]}.
 */
public final class SimPagingBench {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
  private static final double TARGET = 20_000;

  private SimPagingBench() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("bench.events", 100_000);
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    List<LogEvent> events = realistic(n, now.minus(Duration.ofDays(30)), now);
    long bytes = events.stream().mapToLong(LogEvent::rawLength).sum();
    try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().seed(TestTenant.seed(events))
        .clock(SimClock.at(now)).rateLimits(RateLimits.defaults().withLogs(1_000_000)).build())) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String first = sim.baseUrl() + "/api/v1/logs?since=" + now.minus(Duration.ofDays(31)) + "&until=" + now + "&limit=1000";
      page(http, sim, first, 20); // warm-up: 20 pages
      long start = System.nanoTime();
      long[] result = page(http, sim, first, Integer.MAX_VALUE);
      double seconds = (System.nanoTime() - start) / 1e9;
      double rate = result[0] / seconds;
      System.out.printf("paged %,d events (%,d pages, %.1f MB) in %.2f s: %,.0f events/s, %.1f MB/s; %.1fx the %,.0f events/s target%n",
          result[0], result[1], bytes / 1e6, seconds, rate, bytes / 1e6 / seconds, rate / TARGET, TARGET);
      if (result[0] != n) {
        throw new IllegalStateException("expected " + n + " events, paged " + result[0]);
      }
    }
  }

  /** Follows next links from {@code url} for at most {@code maxPages}; returns {events, pages}. */
  private static long[] page(HttpClient http, OktaSimulator sim, String url, int maxPages) throws Exception {
    long count = 0;
    long pages = 0;
    String next = url;
    while (next != null && pages < maxPages) {
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(next))
          .header("Authorization", "SSWS " + sim.apiToken()).header("Accept", "application/json").build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("status " + r.statusCode());
      }
      count += countObjects(r.body());
      pages++;
      next = null;
      for (String link : r.headers().allValues("Link")) {
        Matcher m = NEXT.matcher(link);
        if (m.find()) {
          next = m.group(1);
        }
      }
    }
    return new long[] {count, pages};
  }

  private static int countObjects(byte[] body) {
    int n = 0;
    try (JsonParser p = Json.MAPPER.createParser(body)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.START_OBJECT) {
        p.skipChildren();
        n++;
      }
    }
    return n;
  }

  /** Sign-in shaped events with every top-level key, a device, targets and debug data (~1.5 KB each). */
  private static List<LogEvent> realistic(int n, Instant from, Instant to) {
    List<LogEvent> out = new ArrayList<>(n);
    long span = Duration.between(from, to).toMillis();
    SimEvent.Place seattle = new SimEvent.Place("Seattle", "Washington", "United States", "98101", 47.6062, -122.3321);
    for (int i = 0; i < n; i++) {
      String user = String.format("00u%017d", i % 5000);
      out.add(SimEvent.of(String.format("%08x-59c5-11ef-8478-%012x", i, i), from.plusMillis(span * i / n), "user.session.start")
          .displayMessage("User login to Okta").legacyEventType("core.user_auth.login_success")
          .actor(user, "User", "user" + (i % 5000) + "@contoso.com", "User " + (i % 5000))
          .client("198.51.100." + (i % 250), "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
              "Mac OS X", "CHROME", "Computer", seattle)
          .device("guo" + (i % 5000), "MacBookPro18,3", "OSX", "14.5.0", true)
          .session("idx" + i, "idx" + i).credentialType("PASSWORD")
          .network(7922L, "comcast cable communications llc", "comcast cable communications llc", "comcast.net", false)
          .transaction("WEB", "tx" + i)
          .debug("requestUri", "/idp/idx/authenticators/poll").debug("url", "/idp/idx/authenticators/poll?")
          .debug("threatSuspected", "false").debug("behaviors", "{New Geo-Location=NEGATIVE, New Device=NEGATIVE}")
          .target("pfd" + i, "AuthenticatorEnrollment", "unknown", "Password")
          .target("0oaoktaadminconsole1", "AppInstance", "Okta Admin Console", "Okta Admin Console")
          .build());
    }
    return out;
  }
}
