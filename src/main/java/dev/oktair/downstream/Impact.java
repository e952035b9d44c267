package dev.oktair.downstream;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the downstream impact map: an app, the SP behind it, who the subject is there,
 * when it was last reached, and the actions that revoke what the SP issued.
 *
 * @param app the app as Okta knows it
 * @param sp the SP's short name ({@code graph}, ...), or null for an app no connector knows
 * @param spIdentity the SP-side identity from the Okta app user, or null when unknown (not assigned any more)
 * @param lastAccess the last SSO into the app in the window, or null
 * @param actions the planned actions, connector steps first, then manual tasks
 */
public record Impact(AppAccess app, String sp, SpIdentity spIdentity, Instant lastAccess, List<PlannedAction> actions) {
  public Impact {
    Objects.requireNonNull(app, "app");
    actions = List.copyOf(actions);
  }

  /** Returns the connector steps contain can run for this app (none when the identity is unknown). */
  public List<Step> automaticSteps(boolean withOptIn) {
    return actions.stream().filter(a -> !a.manual() && (withOptIn || !a.optIn())).map(PlannedAction::step).toList();
  }
}
