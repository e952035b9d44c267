package dev.oktair.downstream;

/** The kinds of revocation a connector may offer at a service provider. */
public enum Step {
  /** Kill the user's web sessions at the SP (sign-in cookies). */
  SESSIONS,
  /** Revoke the user's OAuth tokens, grants, app passwords or credential authorisations at the SP. */
  TOKENS,
  /** Block further sign-in at the SP itself (e.g. Entra accountEnabled=false, Salesforce freeze); opt-in. */
  DISABLE
}
