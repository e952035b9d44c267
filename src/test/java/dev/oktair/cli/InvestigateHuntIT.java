package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.store.CaseDatabase;
import dev.oktair.events.LogEvent;
import dev.oktair.investigate.Planted;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.RequestJournal;
import dev.oktair.sim.SimulatorOptions;
import dev.oktair.sim.TenantSeed;
import dev.oktair.sim.scenario.Scenarios;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * investigate --hunt follows the attacker's equipment into the tenant's log: a user whose only tie
 * to the attack is the attacker's device id (own address, own session) is collected by device id
 * and named, with findings of their own; the filter that collected it is read-only and exact.
 */
class InvestigateHuntIT {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void aUserReachedOnlyThroughTheAttackersDeviceIsCollectedAndNamed() throws Exception {
    TenantSeed seed = Scenarios.load("contoso-aitm", 7, NOW);
    TenantSeed.Story story = seed.story();
    // the attacker (an AiTM replay names no device) once signs in with a device of theirs
    LogEvent attacker = Planted.attackerEvent(seed);
    String device = "guoAttackerLaptop0Xy6O1";
    LogEvent template = Planted.bystanderSignIn(seed);
    String bystander = template.actor().alternateId().toLowerCase(java.util.Locale.ROOT);
    try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().seed(seed).clock(CLOCK).randomSeed(7).build())) {
      // the bystander signs in with the attacker's device, from their own address, in a session of their own
      sim.addEvents(List.of(Planted.reuse(attacker, attacker.published().plusSeconds(60), device, null)));
      List<LogEvent> planted = Planted.twice(template, story.attackStart().plusSeconds(3600), device, null);
      sim.addEvents(planted);
      Map<String, String> env = Map.of("OKTA_CLIENT_ORGURL", sim.baseUrl(), "OKTA_CLIENT_TOKEN", sim.apiToken());
      Path home = Files.createDirectories(dir.resolve("home"));
      Path caseDir = dir.resolve("case");
      CliRun r = CliRun.of(CLOCK, env, home, "investigate", "--case", caseDir.toString(), "--user", story.victimLogin(),
          "--hunt", "--since", "30d");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(sim.journal().mutating()).as("the hunt is read-only").isEmpty();
      List<String> filters = sim.journal().requests().stream().filter(e -> e.path().equals("/api/v1/logs"))
          .map(InvestigateHuntIT::filter).filter(f -> f != null).toList();
      assertThat(filters).anyMatch(f -> f.contains("device.id eq \"" + device + "\"")
          && f.contains("client.ipAddress eq"));
      String named = r.out().lines().filter(l -> l.startsWith("Other affected accounts found by --hunt: ")).findFirst()
          .orElse("").replace("Other affected accounts found by --hunt: ", "");
      assertThat(List.of(named.split(", "))).contains(bystander).containsAll(story.otherVictimLogins());
      // collected: the bystander's sign-ins with the attacker's device are evidence of the case
      for (LogEvent e : planted) {
        assertThat(CaseDatabase.open(caseDir, CLOCK).query("SELECT count(*) FROM events WHERE uuid = ?",
            rs -> rs.getLong(1), e.uuid())).containsExactly(1L);
      }
    }
  }

  @Test
  void withoutTheDeviceTheSameBystanderIsNotNamed() throws Exception {
    TenantSeed seed = Scenarios.load("contoso-aitm", 7, NOW);
    TenantSeed.Story story = seed.story();
    LogEvent template = Planted.bystanderSignIn(seed);
    String bystander = template.actor().alternateId().toLowerCase(java.util.Locale.ROOT);
    try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().seed(seed).clock(CLOCK).randomSeed(7).build())) {
      sim.addEvents(Planted.twice(template, story.attackStart().plusSeconds(3600), "guoPlantedOwnDevice6O1", null));
      Map<String, String> env = Map.of("OKTA_CLIENT_ORGURL", sim.baseUrl(), "OKTA_CLIENT_TOKEN", sim.apiToken());
      Path home = Files.createDirectories(dir.resolve("home"));
      CliRun r = CliRun.of(CLOCK, env, home, "investigate", "--case", dir.resolve("case").toString(), "--user",
          story.victimLogin(), "--hunt", "--since", "30d");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).doesNotContain(bystander);
    }
  }

  private static String filter(RequestJournal.Entry e) {
    if (e.query() == null) {
      return null;
    }
    for (String p : e.query().split("&")) {
      if (p.startsWith("filter=")) {
        return URLDecoder.decode(p.substring(7), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
