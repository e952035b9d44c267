package dev.oktair.contain;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Unwraps a future's failure so callers see the exception the task threw. */
final class Futures {
  private Futures() {}

  static <T> T get(Future<T> f) {
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
