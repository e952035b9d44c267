package dev.oktair.http;

import java.util.Locale;
import java.util.Objects;

/**
 * One request to send: method, a path on the API's origin (or a full URL, which must be on it),
 * an optional body, and how it may be treated. GET, HEAD, PUT, DELETE and OPTIONS are idempotent
 * and retried after any failure that retries can fix; POST and PATCH are re-sent only when the
 * server certainly did not act on them, unless marked {@link #readOnly()}. Immutable.
 *
 * @param method the HTTP method, upper case
 * @param pathOrUrl a path such as {@code /api/v1/users/x} (with its query), or a URL on the origin
 * @param body the body bytes, or null for none
 * @param contentType the body's media type, or null for none
 * @param readOnly true when the request changes nothing although its method could (a token
 *     request): allowed in dry-run and safe to repeat
 * @param authorizer the credentials for this call, or null for the API's own
 */
public record Call(String method, String pathOrUrl, byte[] body, String contentType, boolean readOnly, Authorizer authorizer) {
  public Call {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathOrUrl, "pathOrUrl");
    method = method.toUpperCase(Locale.ROOT);
    if (body != null && contentType == null) {
      throw new IllegalArgumentException("a body needs a content type: " + method + " " + pathOrUrl);
    }
  }

  /** Returns a GET of {@code pathOrUrl}. */
  public static Call get(String pathOrUrl) {
    return new Call("GET", pathOrUrl, null, null, false, null);
  }

  /** Returns {@code method pathOrUrl} with a JSON body (null for none). */
  public static Call json(String method, String pathOrUrl, byte[] json) {
    return new Call(method, pathOrUrl, json, json == null ? null : "application/json", false, null);
  }

  /** Returns this call marked as changing nothing (allowed in dry-run, safe to repeat). */
  public Call asReadOnly() {
    return new Call(method, pathOrUrl, body, contentType, true, authorizer);
  }

  /** Returns this call with its own credentials instead of the API's. */
  public Call with(Authorizer auth) {
    return new Call(method, pathOrUrl, body, contentType, readOnly, Objects.requireNonNull(auth, "auth"));
  }

  /** Returns true when sending this twice has the same effect as sending it once. */
  public boolean idempotent() {
    return readOnly || switch (method) {
      case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
      default -> false;
    };
  }

  /** Returns true when a dry-run API may send it: GET and HEAD, or a call marked read-only. */
  public boolean sendableInDryRun() {
    return readOnly || method.equals("GET") || method.equals("HEAD");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Call c && c.method.equals(method) && c.pathOrUrl.equals(pathOrUrl)
        && java.util.Arrays.equals(c.body, body) && Objects.equals(c.contentType, contentType)
        && c.readOnly == readOnly && Objects.equals(c.authorizer, authorizer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, pathOrUrl, java.util.Arrays.hashCode(body), contentType, readOnly);
  }

  @Override
  public String toString() {
    return method + " " + pathOrUrl + (body == null ? "" : " (" + body.length + " bytes)");
  }
}
