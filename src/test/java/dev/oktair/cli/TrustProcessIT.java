package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import dev.oktair.okta.SimFixtures;
import dev.oktair.sim.FaultSpec;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.RateLimits;
import dev.oktair.sim.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 items 1 and 7 with real processes: two collections into one case at once, and kill -9
 * at each checkpoint of {@code collect}, {@code import} and {@code load} followed by a re-run that
 * must end in the same bytes (and rows) as a run never interrupted.
 */
class TrustProcessIT {
  private static final int EVENTS = 6000;
  @TempDir Path dir;
  private OktaSimulator sim;
  private Map<String, String> env;
  private Instant since;
  private Instant until;
  private Path home;

  @BeforeEach
  void simulator() throws IOException {
    Instant now = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
    since = now.minus(Duration.ofDays(3));
    until = now;
    startSim("latency=150ms");
    home = Files.createDirectories(dir.resolve("home"));
  }

  private void startSim(String faults) {
    if (sim != null) {
      sim.close();
    }
    sim = OktaSimulator.start(SimulatorOptions.builder()
        .seed(SimFixtures.seed(SimFixtures.events(EVENTS, since.minusSeconds(3600), until.minusSeconds(1))))
        .faults(FaultSpec.parse(faults))
        .rateLimits(RateLimits.defaults().withLogs(100_000))
        .build());
    env = Map.of("OKTA_CLIENT_ORGURL", sim.baseUrl(), "OKTA_CLIENT_TOKEN", sim.apiToken());
  }

  @AfterEach
  void close() {
    sim.close();
  }

  private List<String> collect(Path caseDir) {
    return List.of("collect", "--case", caseDir.toString(), "--all", "--since", since.toString(), "--until",
        until.toString(), "--slices", "3", "--json");
  }

  /** The tenant's own uuids of the window, from the simulator's log store. */
  private Set<String> tenantUuids() {
    return sim.events().stream().filter(e -> !e.published().isBefore(since) && e.published().isBefore(until))
        .map(LogEvent::uuid).collect(Collectors.toSet());
  }

