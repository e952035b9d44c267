package dev.oktair.okta;

import dev.oktair.http.Secret;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.net.http.HttpRequest;

/** {@code Authorization: SSWS <token>}: an Okta API token. */
final class SswsAuth implements Auth {
  private final Secret token;

  SswsAuth(Secret token) {
    this.token = token;
  }

  @Override
  public void authorize(HttpRequest.Builder request, String method, URI uri) {
    request.header("Authorization", "SSWS " + token.reveal());
  }

  @Override
  public Collection<Secret> secrets() {
    return List.of(token);
  }

  @Override
  public String fixForUnauthorized() {
    return "the API token was rejected: check OKTA_CLIENT_TOKEN (or okta.client.token in ~/.okta/okta.yaml);"
        + " tokens are revoked when their admin is deactivated and expire after 30 days unused;"
        + " create a new one in Admin Console > Security > API > Tokens";
  }

  @Override
  public String fixForForbidden(String scope, boolean insufficientScope) {
    return "the API token's admin may not do this: use a token created by an admin whose role allows it"
        + (scope == null ? "" : " (" + scope + ")")
        + ", e.g. Read-Only Administrator for reading the System Log and users";
  }
}
