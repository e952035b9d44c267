package dev.oktair.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Contexts for tests that need one but read none of its output. */
final class CliTestContexts {
  private CliTestContexts() {}

  static Context quiet() {
    return new Context(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC), Map.of(), Path.of("/nonexistent-home"), false);
  }
}
