package dev.oktair.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.detect.FindingsFile;
import dev.oktair.events.LogEvent;
import dev.oktair.events.filter.EventFilter;
import dev.oktair.okta.LogPage;
import dev.oktair.okta.LogQuery;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaConfig;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.SimulatorOptions;
import dev.oktair.sim.TenantSeed;
import dev.oktair.sim.scenario.Scenarios;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hunt's filter by equipment, against the simulator over HTTP: an attacker-written user agent
 * full of filter syntax matches itself exactly (no injection), a user agent half the tenant runs
 * is left out by the naming cap, and one with a control character is left out.
 */
class HuntFilterTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String HOSTILE = "Evil/1.0 \\\" or actor.id pr or client.userAgent.rawUserAgent eq \"x\\";

  @Test
  void aHostileAgentMatchesOnlyItselfAndACommonOneIsLeftOut() {
    TenantSeed seed = Scenarios.load("contoso-aitm", 7, NOW);
    LogEvent template = Planted.bystanderSignIn(seed);
    String common = mostShared(seed.events());
    List<LogEvent> planted = Planted.twice(template, seed.story().attackStart().plusSeconds(3600), null, HOSTILE);
    try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().seed(seed).clock(CLOCK).randomSeed(7).build())) {
      sim.addEvents(planted);
      OktaClient okta = OktaClient.builder(OktaConfig.ssws(sim.baseUrl(), sim.apiToken())).clock(CLOCK).build();
      Investigation.Report report = new Investigation.Report(new FindingsFile.Window(null, null, "inferred"), List.of(),
          Map.of(), Set.of(), Set.of(), Map.of(), Set.of(), Set.of(HOSTILE, common, "Bell\u0007Agent/1.0"));
      Instant since = NOW.minus(Duration.ofDays(30));

      Investigation.HuntQuery q = Investigation.huntFilter(okta, report, since, NOW);

      assertThat(q.leftOut()).containsExactlyInAnyOrder(common, "Bell\u0007Agent/1.0");
      assertThat(q.filter()).startsWith("client.userAgent.rawUserAgent eq \"Evil/1.0 \\\\\\\" or actor.id");
      EventFilter.parse(q.filter());
      List<String> got = new ArrayList<>();
      LogPage page = okta.logPage(okta.logsUrl(LogQuery.bounded(since, NOW, q.filter())));
      page.events().forEach(e -> got.add(e.uuid()));
      assertThat(got).containsExactlyInAnyOrderElementsOf(planted.stream().map(LogEvent::uuid).toList());
      assertThat(sim.journal().mutating()).isEmpty();
    }
  }

  @Test
  void nothingToHuntIsNoFilter() {
    TenantSeed seed = Scenarios.load("contoso-aitm", 7, NOW);
    try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().seed(seed).clock(CLOCK).randomSeed(7).build())) {
      OktaClient okta = OktaClient.builder(OktaConfig.ssws(sim.baseUrl(), sim.apiToken())).clock(CLOCK).build();
      Investigation.Report report = new Investigation.Report(new FindingsFile.Window(null, null, "inferred"), List.of(),
          Map.of(), Set.of(), Set.of(), Map.of(), Set.of(), Set.of());
      Investigation.HuntQuery q = Investigation.huntFilter(okta, report, NOW.minus(Duration.ofDays(30)), NOW);
      assertThat(q.filter()).isNull();
      assertThat(sim.journal().requests()).isEmpty();
    }
  }

  /** The user agent the most users of the seed signed in with; more than the naming cap of them. */
  private static String mostShared(List<LogEvent> events) {
    Map<String, Set<String>> users = new HashMap<>();
    for (LogEvent e : events) {
      String ua = e.text("client.userAgent.rawUserAgent");
      if (ua != null && e.actor().id() != null) {
        users.computeIfAbsent(ua, k -> new HashSet<>()).add(e.actor().id());
      }
    }
    var best = users.entrySet().stream().max(Map.Entry.comparingByValue((a, b) -> a.size() - b.size())).orElseThrow();
    assertThat(best.getValue().size()).as("the seed has a user agent over the cap").isGreaterThan(dev.oktair.detect.Infra.COMMON);
    return best.getKey();
  }
}
