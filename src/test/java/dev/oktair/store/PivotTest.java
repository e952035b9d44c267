package dev.oktair.store;

import dev.oktair.events.EventSelector;
import dev.oktair.events.Window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.events.LogEvent;
import dev.oktair.sim.SimEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PivotTest {
  @TempDir static Path caseDir;
  static CaseDatabase db;

  /**
   * Alice signs in from 1.1.1.1 (a success, a failure), Bob is allowed from it later; then 6.6.6.6
   * appears: Alice succeeds from it, ThreatInsight denies it (actor of type IP address), and a
   * challenge (neither success nor failure); and one system event without client.
   */
  @BeforeAll
  static void load() {
    List<LogEvent> events = new ArrayList<>();
    events.add(Cases.event("e1", "2024-06-01T10:00:00Z", "user.session.start", "alice@x", "1.1.1.1").build());
    events.add(Cases.event("e2", "2024-06-02T10:00:00Z", "user.session.start", "alice@x", "1.1.1.1")
        .result("FAILURE", "INVALID_CREDENTIALS").build());
    events.add(Cases.event("e3", "2024-06-10T10:00:00Z", "policy.evaluate_sign_on", "bob@x", "1.1.1.1")
        .result("ALLOW", null).build());
    events.add(Cases.event("e4", "2024-06-10T11:00:00Z", "user.session.start", "alice@x", "6.6.6.6")
        .network(14061L, "digitalocean", "DigitalOcean", null, true).build());
    events.add(SimEvent.of("e5", Instant.parse("2024-06-10T11:30:00Z"), "security.threat.detected")
        .actor("6.6.6.6", "IP address", "unknown", "6.6.6.6")
        .client("6.6.6.6", "curl/8", "Linux", "UNKNOWN", "Unknown", new SimEvent.Place("X", "Y", "Z", null, 0, 0))
        .result("DENY", "Password Spray").build());
    events.add(Cases.event("e6", "2024-06-11T09:00:00Z", "user.authentication.auth_via_mfa", "alice@x", "6.6.6.6")
        .result("CHALLENGE", null).build());
    events.add(SimEvent.of("e7", Instant.parse("2024-06-12T00:00:00Z"), "system.org.rate_limit.warning")
        .actor("0oa1", "PublicClientApp", "client", "client").result("SUCCESS", null).build());
    Cases.sealEvents(caseDir, "pivot", events);
    db = CaseDatabase.open(caseDir, Cases.CLOCK);
  }

  private static Object v(PivotRow r) {
    return r.value().values().iterator().next();
  }

  @Test
  void countsEventsSuccessesFailuresAndUserSubjectsPerValue() {
    List<PivotRow> rows = db.pivot(PivotQuery.of(PivotKey.IP));
    assertThat(rows).extracting(PivotTest::v).containsExactly("1.1.1.1", "6.6.6.6", null);
    PivotRow known = rows.get(0);
    assertThat(known.events()).isEqualTo(3);
    assertThat(known.successes()).as("SUCCESS and ALLOW").isEqualTo(2);
    assertThat(known.failures()).isEqualTo(1);
    assertThat(known.subjects()).as("alice and bob").isEqualTo(2);
    assertThat(known.firstSeen()).isEqualTo(Instant.parse("2024-06-01T10:00:00Z"));
    assertThat(known.lastSeen()).isEqualTo(Instant.parse("2024-06-10T10:00:00Z"));
    assertThat(known.isNew()).isNull();
    PivotRow hostile = rows.get(1);
    assertThat(hostile.events()).isEqualTo(3);
    assertThat(hostile.successes()).isEqualTo(1);
    assertThat(hostile.failures()).as("DENY counts, CHALLENGE does not").isEqualTo(1);
    assertThat(hostile.subjects()).as("the IP-address actor is not a subject").isEqualTo(1);
    assertThat(rows.get(2).subjects()).isZero();
  }

  @Test
  void combinedKeysGroupByEveryKeyAndTypeTheirValues() {
    List<PivotRow> rows = db.pivot(PivotQuery.of(PivotKey.IP, PivotKey.ACTOR));
    assertThat(rows).extracting(r -> Arrays.asList(r.value().values().toArray())).containsExactly(
        List.of("1.1.1.1", "alice@x"), List.of("6.6.6.6", "alice@x"), List.of("1.1.1.1", "bob@x"),
        List.of("6.6.6.6", "unknown"), Arrays.asList(null, "client"));
    assertThat(rows.get(0).toJson().get("value").toString()).isEqualTo("{\"ip\":\"1.1.1.1\",\"actor\":\"alice@x\"}");

    List<PivotRow> typed = db.pivot(PivotQuery.of(PivotKey.ASN, PivotKey.PROXY));
    assertThat(typed.get(0).value()).isEqualTo(Map.of(PivotKey.ASN, 7922L, PivotKey.PROXY, false));
    assertThat(typed.get(0).toJson().get("value").toString()).isEqualTo("{\"asn\":7922,\"proxy\":false}");
  }

  @Test
  void baselineMarksValuesNeverSeenBeforeItAsNew() {
    List<PivotRow> rows = db.pivot(new PivotQuery(List.of(PivotKey.IP), Window.ALL,
        Instant.parse("2024-06-05T00:00:00Z"), 0, null));
    assertThat(rows).extracting(PivotTest::v, PivotRow::isNew)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("1.1.1.1", false),
            org.assertj.core.groups.Tuple.tuple("6.6.6.6", true),
            org.assertj.core.groups.Tuple.tuple(null, false)); // issue 16: a missing value is never NEW
    assertThat(rows.get(1).toJson().get("new").asBoolean()).isTrue();
    assertThat(db.pivot(PivotQuery.of(PivotKey.IP)).get(0).toJson().get("new").isNull()).isTrue();
  }

  @Test
  void windowLimitsWhatIsCountedButNotTheBaseline() {
    Window since = new Window(Instant.parse("2024-06-05T00:00:00Z"), null);
    List<PivotRow> rows = db.pivot(new PivotQuery(List.of(PivotKey.IP), since, Instant.parse("2024-06-05T00:00:00Z"), 0, null));
    assertThat(rows).extracting(PivotTest::v, PivotRow::events, PivotRow::isNew)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("6.6.6.6", 3L, true),
            org.assertj.core.groups.Tuple.tuple("1.1.1.1", 1L, false),
            org.assertj.core.groups.Tuple.tuple(null, 1L, false));
    Window until = new Window(null, Instant.parse("2024-06-02T10:00:00Z"));
    assertThat(db.pivot(new PivotQuery(List.of(PivotKey.IP), until, null, 0, null)))
        .extracting(PivotTest::v, PivotRow::events).containsExactly(org.assertj.core.groups.Tuple.tuple("1.1.1.1", 1L));
  }

  @Test
  void limitKeepsTheBusiestValues() {
    assertThat(db.pivot(new PivotQuery(List.of(PivotKey.EVENT_TYPE), Window.ALL, null, 1, null)))
        .extracting(PivotTest::v).containsExactly("user.session.start");
  }

  @Test
  void filterRestrictsTheCountsAndTheBaseline() {
    List<PivotRow> rows = db.pivot(new PivotQuery(List.of(PivotKey.IP), Window.ALL, Instant.parse("2024-06-05T00:00:00Z"), 0,
        EventSelector.of(e -> "bob@x".equals(e.actor().alternateId()) || "6.6.6.6".equals(e.client().ipAddress()))));
    assertThat(rows).extracting(PivotTest::v, PivotRow::events, PivotRow::isNew)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("6.6.6.6", 3L, true),
            org.assertj.core.groups.Tuple.tuple("1.1.1.1", 1L, true));
  }

  @Test
  void everyKeyHasAColumnAndNamesParseCaseInsensitively() {
    for (PivotKey key : PivotKey.values()) {
      assertThat(db.pivot(PivotQuery.of(key))).as(key.key()).isNotEmpty();
    }
    assertThat(PivotKey.list("IP,eventtype, ua")).containsExactly(PivotKey.IP, PivotKey.EVENT_TYPE, PivotKey.UA);
    assertThatThrownBy(() -> PivotKey.list("ip,nope")).hasMessageContaining("'nope'").hasMessageContaining("eventType");
    assertThatThrownBy(() -> PivotKey.list("ip,IP")).hasMessageContaining("twice");
    assertThat(db.pivot(PivotQuery.of(PivotKey.APP))).isNotEmpty();
    assertThat(db.pivot(PivotQuery.of(PivotKey.SESSION))).extracting(PivotTest::v).contains("idx-alice@x", "idx-bob@x");
  }
}
