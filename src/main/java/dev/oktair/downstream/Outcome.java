package dev.oktair.downstream;

import java.util.Objects;

/**
 * What one downstream step did. "Requested" and "verified" are kept apart because most SPs accept
 * a revocation at once and apply it later (Graph always answers true).
 *
 * @param status what is known
 * @param detail one line for the journal and the report (no secrets)
 * @param requestId the SP's request id where it gives one, else null
 */
public record Outcome(Status status, String detail, String requestId) {
  public Outcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }

  /** How far a step got. */
  public enum Status {
    /** Nothing was sent (dry run). */
    DRY_RUN,
    /** The SP accepted the request; its effect is not checked. */
    REQUESTED,
    /** The SP accepted it and a read-back shows the effect. */
    VERIFIED,
    /** Nothing to do: the read-back showed it already done (e.g. no sessions, no tokens). */
    ALREADY_DONE,
    /** The SP refused or failed; {@code detail} says why. */
    FAILED
  }

  /** Returns true when the step needs no further attempt. */
  public boolean done() {
    return status == Status.REQUESTED || status == Status.VERIFIED || status == Status.ALREADY_DONE;
  }
}
