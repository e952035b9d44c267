package dev.oktair.downstream;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One Okta app the subject reached or holds: the app instance, the subject's app user there (if
 * assigned), and the last SSO into it in the window. Built by the caller from the case and Okta.
 *
 * @param appId the app instance id ({@code 0oa...})
 * @param label the app's label
 * @param name the catalog name ({@code office365}, {@code salesforce}, ...), or null when Okta no longer has the app
 * @param signOnMode the app's sign-on mode, or null
 * @param userName the app user's {@code credentials.userName}, or null when not assigned
 * @param samlRoles the app user's {@code profile.samlRoles}, possibly empty
 * @param lastAccess the last {@code user.authentication.sso} into it in the window, or null
 */
public record AppAccess(String appId, String label, String name, String signOnMode, String userName, List<String> samlRoles,
    Instant lastAccess) {
  public AppAccess {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(label, "label");
    samlRoles = List.copyOf(samlRoles);
  }
}
