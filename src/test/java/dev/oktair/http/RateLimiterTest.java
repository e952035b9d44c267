package dev.oktair.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final Instant T0 = Instant.parse("2024-06-14T09:00:00Z");
  private static final String LOGS = "/api/v1/logs";

  private final FakeTime time = new FakeTime(T0);
  private final RateLimiter limiter = new RateLimiter(time, time, () -> 0.0);

  private static HttpHeaders headers(int limit, int remaining, Instant reset, Instant date) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("X-Rate-Limit-Limit", List.of(Integer.toString(limit)));
    m.put("X-Rate-Limit-Remaining", List.of(Integer.toString(remaining)));
    m.put("X-Rate-Limit-Reset", List.of(Long.toString(reset.getEpochSecond())));
    if (date != null) {
      m.put("Date", List.of(DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC))));
    }
    return HttpHeaders.of(m, (a, b) -> true);
  }

  private void request(HttpHeaders answer) throws InterruptedException {
    limiter.acquire(LOGS);
    limiter.completed(LOGS, answer);
  }

  @Test
  void goesAtOnceWhileTheBudgetLasts() throws InterruptedException {
    request(headers(120, 119, T0.plusSeconds(60), null));
    request(headers(120, 118, T0.plusSeconds(60), null));
    limiter.acquire(LOGS);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void waitsForTheResetOnceTheBudgetIsSpent() throws InterruptedException {
    request(headers(20, 0, T0.plusSeconds(42), null));
    limiter.acquire(LOGS);
    // It waited for the reset (+50 ms margin, no jitter here) instead of running into a 429.
    assertThat(time.slept()).isEqualTo(Duration.ofSeconds(42).plusMillis(50));
  }

  @Test
  void countsRequestsInFlightAgainstTheBudget() throws InterruptedException {
    request(headers(15, 2, T0.plusSeconds(30), null)); // above a tenth of the limit: no pacing
    limiter.acquire(LOGS); // 2 remaining - 0 in flight: goes
    limiter.acquire(LOGS); // 2 - 1: goes
    assertThat(time.sleeps()).isEmpty();
    limiter.acquire(LOGS); // 2 - 2 = 0: waits for the reset
    assertThat(time.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void pacesEvenlyOnceLessThanATenthRemains() throws InterruptedException {
    request(headers(100, 11, T0.plusSeconds(60), null));
    limiter.acquire(LOGS);
    limiter.completed(LOGS, headers(100, 10, T0.plusSeconds(60), null));
    limiter.acquire(LOGS);
    // 10 remain, paced over the 60 s left: one every 60/11 s from the last start.
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(60).dividedBy(11));
  }

  @Test
  void aNewWindowReplacesTheOldAndLateAnswersAreIgnored() throws InterruptedException {
    request(headers(120, 1, T0.plusSeconds(10), null));
    time.advance(Duration.ofSeconds(11));
    request(headers(120, 119, T0.plusSeconds(70), null));
    request(headers(120, 0, T0.plusSeconds(10), null)); // a late answer from the old window
    limiter.acquire(LOGS);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void measuresWaitsOnTheServersClockFromItsDateHeader() throws InterruptedException {
    Instant server = T0.plusSeconds(3600); // the server's clock is an hour ahead of ours
    request(headers(120, 0, server.plusSeconds(20), server));
    limiter.acquire(LOGS);
    assertThat(time.slept()).isEqualTo(Duration.ofSeconds(20).plusMillis(50));
  }

  @Test
  void ignoresADateThatDisagreesWithTheResetTime() throws InterruptedException {
    Instant proxyClock = T0.plus(Duration.ofDays(200)); // a hop that stamps its own Date
    request(headers(120, 0, T0.plusSeconds(20), proxyClock));
    limiter.acquire(LOGS);
    assertThat(time.slept()).isEqualTo(Duration.ofSeconds(20).plusMillis(50));
  }

  @Test
  void after429WaitsUntilTheResetOnTheServersClock() throws InterruptedException {
    Instant server = T0.minusSeconds(5);
    HttpHeaders h = headers(120, 0, server.plusSeconds(7), server);
    limiter.acquire(LOGS);
    limiter.completed(LOGS, h);
    assertThat(limiter.waitAfterRateLimit(h)).isEqualTo(Duration.ofSeconds(7).plusMillis(50));
    assertThat(limiter.waitAfterRateLimit(HttpHeaders.of(Map.of(), (a, b) -> true))).isNull();
  }

  @Test
  void jitterIsSmallAndBounded() throws InterruptedException {
    RateLimiter jittery = new RateLimiter(time, time, () -> 0.999);
    HttpHeaders h = headers(120, 0, T0.plusSeconds(60), null);
    assertThat(jittery.waitAfterRateLimit(h)).isBetween(Duration.ofMillis(60_050), Duration.ofMillis(60_300));
    HttpHeaders soon = headers(120, 0, T0.plusSeconds(1), null);
    assertThat(jittery.waitAfterRateLimit(soon)).isBetween(Duration.ofMillis(1050), Duration.ofMillis(1150));
  }

  @Test
  void bucketsAreIndependent() throws InterruptedException {
    request(headers(120, 0, T0.plusSeconds(60), null));
    limiter.acquire("/api/v1/users");
    assertThat(time.sleeps()).isEmpty();
  }
}
