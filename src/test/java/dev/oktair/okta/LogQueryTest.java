package dev.oktair.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogQueryTest {
  private static final Instant SINCE = Instant.parse("2024-06-01T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2024-06-14T09:30:15.123456Z");

  @Test
  void parametersAreExactAndOrdered() {
    LogQuery q = LogQuery.bounded(SINCE, UNTIL, "actor.id eq \"00u1\"");
    assertThat(q.parameters()).containsExactly(
        java.util.Map.entry("since", "2024-06-01T00:00:00.000Z"),
        java.util.Map.entry("until", "2024-06-14T09:30:15.123Z"),
        java.util.Map.entry("filter", "actor.id eq \"00u1\""),
        java.util.Map.entry("limit", "1000"),
        java.util.Map.entry("sortOrder", "ASCENDING"));
    assertThat(q.polling()).isFalse();
  }

  @Test
  void pollingHasNoUntil() {
    LogQuery q = LogQuery.polling(SINCE, null);
    assertThat(q.polling()).isTrue();
    assertThat(q.parameters()).containsOnlyKeys("since", "limit", "sortOrder");
  }

  @Test
  void validates() {
    assertThatThrownBy(() -> LogQuery.bounded(UNTIL, SINCE, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LogQuery(SINCE, UNTIL, null, null, 1001)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void urlEncodesParametersWithPercentTwenty() {
    OktaClient client = OktaClient.builder(OktaConfig.ssws("https://acme.okta.com", "t0ken")).build();
    String url = client.logsUrl(LogQuery.bounded(SINCE, UNTIL, "actor.id eq \"00u1\"")).toString();
    assertThat(url).isEqualTo("https://acme.okta.com/api/v1/logs?since=2024-06-01T00%3A00%3A00.000Z"
        + "&until=2024-06-14T09%3A30%3A15.123Z&filter=actor.id%20eq%20%2200u1%22&limit=1000&sortOrder=ASCENDING");
  }
}
