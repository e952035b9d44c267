package dev.oktair.sim.scenario;

import static dev.oktair.sim.scenario.ScenarioFixture.ANCHOR;
import static dev.oktair.sim.scenario.ScenarioFixture.SEED;
import static dev.oktair.sim.scenario.ScenarioFixture.TOP_LEVEL_KEYS;
import static dev.oktair.sim.scenario.ScenarioFixture.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import dev.oktair.sim.TenantSeed;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The scenario as a whole: names, determinism, the retention window, event envelope. */
class ScenariosTest {
  @Test
  void namesTheDefaultAndRejectsUnknownNamesListingTheKnownOnes() {
    assertThat(Scenarios.names()).contains(Scenarios.DEFAULT);
    assertThatThrownBy(() -> Scenarios.load("no-such", 1, ANCHOR))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such").hasMessageContaining("contoso-aitm");
  }

  @Test
  void sameSeedGivesIdenticalEventsAndStateAndAnotherSeedDoesNot() {
    TenantSeed again = Scenarios.load(Scenarios.DEFAULT, SEED, ANCHOR);
    assertThat(rawLines(again)).isEqualTo(rawLines(seed()));
    assertThat(state(again)).isEqualTo(state(seed()));
    assertThat(again.story()).isEqualTo(seed().story());

    TenantSeed other = Scenarios.load(Scenarios.DEFAULT, SEED + 1, ANCHOR);
    assertThat(rawLines(other)).isNotEqualTo(rawLines(seed()));
    assertThat(other.users().get(0).path("id")).isNotEqualTo(seed().users().get(0).path("id"));
  }

