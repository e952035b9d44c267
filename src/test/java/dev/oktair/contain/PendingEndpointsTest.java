package dev.oktair.contain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.okta.Sleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Actions whose Okta endpoints the simulator does not serve yet; each applies, reads back and
 * (where one exists) undoes against the simulator once the endpoint lands.
 */
class PendingEndpointsTest {
  @TempDir Path dir;

  private Result apply(Scenario s, Action a) {
    Plan.Entry e = new Plan.Entry("a1", a, List.of("F-1"), List.of(), null);
    Plan plan = new Plan(Scenario.NOW, s.sim.baseUrl(), s.attackStart(), null, new Plan.Options(false, false, false),
        List.of(), List.of(e), List.of());
    try (Journal j = Journal.open(dir.resolve("journal.jsonl"), Scenario.CLOCK)) {
      return new Applier(new Effects(s.okta(false), Map.of()), j, Scenario.CLOCK, Sleeper.system(),
          new Applier.Settings(2, 3, Duration.ofMillis(10))).apply(plan, Map.of());
    }
  }

  @Test
  void blockingCreatesTheZoneThenUndoTakesTheAddressesOff() {
    try (Scenario s = new Scenario()) {
      Action block = new Action.BlockIps(Planner.ZONE, List.of("159.223.47.186", "146.70.199.42"));
      assertThat(apply(s, block).complete()).isTrue();
      assertThat(Zones.listed(s.okta(true), Planner.ZONE)).contains("159.223.47.186", "146.70.199.42");
      assertThat(apply(s, block.undo()).complete()).isTrue();
      assertThat(Zones.listed(s.okta(true), Planner.ZONE)).doesNotContain("159.223.47.186");
    }
  }

  @Test
  void removingADirectAssignment() {
    try (Scenario s = new Scenario()) {
      String github = s.seed.apps().stream().filter(a -> a.path("name").asString().equals("githubcloud")).findFirst()
          .orElseThrow().path("id").asString();
      assertThat(apply(s, new Action.RemoveAppAssignment(github, s.alex(), "GitHub")).complete()).isTrue();
      assertThat(s.okta(true).appUser(github, s.alex())).isEmpty();
    }
  }

  @Test
  void removingAGroupMembership() {
    try (Scenario s = new Scenario()) {
      // Okta refuses to edit a built-in group's members (Everyone): take one of alex's own groups.
      String group = s.sim.tenant().groupIds(s.alex()).stream()
          .filter(g -> "OKTA_GROUP".equals(s.sim.tenant().groupType(g)))
          .findFirst().orElseThrow();
      assertThat(apply(s, new Action.RemoveGroupMembership(group, s.alex(), "group")).complete()).isTrue();
      assertThat(s.sim.tenant().groupIds(s.alex())).doesNotContain(group);
    }
  }

  @Test
  void deactivatingAnIdentityProvider() {
    try (Scenario s = new Scenario()) {
      assertThat(apply(s, new Action.DeactivateIdp("0oaEVILIDP", "Evil")).complete()).isTrue();
    }
  }

  @Test
  void universalLogout() {
    try (Scenario s = new Scenario()) {
      assertThat(apply(s, new Action.UniversalLogout(s.alex(), "alex@contoso.com")).complete()).isTrue();
      assertThat(s.sim.journal().requests()).anyMatch(e -> e.path().equals("/oauth2/v1/global-token-revocation"));
    }
  }
}
