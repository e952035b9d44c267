package dev.oktair.http;

import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;

/**
 * A call failed in a way retries did not fix, or was refused before it was sent: no answer, an
 * outcome that is unknown, or a URL or paging link off the API's origin. {@link HttpApiException}
 * is the subclass for an error answer. Messages name the method and path, never a credential.
 */
public class HttpException extends OktaIrException {
  private static final long serialVersionUID = 1L;

  /** Creates a failure of {@code kind} with a user-facing {@code message}. */
  public HttpException(Kind kind, String message) {
    super(kind, message);
  }

  /** Creates a failure of {@code kind} with a user-facing {@code message} and its cause. */
  public HttpException(Kind kind, String message, Throwable cause) {
    super(kind, message, cause);
  }
}
