package dev.oktair.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Collection;
import java.util.List;

/**
 * Puts credentials on requests; the API only ever calls it for its own origin, so a credential
 * never leaves it. Implementations must be thread-safe.
 */
public interface Authorizer {
  /** Adds the credential headers for {@code method uri}; called once per attempt. */
  void authorize(HttpRequest.Builder request, String method, URI uri) throws InterruptedException;

  /** Drops cached credentials after a 401; returns true when one more attempt may then succeed. */
  default boolean renewAfterUnauthorized() {
    return false;
  }

  /** Returns the secrets to mask in anything the server sends back (bodies quoted in errors). */
  default Collection<Secret> secrets() {
    return List.of();
  }

  /** The authorizer that adds nothing (public endpoints, or a body that carries the credential). */
  Authorizer NONE = (request, method, uri) -> { };
}
