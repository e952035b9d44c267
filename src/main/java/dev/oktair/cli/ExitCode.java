package dev.oktair.cli;

/** The process exit codes of okta-ir, documented in README.md; the one place they are defined. */
public enum ExitCode {
  /** Success. */
  OK(0),
  /** Unexpected internal error: a bug; the stack trace is printed with --verbose. */
  INTERNAL(1),
  /** Usage or invalid input: bad flag, bad filter expression, bad rule file, no such case. */
  USAGE(2),
  /** Configuration or credentials problem: missing org URL, 401 or 403. */
  CONFIG(3),
  /** Remote API failure after retries (Okta or a service provider). */
  REMOTE(4),
  /** Containment partially applied; the journal says what was and was not done. */
  PARTIAL(5),
  /** Completed, but some input was rejected (quarantined; the summary says where). */
  INPUT_REJECTED(6),
  /** Evidence verification failed: an evidence file was changed, added or removed. */
  EVIDENCE_MISMATCH(7),
  /** Findings at or above --fail-on (opt-in). */
  FINDINGS(10);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /** Returns the constant for a numeric exit code; {@link #INTERNAL} for one okta-ir never uses. */
  public static ExitCode of(int code) {
    for (ExitCode candidate : values()) {
      if (candidate.code == code) {
        return candidate;
      }
    }
    return INTERNAL;
  }

  /** Returns the numeric process exit code. */
  public int code() {
    return code;
  }
}
