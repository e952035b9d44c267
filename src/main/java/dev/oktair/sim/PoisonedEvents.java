package dev.oktair.sim;

import dev.oktair.events.LogEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The {@code poison} fault: a share of the System Log's events served as a hostile or broken
 * server would, each of them either with a lone surrogate escape ({@code "poison":"\ud800"}) or
 * with a second {@code eventType} key in front of its fields; the rest byte for byte. Which events
 * and how is decided by the event's bytes alone, so every page that serves an event serves it the
 * same way. Immutable and thread-safe.
 */
final class PoisonedEvents {
  /** The field put in front of an event's fields, by kind of poison. */
  private static final byte[][] PREFIXES = {
    "{\"poison\":\"\\ud800\",".getBytes(StandardCharsets.UTF_8),
    "{\"eventType\":\"poison.duplicate_key\",".getBytes(StandardCharsets.UTF_8),
  };

  private final double rate;

  PoisonedEvents(double rate) {
    this.rate = rate;
  }

  /** Writes {@code event} as served: poisoned when its bytes draw it, else as it is. */
  void write(LogEvent event, OutputStream out) throws IOException {
    int kind = rate <= 0 ? -1 : kindOf(event.raw());
    if (kind < 0) {
      event.writeRaw(out);
      return;
    }
    byte[] raw = event.raw();
    out.write(PREFIXES[kind]);
    out.write(raw, 1, raw.length - 1); // without its own '{'
  }

  /** Returns which poison the event gets, or -1 for none. */
  private int kindOf(byte[] raw) {
    if (raw.length < 3 || raw[0] != '{') {
      return -1;
    }
    CRC32 crc = new CRC32();
    crc.update(raw);
    long h = crc.getValue();
    double draw = (h % 1_000_000) / 1_000_000.0;
    return draw < rate ? (int) ((h / 1_000_000) % PREFIXES.length) : -1;
  }
}
