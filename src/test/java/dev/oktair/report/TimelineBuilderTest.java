package dev.oktair.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.detect.Citation;
import dev.oktair.detect.Finding;
import dev.oktair.detect.Severity;
import dev.oktair.store.TimelineSession;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineBuilderTest {
  static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * Issue 14's 1 GB real-shaped case holds events without a uuid: looking one up in the frozen set
   * of cited events threw a NullPointerException, so {@code report} failed on that case at any heap.
   * An event without a uuid is simply not cited; the session is still the attacker's by its IP.
   */
  @Test
  void eventWithoutUuidIsNotCitedAndDoesNotStopTheReport() {
    Finding f = new Finding("F-1", "idp-changed", Severity.CRITICAL, "Identity provider created or changed", "s",
        "alice@x", T, T, "T1484.002", "r", List.of(new Citation.Event("u1", T, "system.idp.lifecycle.create")),
        Map.of("attacker", "true", "ip", "6.6.6.6"));
    Attribution a = Attribution.of(List.of(f));
    assertThat(a.cites(null)).isFalse();
    assertThat(a.cites("u1")).isTrue();

    TimelineSession.Event noUuid = new TimelineSession.Event(null, T, "user.session.start", "SUCCESS", "m", "1.1.1.1");
    TimelineSession.Event byIp = new TimelineSession.Event(null, T.plusSeconds(1), "user.session.start", "SUCCESS", "m", "6.6.6.6");
    TimelineSession session = new TimelineSession("idx1", List.of("1.1.1.1"), List.of(), List.of(), List.of(), T, T,
        List.of("alice@x"), List.of(noUuid));
    TimelineSession burst = new TimelineSession(null, List.of("1.1.1.1", "6.6.6.6"), List.of(), List.of(), List.of(), T,
        T.plusSeconds(1), List.of("alice@x"), List.of(noUuid, byIp));

    Report.Timeline t = TimelineBuilder.build(List.of(session, burst), a);
    assertThat(t.sessions()).extracting(Report.Session::attacker).containsExactly(false, true, false);
  }
}
