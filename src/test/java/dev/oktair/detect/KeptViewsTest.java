package dev.oktair.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.events.LogEvent;
import dev.oktair.sim.scenario.Scenarios;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A view read back from the store must state every fact the view it was given for does (findings
 * are made from what is read back, and must not change), whatever shape the event had and wherever
 * the chunks end.
 */
class KeptViewsTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  /** Odd events: no uuid or a non-canonical one, IPv6 and odd IPv4, no time, no fields at all. */
  private static final List<String> ODD = List.of(
      "{}",
      "{\"eventType\":\"user.session.start\"}",
      "{\"uuid\":\"not-a-uuid\",\"published\":\"2026-01-01T00:00:00.000Z\",\"eventType\":\"user.lifecycle.create\","
          + "\"client\":{\"ipAddress\":\"2001:db8::1\"}}",
      "{\"uuid\":\"F35F3395-132E-D508-2B21-53692D8B522B\",\"client\":{\"ipAddress\":\"010.1.2.3\"},"
          + "\"securityContext\":{\"asNumber\":\"7018\",\"isProxy\":true},\"outcome\":{\"result\":\"failure\"}}",
      "{\"uuid\":\"f35f3395-132e-d508-2b21-53692d8b522b\",\"published\":\"2026-01-01T00:00:00Z\","
          + "\"client\":{\"ipAddress\":\"255.255.255.255\"},\"securityContext\":{\"asNumber\":0},"
          + "\"debugContext\":{\"debugData\":{\"threatSuspected\":\"true\",\"risk\":\"{level=HIGH}\",\"scope\":\"okta.users.read\"}}}",
      "{\"uuid\":\"00000000-0000-0000-0000-000000000000\",\"published\":\"1969-12-31T23:59:59.999Z\","
          + "\"client\":{\"ipAddress\":\"0.0.0.0\"},\"target\":[{\"type\":\"User\"},{\"id\":\"x\"},{}],"
          + "\"transaction\":{\"detail\":{\"requestApiTokenId\":\"00T1\"}}}",
      "{\"uuid\":\"ffffffff-ffff-ffff-ffff-ffffffffffff\",\"client\":{\"ipAddress\":\"1.2.3.4.5\"}}",
      "{\"uuid\":null,\"client\":{\"ipAddress\":\"1.2.3\"},\"published\":null,\"eventType\":null}",
      "{\"client\":{\"ipAddress\":\"256.1.1.1\"},\"actor\":{\"id\":\"u1\",\"type\":\"User\",\"alternateId\":\"Pass\"}}");

  @Test
  void everyFactOfEveryScenarioEventReadsBack() {
    // chunks of 8 ints: every kind of value lies across a chunk boundary somewhere
    KeptViews store = new KeptViews(3);
    List<Seen> given = new ArrayList<>();
    List<Long> handles = new ArrayList<>();
    for (LogEvent event : events()) {
      // as the pass gives them: plain, and prepared on a parsing thread (its uuid shared: cited by its hash)
      for (Seen s : List.of(Seen.of(event, false), Seen.prepared(event, true, type -> true))) {
        given.add(s);
        handles.add(store.add(s));
      }
    }
    for (int i = 0; i < given.size(); i++) {
      Seen back = store.view(handles.get(i));
      // one comparison of every fact per view (assertions field by field took half a minute here)
      assertThat(facts(back)).isEqualTo(facts(given.get(i)));
      if (i % 10 == 0) {
        SeenKeptTest.assertSameFacts(back, given.get(i));
      }
      assertThatThrownBy(back::event).isInstanceOf(IllegalStateException.class);
      assertThat(back.kept()).isSameAs(back);
    }
  }

  @Test
  void aSharedUuidIsCitedByTheHashOfTheBytes() {
    LogEvent event = LogEvent.parse("{\"uuid\":\"f35f3395-132e-d508-2b21-53692d8b522b\",\"eventType\":\"user.lifecycle.create\"}");
    KeptViews store = new KeptViews();
    Seen back = store.view(store.add(Seen.of(event, true)));
    assertThat(back.citation().uuid()).isEqualTo("sha256:" + Seen.sha256(event.raw()));
    Seen unique = store.view(store.add(Seen.of(event, false)));
    assertThat(unique.citation().uuid()).isEqualTo("f35f3395-132e-d508-2b21-53692d8b522b");
  }

  @Test
  void manyViewsAcrossManyChunksReadBackInAnyOrder() {
    List<LogEvent> events = events();
    KeptViews store = new KeptViews(12);
    int n = 20_000;
    long[] handles = new long[n];
    for (int i = 0; i < n; i++) {
      handles[i] = store.add(Seen.of(events.get(i % events.size()), i % 7 == 0));
    }
    for (int i = n - 1; i >= 0; i -= 37) {
      Seen full = Seen.of(events.get(i % events.size()), i % 7 == 0);
      SeenKeptTest.assertSameFacts(store.view(handles[i]), full);
    }
  }

  @Test
  void onlyWhatReadsBackTheSameIsPacked() {
    assertThat(KeptViews.canonicalUuid("f35f3395-132e-d508-2b21-53692d8b522b")).isTrue();
    assertThat(KeptViews.canonicalUuid("F35F3395-132E-D508-2B21-53692D8B522B")).isFalse();
    assertThat(KeptViews.canonicalUuid("f35f3395-132e-d508-2b21-53692d8b522")).isFalse();
    assertThat(KeptViews.canonicalUuid("f35f3395x132e-d508-2b21-53692d8b522b")).isFalse();
  }

  @Test
  void stringIdsAreDenseInFirstSeenOrderAndReturnTheFirstInstance() {
    StringIds ids = new StringIds();
    assertThat(ids.id(null)).isZero();
    String a = new String("a");
    assertThat(ids.id(a)).isEqualTo(1);
    assertThat(ids.id(new String("a"))).isEqualTo(1);
    assertThat(ids.string(1)).isSameAs(a);
    for (int i = 0; i < 10_000; i++) {
      assertThat(ids.id("s" + i)).isEqualTo(i + 2);
    }
    for (int i = 0; i < 10_000; i++) {
      assertThat(ids.id("s" + i)).isEqualTo(i + 2);
      assertThat(ids.string(i + 2)).isEqualTo("s" + i);
    }
    assertThat(ids.size()).isEqualTo(10_002);
  }

  private static List<LogEvent> events() {
    List<LogEvent> events = new ArrayList<>();
    for (String scenario : List.of("contoso-aitm", "fabrikam-helpdesk")) {
      events.addAll(Scenarios.load(scenario, 7, NOW).events());
    }
    ODD.forEach(raw -> events.add(LogEvent.parse(raw)));
    return events;
  }

  /** Every fact of a view, and what the findings of a rule read of it. */
  private static String facts(Seen s) {
    return String.join("|", String.valueOf(s.citation()), String.valueOf(s.published()), s.type(),
        String.valueOf(s.subject()), String.valueOf(s.subjectId()), String.valueOf(s.actorId()), String.valueOf(s.actor()),
        String.valueOf(s.selfService()), String.valueOf(s.ip()), String.valueOf(s.asn()), String.valueOf(s.session()),
        String.valueOf(s.userAgent()), String.valueOf(s.deviceId()), s.result(), String.valueOf(s.succeeded()),
        String.valueOf(s.proxy()), String.valueOf(s.threatSuspected()), String.valueOf(s.highRisk()),
        String.valueOf(s.apiToken()), String.valueOf(s.successfulSignIn()), List.of(s.targets()).toString(),
        String.valueOf(s.extra()), String.valueOf(EventRule.facts(List.of(s))));
  }
}
