package dev.oktair.sim.scenario;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/** Placeholder: the fast benchmark generator. */
final class Generator {
  Generator(ScenarioSpec spec, long count, long seed, Instant anchor) {}

  void writeTo(OutputStream out) throws IOException {
    throw new UnsupportedOperationException("the event generator is not implemented yet");
  }
}
