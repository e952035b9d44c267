package dev.oktair.sim.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The answer key of a played scenario: every foothold the attack left, who else was hit, and the
 * alert a responder would receive. Held by the drill in memory; never part of a {@code TenantSeed}.
 *
 * @param scenario the scenario's name
 * @param seed the seed the variant was drawn with
 * @param attackStart the first attacker action
 * @param victimId the Okta user id of the user the alert names
 * @param otherVictimIds Okta user ids of the further victims
 * @param footholds what the attacker holds, in the order the attack created it
 * @param alert what a responder is told: a user and a symptom, not the answer
 */
public record GroundTruth(
    String scenario, long seed, Instant attackStart, String victimId, List<String> otherVictimIds,
    List<Foothold> footholds, Alert alert) {
  public GroundTruth {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(attackStart, "attackStart");
    Objects.requireNonNull(victimId, "victimId");
    otherVictimIds = List.copyOf(otherVictimIds);
    footholds = List.copyOf(footholds);
    Objects.requireNonNull(alert, "alert");
  }

  /**
   * The alert that opens the drill.
   *
   * @param user the login of the user it names
   * @param summary the symptom, as a SOC ticket or a user report would say it
   */
  public record Alert(String user, String summary) {
    public Alert {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(summary, "summary");
    }
  }
}
