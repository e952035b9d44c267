package dev.oktair.okta;

import dev.oktair.events.LogEvent;
import dev.oktair.events.RejectedLine;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One page of the System Log.
 *
 * @param url the URL this page was fetched from
 * @param events the events, each with the exact bytes Okta sent, in Okta's order
 * @param rejected the page's elements that are not evidence (not read the one way every reader of
 *     the case reads, or not a System Log event), each with its 1-based position in the page as
 *     its line and the page's URL as its source; in page order
 * @param next the {@code rel="next"} URL (always on the org's origin), or null at the end of a
 *     bounded query
 * @param requestId the response's {@code X-Okta-Request-Id}, or null
 */
public record LogPage(URI url, List<LogEvent> events, List<RejectedLine> rejected, URI next, String requestId) {
  public LogPage {
    Objects.requireNonNull(url, "url");
    events = List.copyOf(events);
    rejected = List.copyOf(rejected);
  }

  /** Returns a page none of whose elements was rejected. */
  public LogPage(URI url, List<LogEvent> events, URI next, String requestId) {
    this(url, events, List.of(), next, requestId);
  }

  /** Returns true when this page has no elements at all (neither events nor rejects). */
  public boolean isEmpty() {
    return events.isEmpty() && rejected.isEmpty();
  }
}
