package dev.oktair.sim.scenario;

import dev.oktair.sim.TenantSeed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's scenarios: named stories kept as data (YAML files under
 * {@code dev/oktair/sim/scenarios/}), materialised into a {@link TenantSeed} by one generic
 * engine. Thread-safe: every call works on its own state.
 */
public final class Scenarios {
  /** The scenario used when none is named. */
  public static final String DEFAULT = "contoso-aitm";

  private static final List<String> NAMES =
      List.of(DEFAULT, "fabrikam-helpdesk", "session-replay", "idp-impersonation", "oauth-token-theft");

  /** The built-in scenarios read so far, by name. */
  private static final Map<String, ScenarioFile> BUILT_IN = new ConcurrentHashMap<>();

  private Scenarios() {}

  /**
   * Starts reading the default scenario on a daemon thread of its own: in a fresh JVM, reading a
   * first scenario is mostly making the YAML mapper and its binding of a spec, the same for any
   * scenario. Only sooner, never different: a read of the default that comes meanwhile waits for
   * this one, and one that fails here fails again, reported, where it is needed (issue 16:
   * simulate starts this while the command line is still being parsed).
   */
  public static void warmUp() {
    Thread t = new Thread(() -> {
      try {
        file(DEFAULT);
      } catch (RuntimeException e) {
        // the read that needs it does the same and reports what fails
      }
    }, "okta-ir-scenario-warm-up");
    t.setDaemon(true);
    t.start();
  }

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
   * Returns the scenario {@code name} checked now and built later (building its history takes
   * seconds): what {@link #load} returns, when asked.
   *
   * @throws IllegalArgumentException naming the known scenarios when {@code name} is unknown
   */
  public static Later prepare(String name, long seed, Instant anchor) {
    ScenarioSpec spec = spec(name);
    List<String> victims = spec.attack().victims();
    return new Later(victims.isEmpty() ? null : victims.get(0), () -> Engine.run(spec, seed, anchor));
  }

  /**
   * A scenario to build.
   *
   * @param victim the login of its first victim, or null
   * @param seed builds the tenant and its history (deterministic; call once)
   */
  public record Later(String victim, java.util.function.Supplier<TenantSeed> seed) {}

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

  /**
   * Plays a seeded variant of scenario {@code name} for a drill: names, attacker addresses,
   * times and the order of shuffled steps depend on {@code seed}; the same seed gives the same
   * drill. The seed has no ground truth in it; the {@link GroundTruth} is returned beside it.
   *
   * @throws IllegalArgumentException naming the known scenarios when {@code name} is unknown
   */
  public static Rehearsal rehearse(String name, long seed, Instant anchor) {
    return rehearse(file(name), seed, anchor);
  }

  /**
   * Plays a seeded variant of the scenario file at {@code path} (a team's own story).
   *
   * @throws ScenarioFileException naming file, line and field when the file is invalid
   */
  public static Rehearsal rehearse(Path path, long seed, Instant anchor) {
    return rehearse(ScenarioFile.read(read(path), path.toString()), seed, anchor);
  }

  /**
   * Checks the scenario file at {@code path} and plays it once, so a story that reads well but
   * cannot happen (a step on a user who does not exist) is refused too.
   *
   * @throws ScenarioFileException naming file, line and field when the file is invalid
   * @throws IllegalArgumentException when a step cannot be played
   */
  public static void check(Path path, Instant anchor) {
    rehearse(path, 1, anchor);
  }

  private static Rehearsal rehearse(ScenarioFile file, long seed, Instant anchor) {
    ScenarioSpec spec = file.bind(Variants.draw(file, seed));
    Engine.Played played;
    try {
      played = Engine.play(spec, seed, anchor);
    } catch (StepFailure e) {
      throw file.refusal(e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // building the org failed before any step: most often a section the population needs is empty
      throw file.refusal("/users", "cannot build the org (" + e.getMessage() + "); it needs networks of kind office,"
          + " residential and mobile, laptop and phone devices, and users drawn over them");
    }
    if (spec.attack().victims().isEmpty()) {
      throw file.refusal("/attack/victims", "a drill needs at least one victim (the first is the one the alert names)");
    }
    List<String> victims = played.victimIds();
    GroundTruth truth = new GroundTruth(spec.name(), seed, played.attackStart(), victims.get(0),
        victims.subList(1, victims.size()), played.footholds(),
        new GroundTruth.Alert(spec.attack().victims().get(0), file.drill().alert()));
    return new Rehearsal(played.seed(), truth);
  }

  static ScenarioSpec spec(String name) {
    return file(name).spec();
  }

  /**
   * Checks that scenario {@code name} exists, without reading it.
   *
   * @throws IllegalArgumentException naming the known scenarios when {@code name} is unknown
   */
  public static void requireKnown(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown scenario '" + name + "'; known: " + String.join(", ", NAMES));
    }
  }

  /**
   * Returns built-in scenario {@code name}, read once per JVM: a file in the jar reads the same
   * every time, and its tree is only ever copied ({@link Variants}), so every caller can share it.
   */
  private static ScenarioFile file(String name) {
    requireKnown(name);
    // computeIfAbsent: a second caller waits for a read under way instead of doing it again
    return BUILT_IN.computeIfAbsent(name, Scenarios::readBuiltIn);
  }

  private static ScenarioFile readBuiltIn(String name) {
    String resource = "/dev/oktair/sim/scenarios/" + name + ".yaml";
    try (InputStream in = Scenarios.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("scenario file " + resource + " is missing from the build");
      }
      return ScenarioFile.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read scenario file " + path + ": " + e.getMessage(), e);
    }
  }

  /** Reads a scenario file; unknown keys are errors, so a typo cannot silently drop a step. */
  static ScenarioSpec parse(InputStream in, String source) {
    try {
      return ScenarioFile.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), source).spec();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }
}
