package dev.oktair.sim.sp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every request the fake SPs received, in arrival order, with the same fields as the Okta
 * simulator's journal plus {@code service}, so both can be merged into one JSONL. Never holds
 * credentials or bodies. Thread-safe.
 */
public final class SpJournal {
  private final List<Entry> entries = new ArrayList<>();
  private java.util.function.Consumer<Entry> tap = e -> {};

  SpJournal() {}

  synchronized void record(Entry entry) {
    entries.add(entry);
    tap.accept(entry);
  }

  /** Hands every later request to {@code listener} too (e.g. to write them beside the Okta journal). */
  public synchronized void tap(java.util.function.Consumer<Entry> listener) {
    this.tap = java.util.Objects.requireNonNull(listener, "listener");
  }

  /** Returns a snapshot of every request so far. */
  public synchronized List<Entry> requests() {
    return List.copyOf(entries);
  }

  /** Returns a snapshot of the requests one fake received ({@code graph}, {@code google}, ...). */
  public synchronized List<Entry> requests(String service) {
    return entries.stream().filter(e -> e.service().equals(service)).toList();
  }

  /** Forgets every request so far. */
  public synchronized void clear() {
    entries.clear();
  }

  /**
   * One request.
   *
   * @param time the fakes' clock when it arrived
   * @param method the HTTP method
   * @param path the decoded path
   * @param query the raw query string, or null
   * @param status the status sent
   * @param requestId the request id sent back
   * @param service which fake: graph, google, salesforce, aws, slack or github
   */
  public record Entry(Instant time, String method, String path, String query, int status, String requestId, String service) {
    public Entry {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(service, "service");
    }

    /** Returns the entry as one JSONL object (time, method, path, query, status, requestId, service). */
    public ObjectNode toJson() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("time", time.toString()).put("method", method).put("path", path).put("query", query)
          .put("status", status).put("requestId", requestId).put("service", service);
      return o;
    }

    /** Returns e.g. {@code graph POST /v1.0/users/x/revokeSignInSessions -> 200}. */
    @Override
    public String toString() {
      return service + " " + method + " " + path + (query == null ? "" : "?" + query) + " -> " + status;
    }
  }
}
