package dev.oktair.okta;

import dev.oktair.errors.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Okta answered a request with an error status (after retries, for those that are retried). It
 * carries Okta's error object ({@code errorCode}, {@code errorSummary}, {@code errorId}; or the
 * OAuth {@code error}/{@code error_description} of the token endpoint) and the
 * {@code X-Okta-Request-Id}, never a credential. The message adds what to fix for 401 and 403.
 */
public final class OktaApiException extends OktaException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String method;
  private final String path;
  private final String errorCode;
  private final String summary;
  private final String errorId;
  private final String requestId;
  private final transient Map<String, List<String>> headers;

  OktaApiException(
      String message, int status, String method, String path, String errorCode, String summary,
      String errorId, String requestId, Map<String, List<String>> headers, Throwable cause) {
    // A 401 or 403 is fixed by the configuration (credentials, scopes), not by trying again later.
    super(status == 401 || status == 403 ? Kind.CONFIG : Kind.REMOTE, message, cause);
    this.status = status;
    this.method = Objects.requireNonNull(method, "method");
    this.path = Objects.requireNonNull(path, "path");
    this.errorCode = errorCode;
    this.summary = summary;
    this.errorId = errorId;
    this.requestId = requestId;
    this.headers = Map.copyOf(headers);
  }

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }

  /** Returns the request's method. */
  public String method() {
    return method;
  }

  /** Returns the request's path (with its query, which never holds credentials). */
  public String path() {
    return path;
  }

  /** Returns Okta's {@code errorCode} (E0000...) or the OAuth {@code error}, or null. */
  public String errorCode() {
    return errorCode;
  }

  /** Returns Okta's {@code errorSummary} or the OAuth {@code error_description}, or null. */
  public String summary() {
    return summary;
  }

  /** Returns Okta's {@code errorId}, or null. */
  public String errorId() {
    return errorId;
  }

  /** Returns the response's {@code X-Okta-Request-Id}, or null. */
  public String requestId() {
    return requestId;
  }

  /** Returns the first value of a response header (case-insensitive), or null. */
  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  public boolean isNotFound() {
    return status == 404;
  }

  public boolean isUnauthorized() {
    return status == 401;
  }

  public boolean isForbidden() {
    return status == 403;
  }

  public boolean isRateLimited() {
    return status == 429;
  }

  /** Returns true for 401 and 403: the credentials or their grants must be fixed. */
  public boolean isCredentialProblem() {
    return isUnauthorized() || isForbidden();
  }

  /** Returns true when the error is a server failure (5xx). */
  public boolean isServerError() {
    return status >= 500;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "OktaApiException[%d %s %s %s]", status, method, path, errorCode);
  }
}
