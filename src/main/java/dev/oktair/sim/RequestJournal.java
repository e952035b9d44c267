package dev.oktair.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every request the simulator received, in arrival order: what tests assert on ("dry-run sent
 * zero mutating requests", "sessions were cleared before the user was suspended"). Never holds
 * credentials. Thread-safe.
 */
public final class RequestJournal {
  private final List<Entry> entries = new ArrayList<>();

  RequestJournal() {}

  synchronized void record(Entry entry) {
    entries.add(entry);
  }

  /** Returns a snapshot of every request received so far. */
  public synchronized List<Entry> requests() {
    return List.copyOf(entries);
  }

  /** Returns a snapshot of the requests that asked to change tenant state (whatever their status). */
  public synchronized List<Entry> mutating() {
    return entries.stream().filter(Entry::mutating).toList();
  }

  /** Forgets every request received so far. */
  public synchronized void clear() {
    entries.clear();
  }

  /**
   * One request.
   *
   * @param time the simulator clock when it arrived
   * @param method the HTTP method
   * @param path the decoded path
   * @param query the raw query string, or null
   * @param status the status sent, or 0 when the connection was dropped (reset fault)
   * @param mutating true for a POST, PUT or DELETE to the Management API ({@code /api/...})
   * @param requestId the {@code X-Okta-Request-Id} sent back
   */
  public record Entry(
      Instant time, String method, String path, String query, int status, boolean mutating, String requestId) {
    public Entry {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
    }

    /** Returns e.g. {@code DELETE /api/v1/users/00u1/sessions?oauthTokens=true -> 204}. */
    @Override
    public String toString() {
      return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status;
    }
  }
}
