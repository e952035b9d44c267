package dev.oktair.errors;

/**
 * What kind of failure ended a command. The command line maps each kind to one exit code (in one
 * place); packages only choose the kind, so new failures need no change to the mapping.
 */
public enum Kind {
  /** The user's input is wrong: a bad option value, expression, file or case. */
  USAGE,
  /** Configuration or credentials: a missing org URL, an invalid key, a 401 or 403. */
  CONFIG,
  /** A remote API (Okta or a service provider) failed after the retries that were safe. */
  REMOTE,
  /** Containment was applied only in part; the journal says what was and was not done. */
  PARTIAL,
  /** The work completed but some input was rejected (quarantined). */
  REJECTED_INPUT,
  /** The evidence does not match its manifest, or derived data does not match the evidence. */
  EVIDENCE,
  /** Findings at or above the threshold the user asked to fail on. */
  FINDINGS,
  /** A local file-system problem (disk full, permission denied, read-only): not a bug. */
  IO,
  /** The user interrupted the command (Ctrl-C); re-running resumes where that is supported. */
  INTERRUPTED,
  /** Another okta-ir process holds the case. */
  BUSY,
  /** A bug. */
  INTERNAL
}
