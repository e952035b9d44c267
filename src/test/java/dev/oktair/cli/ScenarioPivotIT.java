package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.evidence.EvidenceWriter;
import dev.oktair.evidence.Source;
import dev.oktair.sim.TenantSeed;
import dev.oktair.sim.scenario.Scenarios;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** On the simulated AiTM story, a baseline pivot by IP lists the attacker's IPs as NEW. */
class ScenarioPivotIT {
  @TempDir Path home;
  @TempDir Path caseDir;

  @Test
  void baselinePivotByIpMarksTheAttackerNewAndTheVictimKnown() {
    TenantSeed seed = Scenarios.load(Scenarios.DEFAULT, 11, Runs.NOW);
    try (EvidenceWriter w = EvidenceStore.open(caseDir, Runs.CLOCK).create("scenario", Source.imported("scenario"))) {
      seed.events().forEach(w::write);
      w.seal();
    }
    TenantSeed.Story story = seed.story();
    Runs.Run r = Runs.run(home, "pivot", "--case", caseDir.toString(), "--by", "ip", "--limit", "0", "--json",
        "--baseline-until", story.attackStart().toString());
    assertThat(r.exit()).as(r.err()).isZero();
    Map<String, Boolean> isNew = new HashMap<>();
    r.out().lines().map(l -> Json.MAPPER.readTree(l))
        .forEach((JsonNode n) -> isNew.put(n.get("value").asString(null), n.get("new").asBoolean()));
    assertThat(story.attackerIps()).isNotEmpty().allSatisfy(ip -> assertThat(isNew).containsEntry(ip, true));
    assertThat(story.victimIps()).isNotEmpty().allSatisfy(ip -> assertThat(isNew).containsEntry(ip, false));
  }
}
