package dev.oktair.collect;

/** What the analyst asked cannot be collected as asked (unknown user, window too old); the message says why. */
public final class CollectException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CollectException(String message) {
    super(message);
  }

  public CollectException(String message, Throwable cause) {
    super(message, cause);
  }
}
