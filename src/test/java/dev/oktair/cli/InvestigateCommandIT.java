package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.detect.Finding;
import dev.oktair.detect.FindingsFile;
import dev.oktair.detect.Severity;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.SimulatorOptions;
import dev.oktair.sim.TenantSeed;
import dev.oktair.sim.scenario.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * investigate against the simulator, per scenario: every planted attacker action is found, the
 * other victim is named by --hunt, no high finding touches baseline days or untouched users, and
 * a re-run gives the same ids.
 */
class InvestigateCommandIT {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** Detections each scenario's story must produce for its first victim. */
  private static final Map<String, Set<String>> EXPECTED = Map.of(
      "contoso-aitm", Set.of("factor-activated", "factor-removed", "factor-removed-not-restored", "app-assigned",
          "group-added", "oauth-consent", "api-token-created", "password-changed", "threat-allowed", "proxy-auth",
          "session-hijack", "audit-rogue-factor", "audit-api-token", "audit-grant", "policy-gap"),
      "fabrikam-helpdesk", Set.of("push-fatigue", "password-reset", "idp-changed", "new-source",
          "threat-allowed", "policy-gap"));

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"contoso-aitm", "fabrikam-helpdesk"})
  void findsEveryPlantedActionAndNothingHighOutsideTheAttack(String scenario) throws Exception {
    TenantSeed seed = Scenarios.load(scenario, 7, NOW);
    TenantSeed.Story story = seed.story();
    try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().seed(seed).clock(CLOCK).randomSeed(7).build())) {
      Map<String, String> env = Map.of("OKTA_CLIENT_ORGURL", sim.baseUrl(), "OKTA_CLIENT_TOKEN", sim.apiToken());
      Path caseDir = dir.resolve("case");
      Path home = Files.createDirectories(dir.resolve("home"));
      CliRun r = CliRun.of(CLOCK, env, home, "investigate", "--case", caseDir.toString(), "--user", story.victimLogin(),
          "--hunt", "--since", "30d");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("Compromise window (inferred)");
      assertThat(sim.journal().mutating()).as("investigate is read-only").isEmpty();
      for (String other : story.otherVictimLogins()) {
        assertThat(r.out()).contains("Other affected accounts found by --hunt").contains(other);
      }
      // the hunt names exactly the planted victims: a wrongly named user would be contained by respond
      String named = r.out().lines().filter(l -> l.startsWith("Other affected accounts found by --hunt: ")).findFirst()
          .orElse("").replace("Other affected accounts found by --hunt: ", "");
      assertThat(named.isEmpty() ? Set.<String>of() : Set.of(named.split(", ")))
          .containsExactlyInAnyOrderElementsOf(story.otherVictimLogins());
      List<Finding> findings = FindingsFile.read(caseDir.resolve("findings.json")).findings();
      Set<String> found = findings.stream().filter(f -> story.victimLogin().equals(f.subject()) || f.subject() == null)
          .filter(f -> f.severity().atLeast(Severity.HIGH)).map(Finding::detection).collect(Collectors.toSet());
      assertThat(found).containsAll(EXPECTED.get(scenario));
      for (String other : story.otherVictimLogins()) {
        assertThat(findings).anyMatch(f -> other.equals(f.subject()) && f.severity().atLeast(Severity.HIGH));
      }
      Set<String> victims = new java.util.HashSet<>(story.otherVictimLogins());
      victims.add(story.victimLogin());
      for (Finding f : findings) {
        if (f.severity().atLeast(Severity.HIGH) && f.first() != null) {
          assertThat(f.last()).as("%s on baseline days: %s", f.detection(), f.summary())
              .isAfterOrEqualTo(story.attackStart());
        }
        if (f.severity().atLeast(Severity.HIGH) && f.subject() != null) {
          assertThat(victims).as("high finding on an untouched user: %s", f.summary()).contains(f.subject());
        }
      }
      assertThat(findings.stream().filter(f -> f.detection().equals("audit-rogue-factor"))
          .map(f -> f.facts().get("factorId"))).containsAll(story.rogueFactorIds());

      CliRun again = CliRun.of(CLOCK, env, home, "investigate", "--case", caseDir.toString(), "--user",
          story.victimLogin(), "--hunt", "--json");
      assertThat(again.code()).as(again.err()).isZero();
      List<String> ids = findings.stream().map(Finding::id).sorted().toList();
      assertThat(FindingsFile.read(caseDir.resolve("findings.json")).findings().stream().map(Finding::id).sorted())
          .containsExactlyElementsOf(ids);
      assertThat(again.out().lines().count()).isEqualTo(ids.size());

      CliRun failOn = CliRun.of(CLOCK, env, home, "investigate", "--case", caseDir.toString(), "--offline",
          "--fail-on", "high");
      assertThat(failOn.code()).isEqualTo(10);
    }
  }
}
