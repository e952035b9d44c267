package dev.oktair.sim.scenario;

/**
 * A step that could not be played, with where it sits in its file ({@code /attack/steps/3}), so
 * a scenario file's reader can name the line. Its message is the step's own.
 */
final class StepFailure extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String pointer;

  StepFailure(String pointer, IllegalArgumentException cause) {
    super(cause.getMessage(), cause);
    this.pointer = pointer;
  }

  /** Returns the step's place in the file, e.g. {@code /attack/steps/3}. */
  String pointer() {
    return pointer;
  }

  /** Runs {@code step}, the step at {@code pointer}, naming the pointer when it fails. */
  static void at(String pointer, Runnable step) {
    try {
      step.run();
    } catch (StepFailure e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new StepFailure(pointer, e);
    }
  }
}
