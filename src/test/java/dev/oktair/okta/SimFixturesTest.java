package dev.oktair.okta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimFixturesTest {
  @Test
  void eachEventsBytesAreItsTreeSerialised() {
    List<LogEvent> events = SimFixtures.events(100, SimFixtures.NOW.minus(Duration.ofDays(1)), SimFixtures.NOW);
    for (LogEvent e : events) {
      assertThat(e.raw()).isEqualTo(Json.MAPPER.writeValueAsBytes(e.json()));
      assertThat(LogEvent.parse(e.raw()).uuid()).isEqualTo(e.uuid());
    }
    assertThat(events).extracting(LogEvent::uuid).doesNotHaveDuplicates();
  }
}
