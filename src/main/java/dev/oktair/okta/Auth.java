package dev.oktair.okta;

import dev.oktair.http.Authorizer;

/** Puts credentials on requests to the org and says what to fix when Okta refuses them. */
interface Auth extends Authorizer {
  /** Returns what the user should fix when Okta answers 401. */
  String fixForUnauthorized();

  /** Returns what the user should fix when Okta answers 403 for a request needing {@code scope}. */
  String fixForForbidden(String scope, boolean insufficientScope);

  /** No credentials: for the token endpoint, which authenticates by its form body. */
  Auth NONE = new Auth() {
    @Override
    public void authorize(java.net.http.HttpRequest.Builder request, String method, java.net.URI uri) {}

    @Override
    public String fixForUnauthorized() {
      return "check the service app's client id and key";
    }

    @Override
    public String fixForForbidden(String scope, boolean insufficientScope) {
      return "check the service app's grants";
    }
  };
}
