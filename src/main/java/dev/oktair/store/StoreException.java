package dev.oktair.store;

/**
 * The case database cannot do what was asked, for a reason the analyst can act on (evidence
 * changed under a loaded file, SQL that is not a read-only query, an export target that exists);
 * the message says what to do.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, so callers can map it to an exit code. */
  public enum Kind {
    /** The evidence no longer matches what was loaded: verify it, then rebuild. */
    EVIDENCE_CHANGED,
    /** The request is not acceptable: rejected SQL, a bad option, an existing target. */
    INVALID_REQUEST
  }

  private final Kind kind;

  StoreException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  StoreException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  static StoreException invalid(String message) {
    return new StoreException(Kind.INVALID_REQUEST, message);
  }

  /** Returns what went wrong. */
  public Kind kind() {
    return kind;
  }
}
