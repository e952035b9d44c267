package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.bench.Rehearsals;
import dev.oktair.sim.drill.Scorecard;
import dev.oktair.sim.scenario.Scenarios;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13's bar: for every shipped scenario at five seeds, exactly {@code respond --apply --yes}
 * (no flag, no second run) from the alert and the drill's exports alone leaves no foothold open,
 * the victims' SP sessions included, harms nothing legitimate and finds every other victim.
 * The seeds change names, addresses, times and step order, so a detection written for one seed fails here.
 */
class RehearsalIT {
  /**
   * A fixed day that still ticks: a frozen clock also freezes the simulator's rate-limit windows, so
   * a run that spends its budget would wait for a reset that never comes.
   */
  private static final Clock CLOCK = Clock.offset(Clock.systemUTC(),
      java.time.Duration.between(Instant.now(), Instant.parse("2026-06-01T12:00:00Z")));

  static Stream<Arguments> rehearsals() {
    long seeds = Long.getLong("rehearsal.seeds", 5);
    return Scenarios.names().stream().flatMap(name -> LongStream.rangeClosed(1, seeds).mapToObj(seed -> Arguments.of(name, seed)));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("rehearsals")
  void respondContainsEverything(String scenario, long seed, @TempDir Path work) {
    Rehearsals.Outcome o = Rehearsals.run(scenario, seed, CLOCK, work);
    Scorecard card = o.card();
    String why = o.out() + "\n" + o.err() + "\n" + card.toJson();
    assertThat(o.exit()).as(why).isZero();
    if (scenario.equals(Scenarios.DEFAULT)) {
      assertThat(card.footholds()).as("the AiTM attacker's SSO into the apps leaves SP sessions")
          .anyMatch(f -> f.kind().equals("sp-session"));
    }
    assertThat(card.footholds().stream().filter(f -> f.status().equals(Scorecard.Foothold.OPEN)))
        .as("footholds left open\n" + o.err()).isEmpty();
    assertThat(card.collateral()).as("collateral\n" + o.err()).isEmpty();
    // the SUPER_ADMIN the attacker granted (to another victim) is removed before that victim's suspend, no
    // --force needed; only the suspend of a super administrator of long standing waits for --force
    for (Scorecard.Victim v : card.otherVictims()) {
      assertThat(o.err()).doesNotContain("HELD BACK: the suspend of " + v.user());
    }
    if (Set.of("fabrikam-helpdesk", "idp-impersonation").contains(scenario)) {
      assertThat(o.err()).contains("HELD BACK: the suspend of ").contains("before the window");
    }
    assertThat(card.otherVictims()).as("other victims\n" + o.err()).allMatch(Scorecard.Victim::found);
  }
}
