package dev.oktair.sim.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.sim.scenario.Foothold;
import dev.oktair.sim.scenario.GroundTruth;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time to contain runs from drill start to the moment the last foothold was first seen closed. */
class ScorerTest {
  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  private static Snapshot state(boolean factor, boolean token, int sessions) {
    Snapshot s = new Snapshot();
    s.status.put("00uv", "ACTIVE");
    s.logins.put("00uv", "v@x.example");
    s.status.put("00uw", "ACTIVE");
    s.logins.put("00uw", "w@x.example");
    s.sessions.put("00uv", sessions);
    s.sessions.put("00uw", 1);
    s.objects.put("factor:legit", "00uv");
    if (factor) {
      s.objects.put("factor:rogue", "00uv");
    }
    if (token) {
      s.objects.put("api-token:00Trogue", "00uv");
    }
    return s;
  }

  @Test
  void secondsToContainIsTheLastFirstClosure() {
    GroundTruth truth = new GroundTruth("t", 3, START.minusSeconds(3600), "00uv", List.of("00uw"), List.of(
        new Foothold(Foothold.Kind.FACTOR, "rogue", "00uv", "push"),
        new Foothold(Foothold.Kind.API_TOKEN, "00Trogue", "00uv", "token"),
        new Foothold(Foothold.Kind.SESSION, "idx1", "00uv", "session")), new GroundTruth.Alert("v@x.example", "odd push"));
    Scorer scorer = new Scorer(truth, state(true, true, 1), START);
    scorer.observe(state(false, true, 1), START.plusSeconds(60));
    scorer.observe(state(false, true, 0), START.plusSeconds(200));
    Scorecard open = scorer.score(state(false, true, 0), START.plusSeconds(300));
    assertThat(open.secondsToContain()).isNull();
    assertThat(open.openFootholds()).isEqualTo(1);
    // seen closed at 420 s; a later score does not move the time
    scorer.observe(state(false, false, 0), START.plusSeconds(420));
    Scorecard done = scorer.score(state(false, false, 0), START.plusSeconds(900));
    assertThat(done.secondsToContain()).isEqualTo(420);
    assertThat(done.openFootholds()).isZero();
    assertThat(done.otherVictims()).singleElement().satisfies(v -> assertThat(v.found()).isFalse());
    assertThat(done.collateral()).isEmpty();
    assertThat(Scorecard.fromJson(done.toJson())).isEqualTo(done);
  }

  @Test
  void aFootholdThatComesBackIsOpenAgain() {
    GroundTruth truth = new GroundTruth("t", 3, START, "00uv", List.of(), List.of(
        new Foothold(Foothold.Kind.FACTOR, "rogue", "00uv", "push")), new GroundTruth.Alert("v@x.example", "odd push"));
    Scorer scorer = new Scorer(truth, state(true, false, 1), START);
    scorer.observe(state(false, false, 1), START.plusSeconds(10));
    Scorecard back = scorer.score(state(true, false, 1), START.plusSeconds(20));
    assertThat(back.openFootholds()).isEqualTo(1);
    assertThat(back.secondsToContain()).isNull();
  }

  @Test
  void aNonVictimSuspendedIsCollateral() {
    GroundTruth truth = new GroundTruth("t", 3, START, "00uv", List.of(), List.of(), new GroundTruth.Alert("v", "s"));
    Scorer scorer = new Scorer(truth, state(false, false, 1), START);
    Snapshot after = state(false, false, 1);
    after.status.put("00uw", "SUSPENDED");
    after.status.put("00uv", "SUSPENDED");
    assertThat(scorer.score(after, START.plusSeconds(5)).collateral())
        .containsExactly(new Scorecard.Collateral("user", "00uw", "w@x.example", "SUSPENDED"));
  }
}
