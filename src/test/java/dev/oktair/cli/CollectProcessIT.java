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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code okta-ir collect} as a child process (the real main, on the test classpath) against a
 * simulator in this process, on the system clock as the child's is: killed with SIGKILL mid-way
 * and run again, it ends with evidence byte-identical to an uninterrupted run (issue 4); following
 * the log, Ctrl-C (SIGTERM) seals what it has.
 */
class CollectProcessIT {
  @TempDir Path dir;

  @Test
  void aKilledCollectionResumesToByteIdenticalEvidence() throws Exception {
    Clock clock = Clock.systemUTC();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant since = now.minus(Duration.ofDays(5));
    try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder()
        .seed(SimFixtures.seed(SimFixtures.events(15_000, since.minusSeconds(60), now)))
        .faults(FaultSpec.parse("latency=250ms"))
        .rateLimits(RateLimits.defaults().withLogs(100_000))
        .build())) {
      Map<String, String> env = Map.of("OKTA_CLIENT_ORGURL", sim.baseUrl(), "OKTA_CLIENT_TOKEN", sim.apiToken());
      Path killed = dir.resolve("killed");
      List<String> args = List.of("collect", "--all", "--since", since.toString(), "--until", now.toString(),
          "--slices", "3", "--json");

      Process child = startChild(env, killed, args);
      Path job = awaitCheckpointedPages(killed, 3, child);
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
      child.waitFor();
      assertThat(Files.exists(killed.resolve("evidence/manifest.json"))).isFalse();
      assertThat(Files.isDirectory(job)).isTrue();

      Path home = Files.createDirectories(dir.resolve("home"));
      CliRun resumed = CliRun.of(clock, env, home, withCase(args, killed));
      assertThat(resumed.code()).as(resumed.err()).isZero();
      assertThat(resumed.err()).contains("resuming");
      CliRun clean = CliRun.of(clock, env, home, withCase(args, dir.resolve("clean")));
      assertThat(clean.code()).as(clean.err()).isZero();

      JsonNode r = Json.MAPPER.readTree(resumed.out());
      JsonNode c = Json.MAPPER.readTree(clean.out());
      assertThat(r.get("resumed").asBoolean()).isTrue();
      assertThat(r.get("events").asLong()).isEqualTo(c.get("events").asLong()).isEqualTo(15_000 - countBefore(sim, since));
      byte[] resumedBytes = Files.readAllBytes(killed.resolve(r.get("evidence").asString()));
      byte[] cleanBytes = Files.readAllBytes(dir.resolve("clean").resolve(c.get("evidence").asString()));
      assertThat(resumedBytes).isEqualTo(cleanBytes);
      assertThat(r.get("sha256").asString()).isEqualTo(c.get("sha256").asString());
    }
  }

  @Test
  void ctrlCWhileFollowingSealsWhatWasCollected() throws Exception {
    Instant now = Clock.systemUTC().instant();
    try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder()
        .seed(SimFixtures.seed(SimFixtures.events(1200, now.minus(Duration.ofHours(1)), now))).build())) {
      Map<String, String> env = Map.of("OKTA_CLIENT_ORGURL", sim.baseUrl(), "OKTA_CLIENT_TOKEN", sim.apiToken());
      Path caseDir = dir.resolve("follow");
      Process child = startChild(env, caseDir,
          List.of("collect", "--all", "--follow", "--since", "2h", "--poll-interval", "100ms", "--json"));
      awaitStderr(child, "following: 1200 events");
      sim.addEvents(List.of(
          LogEvent.parse("{\"uuid\":\"late-1\",\"eventType\":\"x\",\"published\":\"" + Clock.systemUTC().instant() + "\"}"),
          LogEvent.parse("{\"uuid\":\"late-2\",\"eventType\":\"x\",\"published\":\"" + Clock.systemUTC().instant() + "\"}")));
      awaitStderr(child, "following: 1202 events");
      child.destroy(); // SIGTERM, as Ctrl-C: the shutdown hook stops the follower and waits for the seal
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      JsonNode summary = Json.MAPPER.readTree(Files.readString(dir.resolve("child.out")));
      assertThat(summary.get("events").asLong()).isEqualTo(1202);
      List<String> lines = Files.readAllLines(caseDir.resolve(summary.get("evidence").asString()));
      assertThat(lines).hasSize(1202);
      assertThat(lines.get(1201)).contains("late-2");
      assertThat(Files.readString(caseDir.resolve("evidence/manifest.json"))).contains(summary.get("sha256").asString());
    }
  }

  /**
   * Issue 8: a second writer of a case another process is writing (here a child following the
   * log) fails at once with exit 2, naming the child; the child's collection is undisturbed and its
   * run is recorded in case.json.
   */
  @Test
  void aSecondWriterOfACaseAnotherProcessWritesExitsTwoNamingIt() throws Exception {
    Instant now = Clock.systemUTC().instant();
    try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder()
        .seed(SimFixtures.seed(SimFixtures.events(1200, now.minus(Duration.ofHours(1)), now))).build())) {
      Map<String, String> env = Map.of("OKTA_CLIENT_ORGURL", sim.baseUrl(), "OKTA_CLIENT_TOKEN", sim.apiToken());
      Path caseDir = dir.resolve("busy");
      Process child = startChild(env, caseDir,
          List.of("collect", "--all", "--follow", "--since", "2h", "--poll-interval", "100ms", "--json"));
      awaitStderr(child, "following: 1200 events");
      Path home = Files.createDirectories(dir.resolve("home"));
      Path export = Files.writeString(dir.resolve("export.jsonl"), "{\"uuid\":\"x\",\"eventType\":\"user.session.start\",\"published\":\"" + now + "\"}\n");

      Instant before = Instant.now();
      CliRun second = CliRun.of(Clock.systemUTC(), env, home, "collect", "--case", caseDir.toString(), "--all",
          "--since", "1h");
      CliRun importing = CliRun.of(Clock.systemUTC(), env, home, "import", "--case", caseDir.toString(),
          export.toString());
      assertThat(Duration.between(before, Instant.now())).as("fails at once, never waits").isLessThan(Duration.ofSeconds(10));
      for (CliRun refused : List.of(second, importing)) {
        assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCode.USAGE.code());
        assertThat(refused.err()).contains("being written by another okta-ir process", "pid " + child.pid(),
            "okta-ir collect");
      }
      assertThat(Files.exists(caseDir.resolve("evidence/manifest.json"))).as("the refused import sealed nothing").isFalse();

      child.destroy(); // SIGTERM: the child seals and records its run before exiting
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      JsonNode summary = Json.MAPPER.readTree(Files.readString(dir.resolve("child.out")));
      assertThat(summary.get("events").asLong()).isEqualTo(1200);
      assertThat(CliRun.of(Clock.systemUTC(), env, home, "verify", "--case", caseDir.toString()).code()).isZero();
      JsonNode history = Json.MAPPER.readTree(caseDir.resolve("case.json").toFile()).get("history");
      assertThat(history.get(0).get("argv").get(0).asString()).isEqualTo("collect");
      assertThat(history.get(0).get("exitCode").asInt()).isZero();
      // the second writer can now take the case
      CliRun after = CliRun.of(Clock.systemUTC(), env, home, "import", "--case", caseDir.toString(), export.toString());
      assertThat(after.code()).as(after.err()).isZero();
    }
  }

  private void awaitStderr(Process child, String text) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      String err = Files.readString(dir.resolve("child.err"));
      if (err.contains(text)) {
        return;
      }
      assertThat(child.isAlive()).as(err).isTrue();
      Thread.sleep(20);
    }
    throw new AssertionError("the child never printed '" + text + "': " + Files.readString(dir.resolve("child.err")));
  }

  private static long countBefore(OktaSimulator sim, Instant since) {
    return sim.events().stream().filter(e -> e.published().isBefore(since)).count();
  }

  private static String[] withCase(List<String> args, Path caseDir) {
    List<String> all = new ArrayList<>(args);
    all.addAll(1, List.of("--case", caseDir.toString()));
    return all.toArray(String[]::new);
  }

  private Process startChild(Map<String, String> env, Path caseDir, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(withCase(args, caseDir)));
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("child.out").toFile())
        .redirectError(dir.resolve("child.err").toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Waits until the child's checkpoints count {@code pages} saved pages; returns the job directory. */
  private Path awaitCheckpointedPages(Path caseDir, int pages, Process child) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      assertThat(child.isAlive()).as("the child ended before it was killed: " + Files.readString(dir.resolve("child.err")))
          .isTrue();
      Path staging = caseDir.resolve(".staging");
      if (Files.isDirectory(staging)) {
        try (Stream<Path> jobs = Files.list(staging)) {
          for (Path job : jobs.filter(p -> p.getFileName().toString().startsWith("collect-")).toList()) {
            if (savedPages(job) >= pages) {
              return job;
            }
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no checkpoint in time");
  }

  private static long savedPages(Path job) throws IOException {
    long total = 0;
    try (Stream<Path> files = Files.list(job)) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("slice-\\d+\\.json")).toList()) {
        try {
          total += Json.MAPPER.readTree(f.toFile()).get("pages").asLong();
        } catch (RuntimeException racing) {
          // replaced while read: counted on the next look
        }
      }
    }
    return total;
  }
}
