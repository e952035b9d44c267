package dev.oktair.okta;

import dev.oktair.events.LogEvent;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One page of the System Log.
 *
 * @param url the URL this page was fetched from
 * @param events the events, each with the exact bytes Okta sent, in Okta's order
 * @param next the {@code rel="next"} URL (always on the org's origin), or null at the end of a
 *     bounded query
 * @param requestId the response's {@code X-Okta-Request-Id}, or null
 */
public record LogPage(URI url, List<LogEvent> events, URI next, String requestId) {
  public LogPage {
    Objects.requireNonNull(url, "url");
    events = List.copyOf(events);
  }

  /** Returns true when this page has no events. */
  public boolean isEmpty() {
    return events.isEmpty();
  }
}
