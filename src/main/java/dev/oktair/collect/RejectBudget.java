package dev.oktair.collect;

import dev.oktair.errors.Kind;
import java.nio.file.Path;

/**
 * The bound on what a collection quarantines, so that a server sending nothing but rejects can
 * neither keep a collection going forever nor fill the disk: at most {@link Collector#MAX_REJECTED}
 * rejected events and {@link Collector#MAX_REJECT_BYTES} bytes of quarantine lines. Thread-safe.
 */
final class RejectBudget {
  private final long maxEvents;
  private final long maxBytes;
  private final Path where;
  private long events;
  private long bytes;

  RejectBudget(long maxEvents, long maxBytes, long events, long bytes, Path where) {
    this.maxEvents = maxEvents;
    this.maxBytes = maxBytes;
    this.events = events;
    this.bytes = bytes;
    this.where = where;
  }

  /**
   * Takes {@code count} more rejects of {@code size} bytes, before they are written.
   *
   * @throws CollectException of kind REMOTE when they would go over the bound; nothing is taken
   */
  synchronized void take(long count, long size) {
    if (count == 0) {
      return;
    }
    if (events + count > maxEvents || bytes + size > maxBytes) {
      throw new CollectException(Kind.REMOTE, "stopped: the server sent more than " + maxEvents + " events (or "
          + (maxBytes >> 20) + " MiB) that are not System Log evidence (" + events + " rejected so far, kept in "
          + where + "); this is not how Okta answers: check the org URL and any proxy in between", null);
    }
    events += count;
    bytes += size;
  }

  synchronized long events() {
    return events;
  }
}
