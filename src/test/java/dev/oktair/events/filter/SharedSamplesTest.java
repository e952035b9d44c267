package dev.oktair.events.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.oktair.events.LogEvent;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Filters over the real Okta sample events (okta-ir.shared) agree with LogEvent's typed accessors;
 * skipped where the shared directory is absent.
 */
class SharedSamplesTest {
  private static List<LogEvent> samples;

  @BeforeAll
  static void load() {
    samples = Fixtures.sharedSamples();
  }

  @Test
  void eventTypeFiltersAgreeWithTheAccessor() {
    assumeFalse(samples.isEmpty(), "shared samples absent");
    for (String type :
        List.of("user.session.start", "policy.evaluate_sign_on", "system.org.rate_limit.warning")) {
      assertThat(count("eventType eq \"" + type.toUpperCase() + "\""))
          .as(type)
          .isEqualTo(count(e -> type.equals(e.eventType())))
          .isPositive();
    }
    assertThat(count("eventType sw \"user.\""))
        .isEqualTo(count(e -> e.eventType().startsWith("user.")));
  }

  @Test
  void oktasOwnDetectionFiltersRunOnRealEvents() {
    assumeFalse(samples.isEmpty(), "shared samples absent");

    assertThat(count("securityContext.isProxy eq \"true\""))
        .isEqualTo(count(e -> Boolean.TRUE.equals(e.security().isProxy())));
    assertThat(count("debugContext.debugData.threatSuspected eq \"true\""))
        .isEqualTo(count(e -> "true".equalsIgnoreCase(e.debugData("threatSuspected"))));
    assertThat(count("outcome.result eq \"FAILURE\" or outcome.result eq \"DENY\""))
        .isEqualTo(
            count(
                e -> "FAILURE".equals(e.outcome().result()) || "DENY".equals(e.outcome().result())))
        .isPositive();
    assertThat(count("client.zone pr"))
        .isEqualTo(count(e -> e.client().zone() != null && !e.client().zone().isEmpty()));
    assertThat(count("securityContext.asNumber gt 0"))
        .isEqualTo(count(e -> e.security().asNumber() != null && e.security().asNumber() > 0));
  }

  @Test
  void prefilterKeepsEveryMatchOfTheSamples() {
    assumeFalse(samples.isEmpty(), "shared samples absent");
    for (LogEvent event : samples) {
      for (String value :
          List.of(
              Objects.toString(event.eventType(), "x"),
              Objects.toString(event.client().ipAddress(), "x"))) {
        EventFilter filter =
            EventFilter.parse(
                "eventType eq \"" + value + "\" or client.ipAddress eq \"" + value + "\"");
        byte[] raw = event.raw();
        assertThat(filter.test(event) && !filter.mightMatch(raw, 0, raw.length))
            .as("%s on %s", filter, event)
            .isFalse();
      }
    }
  }

  private static long count(String filter) {
    return count(EventFilter.parse(filter));
  }

  private static long count(Predicate<LogEvent> predicate) {
    return samples.stream().filter(predicate).count();
  }
}
