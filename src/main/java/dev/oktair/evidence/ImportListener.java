package dev.oktair.evidence;

import dev.oktair.events.RejectedLine;

/**
 * Hears about the problems of an import as they happen, so a command can report them while it
 * runs. Every method does nothing unless overridden. Called on the importing thread.
 */
public interface ImportListener {
  /** An input file is about to be read; {@code bytes} is its size on disk. */
  default void started(String file, long bytes) {}

  /** {@code events} events of {@code file} are in so far; called every {@link #PROGRESS_EVERY}. */
  default void progress(String file, long events) {}

  /** How many events pass between two {@link #progress} calls. */
  long PROGRESS_EVERY = 250_000;

  /** A line of an input file was rejected (and quarantined). */
  default void rejected(RejectedLine line) {}

  /**
   * An input file could not be read, or not to its end ({@code message} says which and where);
   * events read before the failure are kept.
   */
  default void unreadable(String file, String message) {}

  /** An input's SHA-256 is already in the manifest, sealed as {@code evidence}: it is skipped. */
  default void alreadyImported(String file, String evidence) {}

  /** An event has the uuid of an earlier one but different bytes; both are kept. */
  default void uuidCollision(String file, long line, String uuid) {}
}
