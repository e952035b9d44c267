package dev.oktair.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.cases.CasePaths;
import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import dev.oktair.events.LogEvent;
import dev.oktair.http.Secret;
import dev.oktair.http.Sleeper;
import dev.oktair.okta.SimFixtures;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forwarding to a fake HEC and a fake {@code _bulk} on loopback that fail now and then (issue 16). */
class ForwarderTest {
  private static final Instant NOW = SimFixtures.NOW;
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Sleeper NO_WAIT = d -> { };
  private static final Instant SINCE = NOW.minus(Duration.ofHours(2));

  @TempDir Path dir;

  private final List<LogEvent> events = SimFixtures.events(1000, SINCE, NOW);

  @Test
  void hecThrough5xxStoresEveryEventOnceByUuid() throws Exception {
    try (FakeSink sink = FakeSink.start(3, 4, 0, 0)) {
      Forwarder f = open(sink.hecUrl(), SinkFormat.HEC);
      for (int i = 0; i < events.size(); i += 100) {
        f.forward(events.subList(i, i + 100)); // one polling page at a time
      }
      assertThat(sink.stored().keySet()).isEqualTo(uuids(events));
      assertThat(sink.repeated()).as("only batches whose answer was lost are resent").isNotEmpty();
      assertThat(f.forwarded()).isEqualTo(1000);
    }
  }

  @Test
  void bulkResendsOnlyItemsRefusedWith429AndCountsConflictsAsDelivered() throws Exception {
    try (FakeSink sink = FakeSink.start(5, 7, 11, 0)) {
      Forwarder f = open(sink.bulkUrl(), SinkFormat.BULK);
      f.forward(events);
      assertThat(sink.stored().keySet()).isEqualTo(uuids(events));
      LogEvent first = events.get(0);
      assertThat(sink.stored().get(first.uuid())).as("the raw event, byte-exact").isEqualTo(first.rawText());
    }
  }

  @Test
  void aRestartSkipsWhatTheCheckpointSaysTheSinkHas() throws Exception {
    try (FakeSink sink = FakeSink.start(0, 0, 0, 0)) {
      open(sink.hecUrl(), SinkFormat.HEC).forward(events.subList(0, 600));
      Forwarder again = open(sink.hecUrl(), SinkFormat.HEC);
      assertThat(again.resumed()).isTrue();
      assertThat(again.since()).isEqualTo(SINCE);
      again.forward(events); // the restarted follow polls the window again from its start
      assertThat(sink.stored().keySet()).isEqualTo(uuids(events));
      assertThat(sink.repeated()).as("nothing acknowledged is sent again").isEmpty();
      assertThat(again.forwarded()).isEqualTo(1000);
    }
  }

  @Test
  void theWindowIsResolvedOnceAndAnotherSinceIsRefused() throws Exception {
    try (FakeSink sink = FakeSink.start(0, 0, 0, 0)) {
      open(sink.hecUrl(), SinkFormat.HEC);
      Forwarder later = Forwarder.open(target(sink.hecUrl(), SinkFormat.HEC), CasePaths.of(dir), null,
          NOW.plus(Duration.ofDays(3)), CLOCK, NO_WAIT);
      assertThat(later.since()).as("without --since the stored window continues").isEqualTo(SINCE);
      assertThatThrownBy(() -> Forwarder.open(target(sink.hecUrl(), SinkFormat.HEC), CasePaths.of(dir), "7d",
          NOW.minus(Duration.ofDays(7)), CLOCK, NO_WAIT))
          .isInstanceOfSatisfying(OktaIrException.class, e -> assertThat(e.kind()).isEqualTo(Kind.USAGE))
          .hasMessageContaining("re-run without --since");
    }
  }

  @Test
  void aWrongTokenFailsWithoutPrintingItAndCheckpointsNothing() throws Exception {
    try (FakeSink sink = FakeSink.start(0, 0, 0, 0)) {
      Secret wrong = Secret.of("wrong-token-abcdefgh");
      Forwarder f = Forwarder.open(new Forwarder.Target(sink.hecUrl(), SinkFormat.HEC, wrong), CasePaths.of(dir), "2h",
          SINCE, CLOCK, NO_WAIT);
      assertThatThrownBy(() -> f.forward(events.subList(0, 5)))
          .satisfies(e -> assertThat(wrong.appearsIn(e.getMessage())).isFalse());
      assertThat(f.forwarded()).isZero();
      assertThat(Files.readString(f.checkpointFile())).doesNotContain("wrong-token");
    }
  }

  @Test
  void plainHttpToAnotherMachineIsRefused() {
    assertThatThrownBy(() -> new Forwarder.Target(URI.create("http://siem.example.com/services/collector/event"),
        SinkFormat.HEC, Secret.of(FakeSink.TOKEN)))
        .hasMessageContaining("https://");
    assertThat(SinkFormat.of(URI.create("https://s:8088/services/collector/event"))).isEqualTo(SinkFormat.HEC);
    assertThat(SinkFormat.of(URI.create("https://es:9200/okta/_bulk"))).isEqualTo(SinkFormat.BULK);
    assertThat(SinkFormat.of(URI.create("https://hooks.example.com/okta"))).isEqualTo(SinkFormat.JSON);
  }

  private Forwarder open(URI url, SinkFormat format) {
    return Forwarder.open(target(url, format), CasePaths.of(dir), "2h", SINCE, CLOCK, NO_WAIT);
  }

  private static Forwarder.Target target(URI url, SinkFormat format) {
    return new Forwarder.Target(url, format, Secret.of(FakeSink.TOKEN));
  }

  private static Set<String> uuids(List<LogEvent> events) {
    return events.stream().map(LogEvent::uuid).collect(Collectors.toSet());
  }
}
