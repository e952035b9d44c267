package dev.oktair.sim.scenario;

import dev.oktair.sim.TenantSeed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The simulator's scenarios: named stories kept as data (YAML files under
 * {@code dev/oktair/sim/scenarios/}), materialised into a {@link TenantSeed} by one generic
 * engine. Thread-safe: every call works on its own state.
 */
public final class Scenarios {
  /** The scenario used when none is named. */
  public static final String DEFAULT = "contoso-aitm";

  private static final List<String> NAMES = List.of(DEFAULT, "fabrikam-helpdesk");
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private Scenarios() {}

  /** Returns the names of the scenarios that exist. */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * Materialises scenario {@code name}, deterministic for {@code seed}, its timeline anchored so
   * that its latest activity is just before {@code anchor}: every event lies in
   * [anchor - baseline days, anchor), ordered by {@code published}.
   *
   * @throws IllegalArgumentException naming the known scenarios when {@code name} is unknown
   */
  public static TenantSeed load(String name, long seed, Instant anchor) {
    return Engine.run(spec(name), seed, anchor);
  }

  /**
   * Writes {@code count} realistic events (the scenario's mix, many users, spread over the 90
   * days before {@code anchor}, ordered by {@code published}) as JSONL to {@code out};
   * deterministic for {@code seed}. Does not close {@code out}.
   */
  public static void generate(long count, long seed, Instant anchor, OutputStream out) {
    try {
      new Generator(spec(DEFAULT), count, seed, anchor).writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write generated events", e);
    }
  }

  static ScenarioSpec spec(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown scenario '" + name + "'; known: " + String.join(", ", NAMES));
    }
    String resource = "/dev/oktair/sim/scenarios/" + name + ".yaml";
    try (InputStream in = Scenarios.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("scenario file " + resource + " is missing from the build");
      }
      return parse(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Reads a scenario file; unknown keys are errors, so a typo cannot silently drop a step. */
  static ScenarioSpec parse(InputStream in, String source) {
    try {
      return YAML.readValue(in, ScenarioSpec.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("scenario file " + source + " is invalid: " + e.getOriginalMessage(), e);
    }
  }
}
