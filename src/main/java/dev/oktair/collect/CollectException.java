package dev.oktair.collect;

import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;

/**
 * What the analyst asked cannot be collected as asked (unknown user, window too old: {@link
 * Kind#USAGE}), or the collection could not finish (interrupted, a broken answer); the message
 * says why and what to do.
 */
public final class CollectException extends OktaIrException {
  private static final long serialVersionUID = 1L;

  /** Creates a usage failure: the request cannot be collected as asked. */
  public CollectException(String message) {
    super(Kind.USAGE, message);
  }

  /** Creates a usage failure with its cause. */
  public CollectException(String message, Throwable cause) {
    super(Kind.USAGE, message, cause);
  }

  /** Creates a failure of {@code kind} with its cause (or null). */
  public CollectException(Kind kind, String message, Throwable cause) {
    super(kind, message, cause);
  }
}
