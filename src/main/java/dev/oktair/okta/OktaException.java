package dev.oktair.okta;

import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;

/**
 * Talking to Okta failed in a way retries did not fix: no answer, a malformed answer, or a next
 * link to another origin. Subclasses: {@link OktaApiException} (Okta answered with an error)
 * and {@link OktaConfigException} (the configuration or the credentials must be fixed). Messages
 * never contain credentials. Of kind {@link Kind#REMOTE} unless a subclass says otherwise.
 */
public class OktaException extends OktaIrException {
  private static final long serialVersionUID = 1L;

  /** Creates a remote failure. */
  public OktaException(String message) {
    super(Kind.REMOTE, message);
  }

  /** Creates a remote failure with its cause. */
  public OktaException(String message, Throwable cause) {
    super(Kind.REMOTE, message, cause);
  }

  /** Creates a failure of {@code kind}, with its cause (or null). */
  OktaException(Kind kind, String message, Throwable cause) {
    super(kind, message, cause);
  }
}
