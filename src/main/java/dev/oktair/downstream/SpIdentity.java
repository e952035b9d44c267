package dev.oktair.downstream;

import java.util.List;
import java.util.Objects;

/**
 * Who the subject is at a service provider, as the Okta app user says (never guessed from the
 * Okta login).
 *
 * @param userName the SP-side user name ({@code credentials.userName} of the Okta app user)
 * @param roles SP roles the assignment grants (e.g. AWS {@code profile.samlRoles}), possibly empty
 */
public record SpIdentity(String userName, List<String> roles) {
  public SpIdentity {
    Objects.requireNonNull(userName, "userName");
    roles = List.copyOf(roles);
  }
}
