package dev.oktair.http;

import java.util.List;
import java.util.Objects;

/**
 * A change sent to a remote API and what is known of its outcome. When a call that is not safe to
 * repeat gets no clear answer (a timeout, a reset, a 5xx from something in between), the server
 * may or may not have acted; the caller's {@link AlreadyDone} check re-reads the state to tell,
 * and only a check that says "not done" lets the call be sent again.
 */
public final class Mutation {
  private Mutation() {}

  /** Re-reads the remote state: did the change already take effect? Called only after an ambiguous failure. */
  @FunctionalInterface
  public interface AlreadyDone {
    /**
     * Returns true when the change is in effect, false when it certainly is not.
     *
     * @throws RuntimeException when the state cannot be read: the outcome stays unknown
     */
    boolean check();
  }

  /** What is known of a mutation's outcome. */
  public enum State {
    /** The server answered 2xx: done. */
    DONE,
    /** No clear answer; the check found the change in effect: done, not sent again. */
    UNKNOWN_CHECKED_DONE,
    /** No clear answer; the check found it not in effect, and the retry budget ran out: not done. */
    UNKNOWN_CHECKED_NOT_DONE,
    /** No clear answer and no check (or the check failed): it may or may not have taken effect. */
    UNKNOWN_UNCHECKED,
    /** The server answered with an error, or no request got through: not done. */
    FAILED,
    /** A dry-run API did not send it. */
    DRY_RUN;

    /** Returns true when the change is known to be in effect. */
    public boolean tookEffect() {
      return this == DONE || this == UNKNOWN_CHECKED_DONE;
    }
  }

  /**
   * The outcome of one mutation.
   *
   * @param state what is known
   * @param response the 2xx answer (DONE) or the dry-run stand-in (DRY_RUN); null otherwise
   * @param failure why it is not known to be done (every state but DONE, UNKNOWN_CHECKED_DONE and
   *     DRY_RUN); null otherwise
   * @param sends how many times the request went out on the wire (0 for DRY_RUN)
   * @param history one line per ambiguous failure and check, in order, for the journal
   */
  public record Result(State state, HttpResult response, RuntimeException failure, int sends, List<String> history) {
    public Result {
      Objects.requireNonNull(state, "state");
      history = List.copyOf(history);
      boolean answered = state == State.DONE || state == State.DRY_RUN;
      if (answered != (response != null)) {
        throw new IllegalArgumentException(state + " must " + (answered ? "" : "not ") + "carry a response");
      }
      boolean failed = !answered && state != State.UNKNOWN_CHECKED_DONE;
      if (failed != (failure != null)) {
        throw new IllegalArgumentException(state + " must " + (failed ? "" : "not ") + "carry a failure");
      }
      if (sends < 0) {
        throw new IllegalArgumentException("sends must not be negative: " + sends);
      }
    }

    /**
     * Returns the answer (2xx or the dry-run stand-in; null for UNKNOWN_CHECKED_DONE, whose
     * answer was lost), or throws the failure when the change is not known to be done.
     */
    public HttpResult orThrow() {
      if (failure != null) {
        throw failure;
      }
      return response;
    }
  }
}
