package dev.oktair.cli;

import dev.oktair.events.LogEvent;
import dev.oktair.sim.SimEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs okta-ir in-process with captured output and a fixed clock; builds realistic event lines. */
final class Runs {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private Runs() {}

  /** One run: exit code and what was printed. */
  record Run(int exit, String out, String err) {}

  static Run run(Path home, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context ctx = new Context(new PrintWriter(out), new PrintWriter(err), CLOCK, Map.of(), home, false);
    int exit = Cli.run(ctx, args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** Returns a context whose output nobody reads. */
  static Context quiet(Path home) {
    return new Context(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), CLOCK, Map.of(), home, false);
  }

  /** Returns one event as Okta serialises it (every top-level key, compact), as a JSONL line body. */
  static String event(String uuid, Instant published, String eventType, String ip, String message) {
    LogEvent e = SimEvent.of(uuid, published, eventType)
        .displayMessage(message)
        .actor("00u1", "User", "alex@contoso.example", "Alex Doe")
        .client(ip, "Mozilla/5.0", "Mac OS X", "CHROME", "Computer",
            new SimEvent.Place("Oslo", "Oslo", "Norway", "0150", 59.9, 10.7))
        .session("idx" + uuid, null)
        .transaction("WEB", "tx-" + uuid)
        .build();
    return e.rawText();
  }
}
