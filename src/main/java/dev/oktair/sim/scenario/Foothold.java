package dev.oktair.sim.scenario;

import java.util.Locale;
import java.util.Objects;

/**
 * Something the attacker holds in the tenant (or at a service provider) after the attack: what a
 * responder must remove. Recorded by the engine as each attack step creates it.
 *
 * @param kind what it is
 * @param id its id as the Okta API names it ({@code appId/userId} for an assignment,
 *     {@code groupId/userId} for a group membership)
 * @param userId the Okta user id it belongs to (the creator for an API token or an IdP)
 * @param label a short human description (login, app label, factor type)
 */
public record Foothold(Kind kind, String id, String userId, String label) {
  public Foothold {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(label, "label");
  }

  /** The kinds of foothold; {@link #json()} is the name scorecards use. */
  public enum Kind {
    SESSION, REFRESH_TOKEN, FACTOR, GRANT, API_TOKEN, ASSIGNMENT, GROUP_MEMBERSHIP, ADMIN_ROLE, IDP, SP_SESSION;

    /** Returns the kind as scorecards write it: {@code refresh-token}, {@code api-token}, ... */
    public String json() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
