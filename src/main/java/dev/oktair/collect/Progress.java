package dev.oktair.collect;

/**
 * Hears how a collection advances, for a progress bar or plain lines; called from the collecting
 * threads one at a time (never concurrently).
 */
public interface Progress {
  /** A collection starts (or resumes, with what the checkpoints already hold). */
  void started(int slices, boolean resumed, long eventsSoFar);

  /**
   * A page was saved.
   *
   * @param events events saved so far, in all slices
   * @param pages pages saved so far
   * @param fraction how much of the window is covered, 0 to 1 (unknown for follow: -1)
   */
  void advanced(long events, long pages, double fraction);

  /** A warning or a note for the analyst. */
  void note(String message);

  /** Returns a listener that ignores everything. */
  static Progress silent() {
    return new Progress() {
      @Override
      public void started(int slices, boolean resumed, long eventsSoFar) {}

      @Override
      public void advanced(long events, long pages, double fraction) {}

      @Override
      public void note(String message) {}
    };
  }
}
