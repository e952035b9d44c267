package dev.oktair.sim;

import java.util.List;

/**
 * An Okta Management API error: HTTP status plus the {@code errorCode}, {@code errorSummary} and
 * {@code errorCauses} Okta sends. Thrown by routes, turned into the response by the dispatcher.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String errorCode;
  private final transient List<String> causes;

  ApiException(int status, String errorCode, String summary, List<String> causes) {
    super(summary, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
    this.causes = List.copyOf(causes);
  }

  int status() {
    return status;
  }

  String errorCode() {
    return errorCode;
  }

  String summary() {
    return getMessage();
  }

  List<String> causes() {
    return causes;
  }

  /** 404 E0000007, e.g. {@code Not found: Resource not found: 00u1 (User)}. */
  static ApiException notFound(String id, String type) {
    return new ApiException(404, "E0000007", "Not found: Resource not found: " + id + " (" + type + ")", List.of());
  }

  /** 400 E0000001 {@code Api validation failed: <what>} with one cause per reason. */
  static ApiException validation(String what, String... causes) {
    return new ApiException(400, "E0000001", "Api validation failed: " + what, List.of(causes));
  }

  /** 400 E0000053 {@code Invalid parameter: <text>}. */
  static ApiException invalidParameter(String text) {
    return new ApiException(400, "E0000053", "Invalid parameter: " + text, List.of());
  }

  /** 401 E0000011. */
  static ApiException invalidToken() {
    return new ApiException(401, "E0000011", "Invalid token provided", List.of());
  }

  /** 403 E0000006. */
  static ApiException forbidden() {
    return new ApiException(
        403, "E0000006", "You do not have permission to perform the requested action", List.of());
  }

  /** 405 E0000022. */
  static ApiException methodNotAllowed() {
    return new ApiException(
        405, "E0000022", "The endpoint does not support the provided HTTP method", List.of());
  }

  /** 429 E0000047. */
  static ApiException rateLimited() {
    return new ApiException(
        429, "E0000047", "API call exceeded rate limit due to too many requests.", List.of());
  }

  /** 500 E0000009 or 503 E0000010, as Okta sends them. */
  static ApiException serverError(int status) {
    return status == 503
        ? new ApiException(503, "E0000010", "Service is in read only mode", List.of())
        : new ApiException(500, "E0000009", "Internal Server Error", List.of());
  }
}
