package dev.oktair.evidence;

/** A case directory or its evidence is not in a usable state; the message says what to do. */
public final class EvidenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EvidenceException(String message) {
    super(message);
  }

  public EvidenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
