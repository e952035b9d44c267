package dev.oktair.contain;

import dev.oktair.events.Json;
import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * journal.jsonl: append-only, one JSON object per line, each line forced to disk before the call
 * it announces is made (intent) and after its answer (outcome), so that after a crash or kill -9
 * the file tells what was sent and what is known of it. Holds ids, logins, statuses and Okta
 * request ids, never a credential. Thread-safe.
 */
public final class Journal implements AutoCloseable {
  private final FileChannel channel;
  private final Clock clock;
  private final String run;

  private Journal(FileChannel channel, Clock clock) {
    this.channel = channel;
    this.clock = clock;
    this.run = "run-" + clock.instant();
  }

  /** How an action ended, as the journal writes it. */
  public enum Status {
    /** The call succeeded. */
    DONE("done"),
    /** The read-back showed it done: nothing was sent (this run). */
    ALREADY_DONE("already-done"),
    /** One attempt failed in a way that may be retried after a read-back. */
    ERROR("error"),
    /** It failed; the detail says why. */
    FAILED("failed"),
    /** It was not run because an action it depends on is not done. */
    NOT_RUN("not-run"),
    /** It was reversed by an undo. */
    UNDONE("undone");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** Returns the journal's word for it. */
    public String label() {
      return label;
    }

    static Status of(String label) {
      for (Status s : values()) {
        if (s.label.equals(label)) {
          return s;
        }
      }
      return null;
    }
  }

  /**
   * What earlier runs recorded of one action.
   *
   * @param done true when its last outcome is done or already-done
   * @param lastIntent when it was last sent (null: never)
   */
  public record Last(boolean done, Instant lastIntent) {}

  /**
   * Opens {@code file} for appending (created when missing).
   *
   * @throws OktaIrException (IO) when it cannot be opened
   */
  public static Journal open(Path file, Clock clock) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return new Journal(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND), clock);
    } catch (IOException e) {
      throw new OktaIrException(Kind.IO, "cannot open the journal " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns, per action key, what the journal at {@code file} recorded; empty when there is none.
   * A line torn by a crash mid-write is ignored (its call was never made: intents are forced first).
   */
  public static Map<String, Last> read(Path file) {
    Map<String, Last> out = new HashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new OktaIrException(Kind.IO, "cannot read the journal " + file + ": " + e.getMessage(), e);
    }
    for (String line : lines) {
      JsonNode n;
      try {
        n = Json.MAPPER.readTree(line);
      } catch (JacksonException torn) {
        continue;
      }
      String key = n.path("key").asString(null);
      if (key == null) {
        continue;
      }
      Last prev = out.getOrDefault(key, new Last(false, null));
      Instant time = Instant.parse(n.path("time").asString());
      if ("intent".equals(n.path("phase").asString())) {
        out.put(key, new Last(false, time));
      } else {
        Status s = Status.of(n.path("status").asString());
        boolean done = s == Status.DONE || s == Status.ALREADY_DONE;
        boolean stays = s == Status.ERROR || s == Status.NOT_RUN ? prev.done() : done;
        out.put(key, new Last(stays, prev.lastIntent()));
      }
    }
    return out;
  }

  /** Records, durably, that {@code entry}'s call is about to be sent; returns the time written. */
  Instant intent(Plan.Entry entry, int attempt) {
    ObjectNode n = line(entry.id(), entry.action(), "intent");
    n.put("attempt", attempt);
    return write(n);
  }

  /** Records, durably, how {@code entry} ended or what one attempt answered. */
  void outcome(String id, Action action, Status status, int http, String requestId, String detail) {
    outcome(id, action, status, http, requestId, detail, null);
  }

  /**
   * Records an outcome with, for an SP step, how far it is known to have taken effect
   * ({@code requested}, {@code verified}, {@code already-done}) in its own field.
   */
  void outcome(String id, Action action, Status status, int http, String requestId, String detail, String verification) {
    ObjectNode n = line(id, action, "outcome");
    n.put("status", status.label());
    if (verification != null) {
      n.put("verification", verification);
    }
    if (http > 0) {
      n.put("http", http);
    }
    if (requestId != null) {
      n.put("requestId", requestId);
    }
    n.put("detail", detail);
    write(n);
  }

  private ObjectNode line(String id, Action action, String phase) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("run", run);
    n.put("id", id);
    n.put("key", action.key());
    n.put("phase", phase);
    n.put("action", action.kind().label());
    Target t = action.target();
    n.putObject("target").put("type", t.type()).put("id", t.id()).put("display", t.display());
    return n;
  }

  private synchronized Instant write(ObjectNode n) {
    Instant now = clock.instant();
    ObjectNode ordered = Json.MAPPER.createObjectNode().put("time", now.toString());
    ordered.setAll(n);
    byte[] bytes = (Json.MAPPER.writeValueAsString(ordered) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new OktaIrException(Kind.IO, "cannot write the journal: " + e.getMessage(), e);
    }
    return now;
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // every line was forced when written
    }
  }
}
