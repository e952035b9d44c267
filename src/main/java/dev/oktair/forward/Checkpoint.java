package dev.oktair.forward;

import dev.oktair.cases.AtomicFile;
import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a sink has been sent, saved after every acknowledged batch (forced to disk, then renamed):
 * the window it forwards ({@code since}, resolved once), the latest {@code published} sent, and
 * the uuids sent within {@code skew} of it (Okta delivers by persistence time, so a late event may
 * carry a slightly older {@code published}). Everything older than {@code highWater - skew} has been
 * sent. Immutable.
 *
 * @param sink the sink URL (never a credential)
 * @param sinceText the window start as the user gave it (e.g. {@code 30d})
 * @param since the window start resolved to an absolute time when forwarding began
 * @param highWater the latest published time sent, or null before the first batch
 * @param recent uuid to published of the events sent within skew of highWater
 * @param forwarded how many events were acknowledged by the sink in all
 */
record Checkpoint(String sink, String sinceText, Instant since, Instant highWater, Map<String, Instant> recent,
    long forwarded) {
  Checkpoint {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(since, "since");
    recent = Map.copyOf(recent);
    if (forwarded < 0) {
      throw new IllegalArgumentException("forwarded must not be negative: " + forwarded);
    }
  }

  /** Returns the checkpoint of a sink nothing was sent to yet. */
  static Checkpoint fresh(String sink, String sinceText, Instant since) {
    return new Checkpoint(sink, sinceText, since, null, Map.of(), 0);
  }

  /** Returns true when {@code e} was already acknowledged by the sink. */
  boolean covers(LogEvent e, Duration skew) {
    if (highWater == null) {
      return false;
    }
    Instant published = e.published();
    if (published != null && published.isBefore(highWater.minus(skew))) {
      return true;
    }
    return e.uuid() != null && recent.containsKey(e.uuid());
  }

  /** Returns this checkpoint after {@code sent} were acknowledged. */
  Checkpoint after(Collection<LogEvent> sent, Duration skew) {
    Instant high = highWater;
    Map<String, Instant> keep = new TreeMap<>(recent);
    for (LogEvent e : sent) {
      Instant p = e.published() == null ? since : e.published();
      high = high == null || p.isAfter(high) ? p : high;
      if (e.uuid() != null) {
        keep.put(e.uuid(), p);
      }
    }
    Instant floor = high == null ? null : high.minus(skew);
    if (floor != null) {
      keep.values().removeIf(p -> p.isBefore(floor));
    }
    return new Checkpoint(sink, sinceText, since, high, keep, forwarded + sent.size());
  }

  /** Writes this checkpoint atomically and durably to {@code file}. */
  void save(Path file) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("sink", sink);
    o.put("sinceText", sinceText);
    o.put("since", since.toString());
    o.put("highWater", highWater == null ? null : highWater.toString());
    o.put("forwarded", forwarded);
    ObjectNode r = o.putObject("recent");
    new TreeMap<>(recent).forEach((k, v) -> r.put(k, v.toString()));
    AtomicFile.write(file, Json.MAPPER.writeValueAsBytes(o));
  }

  /** Reads the checkpoint in {@code file}, or returns null when there is none. */
  static Checkpoint load(Path file) {
    if (!Files.exists(file)) {
      return null;
    }
    try {
      JsonNode o = Json.MAPPER.readTree(Files.readAllBytes(file));
      Map<String, Instant> recent = new TreeMap<>();
      o.get("recent").properties().forEach(en -> recent.put(en.getKey(), Instant.parse(en.getValue().asString())));
      JsonNode high = o.get("highWater");
      JsonNode text = o.get("sinceText");
      return new Checkpoint(o.get("sink").asString(), text == null || text.isNull() ? null : text.asString(),
          Instant.parse(o.get("since").asString()), high == null || high.isNull() ? null : Instant.parse(high.asString()),
          recent, o.get("forwarded").asLong());
    } catch (IOException e) {
      throw OktaIrException.io("cannot read the forwarding checkpoint", file, e);
    } catch (RuntimeException e) {
      throw new OktaIrException(Kind.EVIDENCE, "the forwarding checkpoint " + file + " is damaged (" + e.getMessage()
          + "); delete it to forward the window again from the start (the sink deduplicates by event uuid)", e);
    }
  }
}
