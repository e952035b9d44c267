package dev.oktair.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.sim.TenantSeed;
import dev.oktair.sim.scenario.Scenarios;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The built-in detections on the simulator's contoso-aitm story. */
class ScenarioDetectionsTest {
  static final Instant NOW = Instant.parse("2024-06-14T18:00:00Z");

  @Test
  void dump() {
    TenantSeed seed = Scenarios.load("contoso-aitm", 11, NOW);
    Detections.Result r = Detections.run(Detections.builtIn(), seed.events());
    System.out.println("attack start " + seed.story().attackStart() + " events " + seed.events().size());
    for (Finding f : r.findings()) {
      System.out.println(f.severity() + " " + f.detection() + " " + f.subject() + " " + f.first() + " " + f.facts().get("attacker") + " :: " + f.summary());
    }
    System.out.println(r.infra().ips() + " " + r.infra().victims());
  }
}
