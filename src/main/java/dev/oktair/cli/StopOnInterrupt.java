package dev.oktair.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Ctrl-C (SIGINT, SIGTERM) into a request to stop: the JVM's shutdown hook raises the flag,
 * then holds the exit until the command has finished what it must (seal, print its summary, record
 * the run in the case) and closed this, for at most 30 seconds. Get it from
 * {@link BaseCommand#stopOnInterrupt()}, which closes it last.
 */
final class StopOnInterrupt implements AutoCloseable {
  private final AtomicBoolean requested = new AtomicBoolean();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  private StopOnInterrupt() {
    this.hook = new Thread(() -> {
      requested.set(true);
      try {
        finished.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "okta-ir-stop");
  }

  /** Installs the hook; close it when the work is done. */
  static StopOnInterrupt install() {
    StopOnInterrupt s = new StopOnInterrupt();
    Runtime.getRuntime().addShutdownHook(s.hook);
    return s;
  }

  /** Returns true once the user asked to stop. */
  boolean requested() {
    return requested.get();
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting because of Ctrl-C: the hook is running and now returns
    }
  }
}
