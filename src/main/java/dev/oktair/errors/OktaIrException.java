package dev.oktair.errors;

import java.util.Objects;

/**
 * The base of every failure okta-ir reports to a user: a message that says what went wrong and
 * what to do (never a CLI flag name from a domain package, never a secret), and a {@link Kind}
 * the command line maps to an exit code. Packages extend it or throw it directly.
 */
public class OktaIrException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final Kind kind;

  /** Creates a failure of {@code kind} with a user-facing {@code message}. */
  public OktaIrException(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** Creates a failure of {@code kind} with a user-facing {@code message} and its cause. */
  public OktaIrException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** Returns what kind of failure this is. */
  public Kind kind() {
    return kind;
  }
}
