package dev.oktair.evidence;

import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;

/**
 * A case directory or its evidence is not in a usable state; the message says what to do. Of
 * kind {@link Kind#EVIDENCE} (the evidence does not match its manifest) unless given another.
 */
public final class EvidenceException extends OktaIrException {
  private static final long serialVersionUID = 1L;

  /** Creates a failure of the evidence. */
  public EvidenceException(String message) {
    super(Kind.EVIDENCE, message);
  }

  /** Creates a failure of the evidence with its cause. */
  public EvidenceException(String message, Throwable cause) {
    super(Kind.EVIDENCE, message, cause);
  }

  /** Creates a failure of {@code kind} (USAGE: there is no case). */
  public EvidenceException(Kind kind, String message) {
    super(kind, message);
  }
}
