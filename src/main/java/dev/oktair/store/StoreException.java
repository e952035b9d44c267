package dev.oktair.store;

import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;

/**
 * The case database cannot do what was asked, for a reason the analyst can act on: evidence
 * changed under a loaded file ({@link Kind#EVIDENCE}: verify it, then rebuild), SQL that is not a
 * read-only query or an export target that exists ({@link Kind#USAGE}); the message says what to do.
 */
public final class StoreException extends OktaIrException {
  private static final long serialVersionUID = 1L;
  private final boolean rebuild;

  StoreException(Kind kind, String message) {
    this(kind, message, null, false);
  }

  private StoreException(Kind kind, String message, Throwable cause, boolean rebuild) {
    super(kind, message, cause);
    this.rebuild = rebuild;
  }

  static StoreException invalid(String message) {
    return new StoreException(Kind.USAGE, message);
  }

  StoreException(Kind kind, String message, Throwable cause) {
    this(kind, message, cause, false);
  }

  /** Returns a failure that rebuilding the case database from the evidence resolves. */
  static StoreException rebuild(Kind kind, String message) {
    return new StoreException(kind, message, null, true);
  }

  /** Returns true when rebuilding the case database from the (verified) evidence resolves this. */
  public boolean needsRebuild() {
    return rebuild;
  }
}
