package dev.oktair.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.events.LogEvent;
import dev.oktair.sim.TenantSeed;
import dev.oktair.sim.scenario.Scenarios;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kept view a scan holds past an event's turn must cite and state exactly what the full
 * view does (findings rest on it), and must refuse, not guess, what it does not keep.
 */
class SeenKeptTest {
  @Test
  void aKeptViewCitesAndStatesWhatTheFullViewDoes() {
    for (String scenario : List.of("contoso-aitm", "fabrikam-helpdesk")) {
      TenantSeed seed = Scenarios.load(scenario, 7, Instant.parse("2026-11-28T12:00:00Z"));
      for (LogEvent event : seed.events()) {
        for (boolean collision : new boolean[] {false, true}) {
          Seen full = Seen.of(event, collision);
          Seen light = full.kept();
          assertSameFacts(light, full);
          assertThat(light.kept()).isSameAs(light);
          assertThat(full.kept()).isSameAs(light);
          // prepared on a parsing thread: kept by marking, the event let go when its turn ends
          Seen ready = Seen.prepared(event, collision, type -> true);
          assertThat(ready.kept()).isSameAs(ready);
          ready.settle();
          assertSameFacts(ready, full);
          assertThatThrownBy(ready::event).isInstanceOf(IllegalStateException.class);
        }
      }
    }
  }

  static void assertSameFacts(Seen light, Seen full) {
    assertThat(light.citation()).isEqualTo(full.citation());
    assertThat(EventRule.facts(List.of(light))).isEqualTo(EventRule.facts(List.of(full)));
    assertThat(List.of(light.type(), String.valueOf(light.subject()), String.valueOf(light.actor()),
        String.valueOf(light.ip()), String.valueOf(light.session()), String.valueOf(light.userAgent()),
        String.valueOf(light.deviceId()), light.result(), String.valueOf(light.apiToken())))
        .isEqualTo(List.of(full.type(), String.valueOf(full.subject()), String.valueOf(full.actor()),
            String.valueOf(full.ip()), String.valueOf(full.session()), String.valueOf(full.userAgent()),
            String.valueOf(full.deviceId()), full.result(), String.valueOf(full.apiToken())));
    assertThat(light.published()).isEqualTo(full.published());
    assertThat(light.asn()).isEqualTo(full.asn());
    assertThat(light.ip4()).isEqualTo(full.ip4());
    assertThat(light.selfService()).isEqualTo(full.selfService());
    assertThat(light.target("User")).isEqualTo(full.target("User"));
    assertThat(light.extra()).isEqualTo(full.extra());
    assertThat(light.targets()).containsExactly(full.event().targets().toArray(LogEvent.Target[]::new));
    assertThat(light.extra().asOrg()).isEqualTo(full.event().security().asOrg());
    assertThat(light.extra().factor()).isEqualTo(full.event().debugData("factor"));
  }

  @Test
  void aPreparedViewNoScanKeptHoldsItsEvent() {
    LogEvent event = Scenarios.load("contoso-aitm", 7, Instant.parse("2026-11-28T12:00:00Z")).events().get(0);
    Seen ready = Seen.prepared(event, false, type -> true);
    ready.settle();
    assertThat(ready.event()).isSameAs(event);
    Seen plain = Seen.prepared(event, false, type -> false);
    assertThat(plain.kept()).isNotSameAs(plain);
    plain.settle();
    assertThat(plain.event()).isSameAs(event);
  }

  @Test
  void aKeptViewHasNoEventToReadMoreFrom() {
    LogEvent event = Scenarios.load("contoso-aitm", 7, Instant.parse("2026-11-28T12:00:00Z")).events().get(0);
    Seen light = Seen.of(event, false).kept();
    assertThatThrownBy(light::event).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> light.fields()).isInstanceOf(IllegalStateException.class);
  }
}
