package dev.oktair.okta;

import java.util.Locale;

/** How okta-ir authenticates to the Management API, named as Okta's SDKs name it. */
public enum AuthMode {
  /** An SSWS API token ({@code Authorization: SSWS <token>}). */
  SSWS("SSWS"),
  /** An OAuth 2.0 service app: client credentials with a private-key JWT, DPoP when required. */
  PRIVATE_KEY("PrivateKey");

  private final String wireName;

  AuthMode(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the name used in flags, environment and okta.yaml ({@code SSWS}, {@code PrivateKey}). */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the mode named {@code text}, case-insensitively ({@code SSWS}, {@code PrivateKey}).
   *
   * @throws OktaConfigException naming the accepted values
   */
  public static AuthMode parse(String text, String from) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "");
    for (AuthMode mode : values()) {
      if (mode.wireName.toLowerCase(Locale.ROOT).equals(t)) {
        return mode;
      }
    }
    throw new OktaConfigException(
        "unknown authorization mode '" + text + "' in " + from + ": use SSWS or PrivateKey");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
