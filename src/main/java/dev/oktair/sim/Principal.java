package dev.oktair.sim;

import java.util.Objects;
import java.util.Set;

/**
 * Who a request acts as: the admin behind an SSWS token, or the OAuth service app behind an
 * access token. Becomes the {@code actor} of the System Log events a mutation emits.
 *
 * @param actorId the actor id (user id, or the app's client id)
 * @param actorType {@code User} or {@code PublicClientApp}
 * @param alternateId the actor's login, or the client id
 * @param displayName the actor's name
 * @param apiTokenId the SSWS token id ({@code 00T...}) or null for OAuth
 * @param clientId the OAuth client id or null for SSWS
 * @param scopes the granted scopes; null means every scope (an SSWS token of a super admin)
 * @param scheme the authorization scheme used: {@code SSWS}, {@code Bearer} or {@code DPoP}
 */
record Principal(
    String actorId,
    String actorType,
    String alternateId,
    String displayName,
    String apiTokenId,
    String clientId,
    Set<String> scopes,
    String scheme) {
  Principal {
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(actorType, "actorType");
    Objects.requireNonNull(scheme, "scheme");
    scopes = scopes == null ? null : Set.copyOf(scopes);
  }

  /** Returns true when this principal may call an endpoint needing {@code scope} (manage implies read). */
  boolean allows(String scope) {
    if (scopes == null || scope == null || scopes.contains(scope)) {
      return true;
    }
    return scope.endsWith(".read") && scopes.contains(scope.substring(0, scope.length() - 5) + ".manage");
  }
}
