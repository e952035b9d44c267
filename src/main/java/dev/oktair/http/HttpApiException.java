package dev.oktair.http;

import dev.oktair.errors.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The server answered with an error status (after the retries that were safe). Carries the
 * status, the method and path, the body with every known secret masked, the headers and the
 * request id. Its kind is {@link Kind#CONFIG} for 401 and 403 (credentials or grants must be
 * fixed) and {@link Kind#REMOTE} otherwise. Immutable.
 */
public final class HttpApiException extends HttpException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String method;
  private final String path;
  private final String body;
  private final String requestId;
  private final transient Map<String, List<String>> headers;

  HttpApiException(int status, String method, String path, String maskedBody, String requestId,
      Map<String, List<String>> headers) {
    super(status == 401 || status == 403 ? Kind.CONFIG : Kind.REMOTE,
        "the server answered " + status + " to " + method + " " + path
            + (requestId == null ? "" : " (request " + requestId + ")"));
    this.status = status;
    this.method = Objects.requireNonNull(method, "method");
    this.path = Objects.requireNonNull(path, "path");
    this.body = maskedBody == null ? "" : maskedBody;
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

  /** Returns the request's path with its query. */
  public String path() {
    return path;
  }

  /** Returns the response body as text, every known secret replaced by {@code <masked>}. */
  public String body() {
    return body;
  }

  /** Returns the server's request id for this answer, or null. */
  public String requestId() {
    return requestId;
  }

  /** Returns the first value of a response header (case-insensitive), or null. */
  public String header(String name) {
    return Headers.first(headers, name);
  }

  /** Returns every response header. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "HttpApiException[%d %s %s]", status, method, path);
  }
}
