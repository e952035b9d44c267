package dev.oktair.sim.drill;

import dev.oktair.events.Json;
import java.util.List;
import java.util.Objects;

/**
 * How a drill stands: each foothold open or removed, collateral damage, other victims found or
 * missed, and the seconds from drill start until the last foothold closed. Immutable.
 *
 * @param scenario the scenario's name
 * @param seed the variant's seed
 * @param footholds every foothold and its status
 * @param collateral legitimate objects removed or users wrongly disabled
 * @param otherVictims the further victims and whether the responder found them
 * @param secondsToContain seconds from drill start to the last foothold closed; null while any is open
 */
public record Scorecard(
    String scenario, long seed, List<Foothold> footholds, List<Collateral> collateral, List<Victim> otherVictims,
    Long secondsToContain) {
  public Scorecard {
    Objects.requireNonNull(scenario, "scenario");
    footholds = List.copyOf(footholds);
    collateral = List.copyOf(collateral);
    otherVictims = List.copyOf(otherVictims);
  }

  /** Returns true when every foothold is removed, every victim found and nothing legitimate was harmed. */
  public boolean clean() {
    return openFootholds() == 0 && missedVictims() == 0 && collateral.isEmpty();
  }

  /** Returns how many footholds are still open. */
  public long openFootholds() {
    return footholds.stream().filter(f -> f.status().equals(Foothold.OPEN)).count();
  }

  /** Returns how many other victims were missed. */
  public long missedVictims() {
    return otherVictims.stream().filter(v -> !v.found()).count();
  }

  /** Returns the scorecard as one line of JSON. */
  public String toJson() {
    return Json.MAPPER.writeValueAsString(this);
  }

  /** Reads a scorecard written by {@link #toJson()}. */
  public static Scorecard fromJson(String json) {
    return Json.MAPPER.readValue(json, Scorecard.class);
  }

  /**
   * One foothold's status.
   *
   * @param kind {@code session}, {@code refresh-token}, {@code factor}, {@code grant},
   *     {@code api-token}, {@code assignment}, {@code group-membership}, {@code admin-role},
   *     {@code idp} or {@code sp-session}
   * @param id the id as the Okta API names it
   * @param label what it is, for people
   * @param status {@code open} or {@code removed}
   */
  public record Foothold(String kind, String id, String label, String status) {
    /** The status of a foothold the attacker still holds. */
    public static final String OPEN = "open";
    /** The status of a foothold that is gone. */
    public static final String REMOVED = "removed";
  }

  /**
   * Something legitimate the response harmed.
   *
   * @param kind the kind of object ({@code factor}, {@code assignment}, {@code user}, ...)
   * @param id its id
   * @param user the login of the user it belonged to
   * @param change what happened to it ({@code removed}, {@code SUSPENDED}, ...)
   */
  public record Collateral(String kind, String id, String user, String change) {}

  /**
   * A further victim.
   *
   * @param user the login
   * @param found whether the responder contained them (sessions cleared, or the account
   *     suspended, deactivated or reset)
   */
  public record Victim(String user, boolean found) {}
}