  /**
   * Issue 16: the history is built faster (events written straight to bytes, not through trees;
   * work split differently) but not one byte of it may change. The digests are those of the
   * history and state as the tree-building engine wrote them; a deliberate change to a scenario
   * or to what an event carries updates them, with the reason in the commit.
   */
  @Test
  void theDefaultHistoryAndStateAreByteForByteTheOnesOfTheTreeBuildingEngine() throws Exception {
    java.security.MessageDigest events = java.security.MessageDigest.getInstance("SHA-256");
    for (LogEvent e : seed().events()) {
      events.update(e.raw());
      events.update((byte) '\n');
    }
    assertThat(seed().events()).hasSize(21_034);
    assertThat(java.util.HexFormat.of().formatHex(events.digest()))
        .isEqualTo("c7d427e16bd3623bbc3a2d7a64957a925c252b9670454481d476f235d4676130");
    byte[] state = java.security.MessageDigest.getInstance("SHA-256")
        .digest(state(seed()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(java.util.HexFormat.of().formatHex(state))
        .isEqualTo("3138208c19b5ae39b2fe62552529db32afe9c5b9a3fe5a871d6330e3c8f4e0e3");
  }

  @Test
  void fileOrderOfWeightedChoicesIsKeptSoRunsAgreeAcrossJvms() {
    // Map.copyOf iterates in a per-JVM random order; weighted picks must not depend on it.
    ScenarioSpec spec = Scenarios.spec(Scenarios.DEFAULT);
    assertThat(spec.users().networks().keySet()).containsExactly("comcast", "verizon", "charter");
    assertThat(spec.users().factors().keySet()).containsExactly("push", "totp", "sms", "webauthn");
  }

  @Test
  void everyEventLiesInTheThirtyDaysBeforeTheAnchorSortedByPublished() {
    List<LogEvent> events = seed().events();
    Instant from = ANCHOR.minus(Duration.ofDays(30));
    assertThat(events).hasSizeGreaterThan(5_000);
    Instant previous = Instant.MIN;
    for (LogEvent e : events) {
      assertThat(e.published()).isAfterOrEqualTo(from).isBefore(ANCHOR).isAfterOrEqualTo(previous);
      previous = e.published();
    }
    // Anchored: the latest activity is just before the anchor, the earliest near the window start.
    assertThat(events.get(events.size() - 1).published()).isAfter(ANCHOR.minus(Duration.ofHours(6)));
    assertThat(events.get(0).published()).isBefore(from.plus(Duration.ofDays(1)));
  }

  @Test
  void anAnchorOnADaylightSavingNightWithSubMillisecondsStillGivesACompleteStoryInsideTheWindow() {
    Instant at = Instant.parse("2025-03-09T07:30:00.000001Z");
    TenantSeed s = Scenarios.load(Scenarios.DEFAULT, 3, at);
    assertThat(s.anchor()).isEqualTo(at);
    assertThat(s.events()).isNotEmpty().allSatisfy(e ->
        assertThat(e.published()).isAfterOrEqualTo(at.minus(Duration.ofDays(30))).isBefore(at));
    assertThat(s.events()).extracting(LogEvent::publishedText).isSorted();
    String alex = s.users().stream().filter(u -> "alex@contoso.com".equals(u.path("profile").path("login").asString()))
        .findFirst().orElseThrow().path("id").asString();
    assertThat(s.factors().get(alex)).extracting(f -> f.path("id").asString()).containsAll(s.story().rogueFactorIds());
    assertThat(s.events()).filteredOn(e -> "security.threat.detected".equals(e.eventType())).hasSize(2);
  }

  @Test
  void uuidsAreUniqueAndVersionOneAndPublishedHasMilliseconds() {
    Set<String> seen = new HashSet<>();
    for (LogEvent e : seed().events()) {
      assertThat(seen.add(e.uuid())).as("duplicate uuid %s", e.uuid()).isTrue();
      assertThat(e.uuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(e.publishedText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }
  }

  @Test
  void everyEventCarriesEveryTopLevelKeyRealOktaSends() {
    for (LogEvent e : seed().events()) {
      Set<String> keys = new HashSet<>();
      e.json().propertyNames().forEach(keys::add);
      assertThat(keys).as(e.eventType()).isEqualTo(TOP_LEVEL_KEYS);
      assertThat(e.json().get("version").asString()).isEqualTo("0");
      assertThat(e.json().get("debugContext").get("debugData").isObject()).isTrue();
    }
  }

  @Test
  void requestEventsShareTheirRequestIdBetweenTransactionAndDebugData() {
    for (LogEvent e : seed().events()) {
      if ("WEB".equals(e.text("transaction.type"))) {
        assertThat(e.debugData("requestId")).isEqualTo(e.transactionId());
        assertThat(e.client().ipAddress()).isEqualTo(e.ipChain().get(0));
      }
    }
  }

  @Test
  void theOrgHasAboutFiftyUsersWithStableOktaIdsAndTheNamedApps() {
    assertThat(seed().users()).hasSize(50);
    assertThat(seed().users()).allSatisfy(u -> assertThat(u.path("id").asString()).matches("00u[0-9A-Za-z]{17}"));
    assertThat(seed().apps()).extracting(a -> a.path("label").asString()).contains("Office 365", "Google Workspace",
        "Salesforce.com", "AWS Account Federation", "Slack", "GitHub Enterprise Cloud");
    assertThat(seed().groups()).extracting(g -> g.path("profile").path("name").asString())
        .contains("Everyone", "Engineering", "Finance", "IT-Admins");
    assertThat(seed().threatInsight().path("action").asString()).isEqualTo("audit");
  }

  private static List<String> rawLines(TenantSeed s) {
    return s.events().stream().map(LogEvent::rawText).toList();
  }

  private static String state(TenantSeed s) {
    JsonNode n = Json.MAPPER.valueToTree(List.of(s.users(), s.groups(), new java.util.TreeMap<>(s.groupMembers()), s.apps(),
        new java.util.TreeMap<>(s.appUsers()), new java.util.TreeMap<>(s.factors()), new java.util.TreeMap<>(s.roles()),
        new java.util.TreeMap<>(s.grants()), s.clients(), new java.util.TreeMap<>(s.refreshTokens()), s.apiTokens(),
        s.threatInsight(), s.policies(), new java.util.TreeMap<>(s.policyRules())));
    return n.toString();
  }
}
