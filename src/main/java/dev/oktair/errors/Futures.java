package dev.oktair.errors;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Unwraps a future's failure so callers see the exception the task threw. */
public final class Futures {
  private Futures() {}

  /** Returns the task's result, or throws what it threw (unchecked as it was; a checked one wrapped). */
  public static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
