package dev.oktair.cli;

import dev.oktair.cases.Case;
import dev.oktair.cases.Writer;
import dev.oktair.detect.FindingsFile;
import dev.oktair.events.Json;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.RequestJournal;
import dev.oktair.sim.SimulatorOptions;
import dev.oktair.sim.TenantSeed;
import dev.oktair.sim.scenario.Scenarios;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The contoso-aitm scenario in a simulator, a case directory holding its findings.json, and runs
 * of {@code okta-ir contain} against it. Close it to stop the simulator.
 */
final class ContainFixture implements AutoCloseable {
  /** Scenarios take seconds to build and are immutable: one per anchor for the whole run. */
  private static final Map<Instant, TenantSeed> SEEDS = new java.util.concurrent.ConcurrentHashMap<>();

  final TenantSeed seed;
  final OktaSimulator sim;
  final Path caseDir;
  final Path home;
  final Clock clock;

  ContainFixture(Path dir, Clock clock, Consumer<SimulatorOptions.Builder> options) {
    this(dir, clock, clock.instant(), options);
  }

  /** A fixture whose scenario is anchored at {@code now} (fixtures compared with each other share one). */
  ContainFixture(Path dir, Clock clock, Instant now, Consumer<SimulatorOptions.Builder> options) {
    this.clock = clock;
    this.seed = SEEDS.computeIfAbsent(now, t -> Scenarios.load(Scenarios.DEFAULT, 1, t));
    SimulatorOptions.Builder b = SimulatorOptions.builder().seed(seed).clock(clock).randomSeed(7);
    options.accept(b);
    this.sim = OktaSimulator.start(b.build());
    this.caseDir = dir.resolve("case");
    this.home = dir.resolve("home");
    try {
      Files.createDirectories(home);
      // a case as investigate leaves it: case.json (no subjects named yet) and findings.json
      Case.create(caseDir, clock, Writer.current("investigate", "test", clock)).close();
      FindingsFile.write(caseDir.resolve("findings.json"), DemoFindings.of(seed));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, String> env() {
    return Map.of("OKTA_CLIENT_ORGURL", sim.baseUrl(), "OKTA_CLIENT_TOKEN", sim.apiToken());
  }

  CliRun contain(String... args) {
    return contain(env(), args);
  }

  CliRun contain(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of("contain", "--case", caseDir.toString()));
    all.addAll(List.of(args));
    return CliRun.of(clock, env, home, all.toArray(String[]::new));
  }

  String userId(String login) {
    return sim.tenant().user(login).orElseThrow().path("id").asString();
  }

  String victim() {
    return userId(seed.story().victimLogin());
  }

  /** Returns the mutating requests the simulator served, as "METHOD path?query -> status". */
  List<String> mutations() {
    return sim.journal().mutating().stream().map(RequestJournal.Entry::toString).toList();
  }

  List<JsonNode> journalLines() {
    try {
      List<JsonNode> out = new ArrayList<>();
      for (String line : Files.readAllLines(caseDir.resolve("journal.jsonl"))) {
        out.add(Json.MAPPER.readTree(line));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode plan() {
    try {
      return Json.MAPPER.readTree(Files.readAllBytes(caseDir.resolve("plan.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    sim.close();
  }
}
