package dev.oktair.contain;

import java.util.Objects;

/**
 * What a read-back of the tenant says about an action.
 *
 * @param state done already, still to do, or impossible now
 * @param detail why, in one line
 */
public record Check(State state, String detail) {
  public Check {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(detail, "detail");
  }

  /** The three answers of a read-back. */
  public enum State {
    /** The tenant already shows the effect: nothing to send. */
    DONE,
    /** The tenant does not show the effect: the call is needed. */
    TODO,
    /** The call cannot succeed now (precondition unmet); {@code detail} says why. */
    BLOCKED
  }

  static Check done(String detail) {
    return new Check(State.DONE, detail);
  }

  static Check todo(String detail) {
    return new Check(State.TODO, detail);
  }

  static Check blocked(String detail) {
    return new Check(State.BLOCKED, detail);
  }
}
