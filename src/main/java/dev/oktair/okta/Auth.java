package dev.oktair.okta;

import java.net.URI;
import java.net.http.HttpRequest;

/** Puts credentials on requests to the org; never called for any other origin. */
interface Auth {
  /** Adds the credential headers for {@code method uri}; called once per attempt. */
  void authorize(HttpRequest.Builder request, String method, URI uri) throws InterruptedException;

  /** Drops cached credentials after a 401; returns true when one retry may then succeed. */
  default boolean renewAfterUnauthorized() {
    return false;
  }

  /** Returns what the user should fix when Okta answers 401. */
  String fixForUnauthorized();

  /** Returns what the user should fix when Okta answers 403 for a request needing {@code scope}. */
  String fixForForbidden(String scope, boolean insufficientScope);

  /** No credentials: for the token endpoint, which authenticates by its form body. */
  Auth NONE = new Auth() {
    @Override
    public void authorize(HttpRequest.Builder request, String method, URI uri) {}

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
