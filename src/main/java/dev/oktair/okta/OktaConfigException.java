package dev.oktair.okta;

import dev.oktair.errors.Kind;

/**
 * The Okta configuration or the credentials are wrong or missing; the message says what to fix
 * (which flag, variable or okta.yaml key; which scope to grant).
 */
public final class OktaConfigException extends OktaException {
  private static final long serialVersionUID = 1L;

  /** Creates a configuration failure ({@link Kind#CONFIG}). */
  public OktaConfigException(String message) {
    super(Kind.CONFIG, message, null);
  }

  /** Creates a configuration failure ({@link Kind#CONFIG}) with its cause. */
  public OktaConfigException(String message, Throwable cause) {
    super(Kind.CONFIG, message, cause);
  }
}
