package dev.oktair.okta;

/**
 * The Okta configuration or the credentials are wrong or missing; the message says what to fix
 * (which flag, variable or okta.yaml key; which scope to grant).
 */
public final class OktaConfigException extends OktaException {
  private static final long serialVersionUID = 1L;

  public OktaConfigException(String message) {
    super(message);
  }

  public OktaConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
