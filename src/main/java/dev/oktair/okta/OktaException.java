package dev.oktair.okta;

/**
 * Talking to Okta failed in a way retries did not fix: no answer, a malformed answer, or a next
 * link to another origin. Subclasses: {@link OktaApiException} (Okta answered with an error)
 * and {@link OktaConfigException} (the configuration or the credentials must be fixed). Messages
 * never contain credentials.
 */
public class OktaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OktaException(String message) {
    super(message);
  }

  public OktaException(String message, Throwable cause) {
    super(message, cause);
  }
}
