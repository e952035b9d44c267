package dev.oktair.sim;

import dev.oktair.events.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every request the simulator received, in arrival order: what tests assert on ("dry-run sent
 * zero mutating requests", "sessions were cleared before the user was suspended"), and, once
 * {@link #writeTo(Path)} is called, a JSONL file with one line per request ({@code okta-ir
 * simulate --journal}). Never holds credentials: headers are not recorded and secret-looking
 * query parameters are masked. Thread-safe.
 */
public final class RequestJournal {
  private final List<Entry> entries = new ArrayList<>();
  private BufferedWriter file;

  RequestJournal() {}

  synchronized void record(Entry entry) {
    entries.add(entry);
    if (file != null) {
      write(entry);
    }
  }

  /** Returns a snapshot of every request received so far. */
  public synchronized List<Entry> requests() {
    return List.copyOf(entries);
  }

  /** Returns a snapshot of the requests that asked to change tenant state (whatever their status). */
  public synchronized List<Entry> mutating() {
    return entries.stream().filter(Entry::mutating).toList();
  }

  /** Forgets every request received so far (a file being written keeps its lines). */
  public synchronized void clear() {
    entries.clear();
  }

  /**
   * Writes every request received so far, then each later one as it is served, to {@code path}
   * (created or truncated) as JSONL: {@code method, path, query, status, time, requestId,
   * service, mutating}. Each line is flushed before the response is sent.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public synchronized void writeTo(Path path) {
    stopWriting();
    try {
      file = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the request journal " + path + ": " + e.getMessage(), e);
    }
    entries.forEach(this::write);
  }

  /** Appends a line for a request another service of the simulation served (a fake SP), when the file is open. */
  public synchronized void append(ObjectNode line) {
    if (file != null) {
      writeLine(line);
    }
  }

  /** Closes the JSONL file, if one is being written. */
  public synchronized void stopWriting() {
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        // the lines already written were flushed; nothing more to save
      }
      file = null;
    }
  }

  private void write(Entry e) {
    ObjectNode line = Json.MAPPER.createObjectNode();
    line.put("method", e.method());
    line.put("path", e.path());
    line.put("query", e.query());
    line.put("status", e.status());
    line.put("time", Ids.time(e.time()));
    line.put("requestId", e.requestId());
    line.put("service", e.service());
    line.put("mutating", e.mutating());
    writeLine(line);
  }

  private void writeLine(ObjectNode line) {
    try {
      file.write(line.toString());
      file.newLine();
      file.flush();
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot append to the request journal: " + ex.getMessage(), ex);
    }
  }

  /**
   * One request.
   *
   * @param time the simulator clock when it arrived
   * @param method the HTTP method
   * @param path the decoded path
   * @param query the raw query string with secret-looking values masked, or null
   * @param status the status sent, or 0 when the connection was dropped (reset fault)
   * @param mutating true for a POST, PUT or DELETE to the Management API ({@code /api/...})
   * @param requestId the {@code X-Okta-Request-Id} sent back
   * @param service which fake served it: {@code okta}, or a service provider's name
   */
  public record Entry(
      Instant time, String method, String path, String query, int status, boolean mutating, String requestId,
      String service) {
    /** Query parameter names whose values are secrets ({@code access_token}, {@code client_secret}, ...). */
    private static final Pattern SECRET_NAME =
        Pattern.compile("(?i)(.*[_-])?(token|secret|assertion|password|passcode|code|key|sig|signature|hint|jwt)");

    public Entry {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(service, "service");
      query = mask(query);
    }

    /** A request the Okta simulator served. */
    public Entry(Instant time, String method, String path, String query, int status, boolean mutating, String requestId) {
      this(time, method, path, query, status, mutating, requestId, "okta");
    }

    /** Returns e.g. {@code DELETE /api/v1/users/00u1/sessions?oauthTokens=true -> 204}. */
    @Override
    public String toString() {
      return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status;
    }

    private static String mask(String query) {
      if (query == null || query.isEmpty()) {
        return query;
      }
      List<String> parts = new ArrayList<>();
      for (String pair : query.split("&", -1)) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        parts.add(eq >= 0 && SECRET_NAME.matcher(name).matches() ? name + "=<masked>" : pair);
      }
      return String.join("&", parts);
    }
  }
}
