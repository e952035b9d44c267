package dev.oktair.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LogEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/logs} against okta-api.md §2.1-2.3 and 2.7: paging, bounds, polling, retention. */
class SystemLogTest {
  private static final Instant NOW = TestTenant.NOW;
  private static List<LogEvent> seeded;
  private static OktaSimulator sim;
  private static SimHttp http;

  @BeforeAll
  static void start() {
    seeded = new ArrayList<>(TestTenant.events(3000, NOW.minus(Duration.ofDays(30)), NOW));
    seeded.add(TestTenant.event("old-retained-out", NOW.minus(Duration.ofDays(100)), "user.session.start", TestTenant.BOB));
    seeded.add(TestTenant.event("old-retained-in", NOW.minus(Duration.ofDays(89)), "user.session.start", TestTenant.BOB));
    sim = OktaSimulator.start(SimulatorOptions.builder().seed(TestTenant.seed(seeded))
        .clock(SimClock.at(NOW)).rateLimits(RateLimits.defaults().withLogs(1_000_000)).build());
    http = new SimHttp(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void boundedAscendingPagingReturnsEveryEventExactlyOnceInPublishedOrder() {
    Instant since = NOW.minus(Duration.ofDays(10));
    Instant until = NOW.minus(Duration.ofDays(5));
    List<String> got = http.pageAll("/api/v1/logs?since=" + since + "&until=" + until + "&limit=7");
    assertThat(got).hasSizeGreaterThan(400).containsExactlyElementsOf(expected(since, until, false));
  }

  @Test
  void boundedDescendingPagingReturnsEveryEventExactlyOnceInReverseOrder() {
    Instant since = NOW.minus(Duration.ofDays(10));
    Instant until = NOW.minus(Duration.ofDays(5));
    List<String> got = http.pageAll("/api/v1/logs?since=" + since + "&until=" + until + "&limit=9&sortOrder=DESCENDING");
    assertThat(got).hasSizeGreaterThan(400).containsExactlyElementsOf(expected(since, until, true));
  }

  @Test
  void sinceIsInclusiveAndUntilExclusive() {
    LogEvent e = seeded.get(1500);
    String t = e.publishedText();
    List<String> from = http.pageAll("/api/v1/logs?since=" + t + "&until=" + NOW + "&limit=1000");
    List<String> to = http.pageAll("/api/v1/logs?since=" + NOW.minus(Duration.ofDays(20)) + "&until=" + t + "&limit=1000");
    assertThat(from).contains(e.uuid());
    assertThat(to).doesNotContain(e.uuid());
  }

  @Test
  void lastBoundedPageHasNoNextLinkAndLinksAreAbsolute() {
    HttpResponse<String> r = http.get("/api/v1/logs?since=2026-02-28T00:00:00Z&until=2026-03-01T00:00:00Z&limit=1000");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(r.headers().firstValue("X-Okta-Request-Id")).isPresent();
    assertThat(r.headers().allValues("Link")).hasSize(1);
    assertThat(SimHttp.link(r, "self")).isEqualTo(sim.baseUrl() + "/api/v1/logs?since=2026-02-28T00:00:00Z&until=2026-03-01T00:00:00Z&limit=1000");
    assertThat(SimHttp.link(r, "next")).isNull();
    HttpResponse<String> paged = http.get("/api/v1/logs?since=2026-02-28T00:00:00Z&until=2026-03-01T00:00:00Z&limit=5");
    assertThat(SimHttp.link(paged, "next"))
        .startsWith(sim.baseUrl() + "/api/v1/logs?since=2026-02-28T00%3A00%3A00.000Z&until=2026-03-01T00%3A00%3A00.000Z&limit=5&sortOrder=ASCENDING&after=");
  }

  @Test
  void untilAloneDefaultsSinceToSevenDaysBefore() {
    HttpResponse<String> r = http.get("/api/v1/logs?until=2026-02-20T00:00:00Z&limit=1");
    assertThat(SimHttp.link(r, "next")).contains("since=2026-02-13T00%3A00%3A00.000Z");
    assertThat(SimHttp.json(r).get(0).path("published").asString()).startsWith("2026-02-13");
  }

  @Test
  void sinceOlderThan180DaysIsRejected() {
    HttpResponse<String> r = http.get("/api/v1/logs?since=" + NOW.minus(Duration.ofDays(181)) + "&until=" + NOW);
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode body = SimHttp.json(r);
    assertThat(body.path("errorCode").asString()).isEqualTo("E0000053");
    assertThat(body.path("errorSummary").asString())
        .isEqualTo("Invalid parameter: The since parameter is over 180 days prior to the current day.");
    assertThat(http.get("/api/v1/logs?since=" + NOW.minus(Duration.ofDays(179)) + "&until=" + NOW).statusCode()).isEqualTo(200);
  }

  @Test
  void eventsOlderThan90DaysAreNotReturned() {
    List<String> got = http.pageAll("/api/v1/logs?since=" + NOW.minus(Duration.ofDays(120)) + "&until=" + NOW.minus(Duration.ofDays(60)));
    assertThat(got).containsExactly("old-retained-in");
  }

  @Test
  void limitIsBoundedAndDefaultsTo100() {
    String window = "since=" + NOW.minus(Duration.ofDays(30)) + "&until=" + NOW;
    assertThat(SimHttp.json(http.get("/api/v1/logs?" + window)).size()).isEqualTo(100);
    assertThat(SimHttp.json(http.get("/api/v1/logs?" + window + "&limit=1000")).size()).isEqualTo(1000);
    HttpResponse<String> zero = http.get("/api/v1/logs?" + window + "&limit=0");
    assertThat(zero.body()).isEqualTo("[]");
    HttpResponse<String> tooMany = http.get("/api/v1/logs?" + window + "&limit=1001");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(SimHttp.json(tooMany).path("errorCode").asString()).isEqualTo("E0000001");
  }

  @Test
  void cursorsOnlyContinueTheQueryThatIssuedThem() {
    HttpResponse<String> r = http.get("/api/v1/logs?since=2026-02-20T00:00:00Z&until=2026-02-25T00:00:00Z&limit=5");
    String next = SimHttp.link(r, "next");
    String after = next.substring(next.indexOf("after=") + 6);
    HttpResponse<String> other = http.get("/api/v1/logs?since=2026-02-20T00:00:00Z&until=2026-02-26T00:00:00Z&after=" + after);
    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(http.get("/api/v1/logs?after=not-a-cursor").statusCode()).isEqualTo(400);
  }

  @Test
  void badDatesAndSortOrdersAreValidationErrors() {
    assertThat(SimHttp.json(http.get("/api/v1/logs?since=yesterday")).path("errorCode").asString()).isEqualTo("E0000001");
    assertThat(http.get("/api/v1/logs?sortOrder=SIDEWAYS").statusCode()).isEqualTo(400);
  }

  @Test
  void filterAndQSelectEventsWithTheSharedFilterCode() {
    Instant since = NOW.minus(Duration.ofDays(10));
    String window = "since=" + since + "&until=" + NOW + "&limit=50";
    List<String> sso = http.pageAll("/api/v1/logs?" + window + "&filter=" + enc("eventType eq \"user.authentication.sso\""));
    List<String> expected = seeded.stream()
        .filter(e -> !e.published().isBefore(since) && "user.authentication.sso".equals(e.eventType()))
        .sorted(Comparator.comparing(LogEvent::published).thenComparing(LogEvent::uuid)).map(LogEvent::uuid).toList();
    assertThat(sso).isNotEmpty().containsExactlyElementsOf(expected);
    List<String> bob = http.pageAll("/api/v1/logs?" + window + "&q=" + enc("bob@contoso.com"));
    assertThat(bob).isNotEmpty().allMatch(u -> seeded.stream().anyMatch(e -> e.uuid().equals(u) && TestTenant.BOB.equals(e.actor().id())));
  }

  @Test
  void rejectedFiltersAndQueriesUseOktasCodes() {
    HttpResponse<String> syntax = http.get("/api/v1/logs?filter=" + enc("eventType equals \"x\""));
    assertThat(syntax.statusCode()).isEqualTo(400);
    assertThat(SimHttp.json(syntax).path("errorCode").asString()).isEqualTo("E0000053");
    assertThat(SimHttp.json(syntax).path("errorSummary").asString()).startsWith("Invalid filter");
    HttpResponse<String> unsupported = http.get("/api/v1/logs?filter=" + enc("debugContext.debugData.url co \"x\""));
    assertThat(SimHttp.json(unsupported).path("errorCode").asString()).isEqualTo("E0000031");
    HttpResponse<String> longQ = http.get("/api/v1/logs?q=" + "x".repeat(41));
    assertThat(longQ.statusCode()).isEqualTo(400);
    assertThat(SimHttp.json(longQ).path("errorCode").asString()).isEqualTo("E0000001");
  }

  @Test
  void eventsAreServedAsTheirExactRawBytes() {
    HttpResponse<String> r = http.get("/api/v1/logs?since=" + seeded.get(0).publishedText() + "&until=" + NOW + "&limit=2");
    assertThat(r.body()).startsWith("[" + seeded.get(0).rawText() + "," + seeded.get(1).rawText() + "]");
  }

  @Test
  void pollingHasANextLinkEvenWhenEmptyAndPicksUpLaterEventsInPersistenceOrder() {
    SimClock clock = SimClock.at(NOW);
    try (OktaSimulator poll = OktaSimulator.start(SimulatorOptions.builder().seed(TestTenant.seed(300))
        .clock(clock).rateLimits(RateLimits.defaults().withLogs(100_000)).build())) {
      SimHttp h = new SimHttp(poll);
      HttpResponse<String> r = h.get("/api/v1/logs?since=" + NOW.minus(Duration.ofDays(1)) + "&limit=50");
      List<String> seen = new ArrayList<>();
      while (SimHttp.json(r).size() > 0) {
        SimHttp.json(r).forEach(e -> seen.add(e.path("uuid").asString()));
        r = h.getUrl(SimHttp.link(r, "next"));
      }
      List<String> lastDay = TestTenant.events(300, NOW.minus(Duration.ofDays(30)), NOW).stream()
          .filter(e -> !e.published().isBefore(NOW.minus(Duration.ofDays(1)))).map(LogEvent::uuid).toList();
      assertThat(seen).isNotEmpty().containsExactlyElementsOf(lastDay);
      String next = SimHttp.link(r, "next");
      assertThat(next).isNotNull();
      assertThat(SimHttp.link(h.getUrl(next), "next")).isNotNull();

      clock.advance(Duration.ofMinutes(5));
      // late arrivals: published out of order, persisted now
      poll.addEvents(List.of(
          TestTenant.event("late-1", NOW.minus(Duration.ofHours(3)), "user.session.start", TestTenant.BOB),
          TestTenant.event("late-2", NOW.minus(Duration.ofDays(3)), "user.session.start", TestTenant.BOB),
          TestTenant.event("late-3", NOW.minus(Duration.ofHours(1)), "user.session.start", TestTenant.BOB)));
      HttpResponse<String> more = h.getUrl(next);
      assertThat(SimHttp.json(more).findValuesAsString("uuid")).containsExactly("late-1", "late-2", "late-3");
      HttpResponse<String> after = h.getUrl(SimHttp.link(more, "next"));
      assertThat(after.body()).isEqualTo("[]");
      assertThat(SimHttp.link(after, "next")).isNotNull();
    }
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The seeded uuids published in [since, until) and inside retention, in Okta's bounded order. */
  private static List<String> expected(Instant since, Instant until, boolean descending) {
    Comparator<LogEvent> order = Comparator.comparing(LogEvent::published).thenComparing(LogEvent::uuid);
    return seeded.stream()
        .filter(e -> !e.published().isBefore(since) && e.published().isBefore(until))
        .sorted(descending ? order.reversed() : order)
        .map(LogEvent::uuid)
        .toList();
  }
}