  private static List<String> uuidsOf(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.map(l -> LogEvent.parse(l).uuid()).toList();
    }
  }

  private CliRun cli(String... args) {
    return CliRun.of(Clock.systemUTC(), env, home, args);
  }

  @Test
  void item1_twoCollectionsIntoOneCaseAtOnce_oneRefusedNamingTheHolder_theOtherComplete() throws Exception {
    Path caseDir = dir.resolve("cc");
    Child a = Child.start(dir, "a", env, collect(caseDir));
    Child b = Child.start(dir, "b", env, collect(caseDir));
    int exitA = a.exit();
    int exitB = b.exit();
    assertThat(List.of(exitA, exitB)).as(a.stderr() + "\n---\n" + b.stderr()).containsExactlyInAnyOrder(0, 2);
    Child won = exitA == 0 ? a : b;
    Child refused = exitA == 0 ? b : a;
    assertThat(refused.stderr()).contains("being written by another okta-ir process", "pid " + won.process().pid(),
        "okta-ir collect");
    JsonNode summary = Json.MAPPER.readTree(won.stdout());
    List<String> uuids = uuidsOf(caseDir.resolve(summary.get("evidence").asString()));
    assertThat(new HashSet<>(uuids)).isEqualTo(tenantUuids());
    assertThat(uuids).doesNotHaveDuplicates();
    assertThat(cli("verify", "--case", caseDir.toString()).code()).isZero();
  }

  @Test
  void item7_killedAtEachCheckpointOfCollect_reRunEndsInTheSameBytes() throws Exception {
    killedAtEachCheckpointOfCollect(false);
  }

  /** The same with a server that poisons 2% of its events: the quarantine, too, ends in the same bytes. */
  @Test
  void item7_killedAtEachCheckpointOfAPoisonedCollect_evidenceAndQuarantineEndInTheSameBytes() throws Exception {
    startSim("latency=150ms,poison=0.02");
    killedAtEachCheckpointOfCollect(true);
  }

  private static byte[] quarantineOf(Path caseDir) throws IOException {
    Path q = caseDir.resolve("quarantine");
    if (!Files.isDirectory(q)) {
      return new byte[0];
    }
    try (Stream<Path> files = Files.list(q)) {
      List<Path> all = files.toList();
      assertThat(all).as("one quarantine file at most in " + q).hasSizeLessThanOrEqualTo(1);
      return all.isEmpty() ? new byte[0] : Files.readAllBytes(all.get(0));
    }
  }

  private void killedAtEachCheckpointOfCollect(boolean poisoned) throws Exception {
    CliRun clean = cli(collect(dir.resolve("clean")).toArray(String[]::new));
    int exit = poisoned ? 6 : 0;
    assertThat(clean.code()).as(clean.err()).isEqualTo(exit);
    JsonNode c = Json.MAPPER.readTree(clean.out());
    byte[] cleanBytes = Files.readAllBytes(dir.resolve("clean").resolve(c.get("evidence").asString()));
    byte[] cleanQuarantine = quarantineOf(dir.resolve("clean"));
    assertThat(cleanQuarantine.length > 0).isEqualTo(poisoned);
    Set<String> sealed = new HashSet<>(uuidsOf(dir.resolve("clean").resolve(c.get("evidence").asString())));
    assertThat(sealed.size() + c.get("rejected").asLong()).isEqualTo(tenantUuids().size());
    assertThat(tenantUuids()).containsAll(sealed);
    List<String> points = new ArrayList<>();
    for (int round = 0; round < Soak.factor(); round++) {
      points.addAll(List.of("pages", "sealing", "sealed", "marked"));
    }
    for (int n = 0; n < points.size(); n++) {
      String point = points.get(n);
      Path caseDir = dir.resolve("killed-" + point + "-" + n);
      Map<String, String> crashing = new HashMap<>(env);
      Child child;
      if (point.equals("pages")) {
        child = Child.start(dir, point, env, collect(caseDir));
        awaitFile(child, caseDir.resolve(".staging"), p -> p.getFileName().toString().matches("slice-\\d+\\.json")
            && p.toFile().length() > 0 && readPages(p) > 0);
        child.kill();
      } else {
        crashing.put(CrashHook.VARIABLE, point);
        child = Child.start(dir, point, crashing, collect(caseDir));
        assertThat(child.exit()).as(point + ": " + child.stderr()).isEqualTo(CrashHook.STATUS);
      }
      CliRun again = cli(collect(caseDir).toArray(String[]::new));
      assertThat(again.code()).as(point + ": " + again.err()).isEqualTo(exit);
      JsonNode r = Json.MAPPER.readTree(again.out());
      assertThat(Files.readAllBytes(caseDir.resolve(r.get("evidence").asString()))).as(point).isEqualTo(cleanBytes);
      assertThat(quarantineOf(caseDir)).as(point + ": quarantine").isEqualTo(cleanQuarantine);
      assertThat(r.get("rejected").asLong()).as(point).isEqualTo(c.get("rejected").asLong());
      assertThat(Json.MAPPER.readTree(caseDir.resolve("evidence/manifest.json").toFile()).get("files").size())
          .as(point + ": sealed once").isEqualTo(1);
      assertThat(cli("verify", "--case", caseDir.toString()).code()).as(point).isZero();
      try (Stream<Path> staging = Files.list(caseDir.resolve(".staging"))) {
        assertThat(staging).as(point).isEmpty();
      }
    }
  }

  private static long readPages(Path checkpoint) {
    try {
      return Json.MAPPER.readTree(checkpoint.toFile()).get("pages").asLong();
    } catch (RuntimeException racing) {
      return 0; // replaced while read
    }
  }

  /** Waits until a file under {@code root} matches, the child still running; fails otherwise. */
  private static Path awaitFile(Child child, Path root, Predicate<Path> match) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      assertThat(child.process().isAlive()).as("ended before the kill: " + child.stderr()).isTrue();
      if (Files.isDirectory(root)) {
        try (Stream<Path> all = Files.walk(root)) {
          for (Path p : all.toList()) {
            if (match.test(p)) {
              return p;
            }
          }
        } catch (IOException | java.io.UncheckedIOException racing) {
          // a file went while listed: look again
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("never saw the file: " + child.stderr());
  }

  @Test
  void item7_importAndLoadKilledMidWay_reRunEndsInTheSameEvidenceAndRows() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (LogEvent e : sim.events()) {
      lines.append(e.rawText()).append('\n');
    }
    Path input = Files.writeString(dir.resolve("export.jsonl"), lines.toString().repeat(4));
    Path cleanCase = dir.resolve("clean-import");
    CliRun clean = cli("import", "--case", cleanCase.toString(), input.toString());
    assertThat(clean.code()).as(clean.err()).isZero();
    assertThat(cli("load", "--case", cleanCase.toString()).code()).isZero();
    String cleanManifest = manifestHashes(cleanCase);
    String cleanRows = rows(cleanCase);

    // import: killed while it stages the file, then again at a few moments later on
    int kills = 0;
    List<Integer> delays = new ArrayList<>(List.of(-1, 150, 400, 800));
    java.util.Random soak = new java.util.Random(15);
    for (int round = 1; round < Soak.factor(); round++) {
      for (int k = 0; k < 4; k++) {
        delays.add(soak.nextInt(900)); // a kill somewhere else in the import or the load
      }
    }
    for (int n = 0; n < delays.size(); n++) {
      int delayMillis = delays.get(n);
      Path caseDir = dir.resolve("import-" + n + "-" + delayMillis);
      Child child = Child.start(dir, "import" + n, env, List.of("import", "--case", caseDir.toString(),
          input.toString()));
      if (delayMillis < 0) {
        awaitFile(child, caseDir.resolve(".staging"), p -> p.toString().endsWith(".part") && p.toFile().length() > 0);
      } else {
        Thread.sleep(delayMillis);
      }
      child.kill();
      kills++;
      CliRun again = cli("import", "--case", caseDir.toString(), input.toString());
      assertThat(again.code()).as(delayMillis + ": " + again.err()).isZero();
      assertThat(manifestHashes(caseDir)).as("import killed after " + delayMillis + " ms").isEqualTo(cleanManifest);
      assertThat(cli("verify", "--case", caseDir.toString()).code()).isZero();

      // load: killed while the database is being written, then run again
      Child loading = Child.start(dir, "load" + n, env, List.of("load", "--case", caseDir.toString()));
      awaitFile(loading, caseDir, p -> p.getFileName().toString().startsWith("case.duckdb"));
      Thread.sleep(Math.max(0, delayMillis / 2));
      loading.kill();
      kills++;
      CliRun load = cli("load", "--case", caseDir.toString());
      assertThat(load.code()).as(delayMillis + ": " + load.err()).isZero();
      assertThat(rows(caseDir)).as("load killed after " + delayMillis + " ms").isEqualTo(cleanRows);
    }
    assertThat(kills).isEqualTo(8 * Soak.factor());
  }

  /** The sealed files' hashes, sizes and counts (names and seal times aside). */
  private static String manifestHashes(Path caseDir) throws IOException {
    JsonNode files = Json.MAPPER.readTree(caseDir.resolve("evidence/manifest.json").toFile()).get("files");
    List<String> out = new ArrayList<>();
    files.forEach(f -> out.add(f.get("sha256").asString() + " " + f.get("bytes").asLong() + " " + f.get("events").asLong()));
    return String.join("\n", out);
  }

  private String rows(Path caseDir) {
    CliRun r = cli("sql", "--case", caseDir.toString(), "--json",
        "SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM evidence_lines) AS lines,"
            + " (SELECT count(DISTINCT uuid) FROM events) AS uuids");
    assertThat(r.code()).as(r.err()).isZero();
    return r.out().trim();
  }
}
