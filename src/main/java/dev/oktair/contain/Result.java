package dev.oktair.contain;

import java.util.List;
import java.util.Objects;

/**
 * What an apply (or an undo) did, action by action. Immutable.
 *
 * @param steps one per planned action, in plan order
 */
public record Result(List<Step> steps) {
  public Result {
    steps = List.copyOf(steps);
  }

  /** Returns true when every action is done (now, earlier, or found done). */
  public boolean complete() {
    return steps.stream().allMatch(s -> s.state().done());
  }

  /** Returns the steps in {@code state}. */
  public List<Step> in(State state) {
    return steps.stream().filter(s -> s.state() == state).toList();
  }

  /** How one action ended in this run. */
  public enum State {
    DONE(true, "done"),
    ALREADY_DONE(true, "already done (read back)"),
    DONE_EARLIER(true, "done in an earlier run"),
    FAILED(false, "FAILED"),
    NOT_RUN(false, "not run");

    private final boolean done;
    private final String label;

    State(boolean done, String label) {
      this.done = done;
      this.label = label;
    }

    /** Returns true when the action needs nothing more. */
    public boolean done() {
      return done;
    }

    /** Returns a few words for the summary. */
    public String label() {
      return label;
    }
  }

  /**
   * One action's end.
   *
   * @param entry the planned action
   * @param state how it ended
   * @param detail why, in one line
   * @param verification for an SP step done in this run: {@code requested}, {@code verified} or
   *     {@code already-done}; else null
   */
  public record Step(Plan.Entry entry, State state, String detail, String verification) {
    public Step {
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(detail, "detail");
    }

    /** Returns a step with no SP verification. */
    public Step(Plan.Entry entry, State state, String detail) {
      this(entry, state, detail, null);
    }
  }

  /** Returns the SP steps done in this run whose effect is {@code verification} ({@code requested}, ...). */
  public List<Step> downstream(String verification) {
    return steps.stream().filter(s -> verification.equals(s.verification())).toList();
  }
}
