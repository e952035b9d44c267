package dev.oktair.cli;

import dev.oktair.errors.Kind;
import java.util.List;

/**
 * The process exit codes of okta-ir, documented in README.md, and which failure {@link Kind}s
 * each stands for: the one place either is defined. A new kind needs one line here.
 */
public enum ExitCode {
  /** Success. */
  OK(0),
  /** Unexpected internal error: a bug; the stack trace is printed with --verbose. */
  INTERNAL(1, Kind.INTERNAL),
  /** Usage or invalid input: bad flag, bad filter expression, bad rule file, no such case; or the case is busy. */
  USAGE(2, Kind.USAGE, Kind.BUSY),
  /** Configuration or credentials problem: missing org URL, 401 or 403. */
  CONFIG(3, Kind.CONFIG),
  /** Remote API failure after retries (Okta or a service provider). */
  REMOTE(4, Kind.REMOTE),
  /** Containment partially applied; the journal says what was and was not done. */
  PARTIAL(5, Kind.PARTIAL),
  /** Completed, but some input was rejected (quarantined; the summary says where). */
  INPUT_REJECTED(6, Kind.REJECTED_INPUT),
  /** Evidence verification failed (a file changed, added or removed, the manifest missing), or the case database no longer matches the evidence or is damaged. */
  EVIDENCE_MISMATCH(7, Kind.EVIDENCE),
  /** A local I/O problem: disk full, permission denied, read-only file system. */
  IO(8, Kind.IO),
  /** Findings at or above --fail-on (opt-in). */
  FINDINGS(10, Kind.FINDINGS),
  /** Interrupted (Ctrl-C); 128 + SIGINT, as shells report it. */
  INTERRUPTED(130, Kind.INTERRUPTED);

  private final int code;
  private final List<Kind> kinds;

  ExitCode(int code, Kind... kinds) {
    this.code = code;
    this.kinds = List.of(kinds);
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

  /** Returns the exit code of a failure of {@code kind}. */
  public static ExitCode of(Kind kind) {
    for (ExitCode candidate : values()) {
      if (candidate.kinds.contains(kind)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no exit code for " + kind); // ExitCodeTest keeps every kind mapped
  }

  /** Returns the failure kind this exit code stands for first; null for {@link #OK}. */
  Kind kind() {
    return kinds.isEmpty() ? null : kinds.get(0);
  }

  /** Returns the numeric process exit code. */
  public int code() {
    return code;
  }
}
