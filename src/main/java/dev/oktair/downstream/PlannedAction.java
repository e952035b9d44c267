package dev.oktair.downstream;

import java.util.Objects;

/**
 * One planned downstream action of the impact map: a connector step, or a manual task where the SP
 * offers no API (or no connector is configured).
 *
 * @param action what is done, e.g. {@code graph revokeSignInSessions}
 * @param step the connector step that does it, or null for a manual task
 * @param kills what the action invalidates
 * @param survives what an attacker may still hold afterwards
 * @param manual true when a person must do it (no API, or no connector configured)
 * @param optIn true for a step contain runs only when asked (e.g. disabling the SP account)
 */
public record PlannedAction(String action, Step step, String kills, String survives, boolean manual, boolean optIn) {
  public PlannedAction {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(kills, "kills");
    Objects.requireNonNull(survives, "survives");
    if (step == null && !manual) {
      throw new IllegalArgumentException("an automatic action needs a step: " + action);
    }
  }

  /** Returns this action as a manual task (its SP has no configured connector). */
  PlannedAction asManual(String why) {
    return manual ? this : new PlannedAction(action + " (manual: " + why + ")", step, kills, survives, true, optIn);
  }
}
