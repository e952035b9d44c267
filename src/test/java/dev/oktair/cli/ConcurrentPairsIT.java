package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import dev.oktair.okta.SimFixtures;
import dev.oktair.sim.FaultSpec;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: every pair of (collect, import, load, events, pivot, export, verify) run at once on one
 * case, through {@link Cli#run} on two threads (the case lock refuses a second holder in the same
 * process as in another). Writers are exclusive: the second exits 2 naming the holder. Readers
 * exit 0 with a state that existed (before or after a writer, never half of one), or 2 when the
 * database is being written; never 1, 7 or 8. Afterwards the case holds exactly the evidence of
 * the writers that succeeded, once each.
 */
class ConcurrentPairsIT {
  private static final int BASE = 200;
  private static final int IMPORTED = 2500;
  private static final int COLLECTED = 3000;
  private static final List<String> COMMANDS = List.of("collect", "import", "load", "events", "pivot", "export", "verify");
  private static final Set<String> WRITERS = Set.of("collect", "import", "load");

  @TempDir Path dir;
  private OktaSimulator sim;
  private Map<String, String> env;
  private Path template;
  private Path more;
  private Instant since;
  private Instant until;
  private int refused;

  @BeforeEach
  void start() throws IOException {
    Instant now = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
    since = now.minus(Duration.ofDays(2));
    until = now;
    sim = OktaSimulator.start(SimulatorOptions.builder()
        .seed(SimFixtures.seed(SimFixtures.events(COLLECTED, since.plusSeconds(60), now.minusSeconds(60))))
        .faults(FaultSpec.parse("latency=150ms")).build());
    env = Map.of("OKTA_CLIENT_ORGURL", sim.baseUrl(), "OKTA_CLIENT_TOKEN", sim.apiToken());
    template = dir.resolve("template");
    Path base = Files.writeString(dir.resolve("base.jsonl"), lines("base-", BASE, now.minus(Duration.ofDays(10))));
    more = Files.writeString(dir.resolve("more.jsonl"), lines("imported-", IMPORTED, now.minus(Duration.ofDays(9))));
    assertThat(run("import", "--case", template.toString(), base.toString()).code()).isZero();
    assertThat(run("load", "--case", template.toString()).code()).isZero();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static String lines(String prefix, int n, Instant from) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(Runs.event(prefix + i, from.plusSeconds(i * 30L), "user.session.start", "10.0." + (i % 7) + ".1", "m"))
          .append('\n');
    }
    return sb.toString();
  }

  private CliRun run(String... args) {
    return CliRun.of(Clock.systemUTC(), env, dir.resolve("home"), args);
  }

  private String[] args(String command, Path caseDir, String tag) {
    String c = caseDir.toString();
    Function<String, String[]> f = name -> switch (name) {
      case "collect" -> new String[] {"collect", "--case", c, "--all", "--since", since.toString(), "--until",
          until.toString(), "--slices", "2", "--json"};
      case "import" -> new String[] {"import", "--case", c, more.toString()};
      case "load" -> new String[] {"load", "--case", c};
      case "events" -> new String[] {"events", "--case", c, "--json"};
      case "pivot" -> new String[] {"pivot", "--case", c, "--by", "ip", "--json"};
      case "export" -> new String[] {"export", "--case", c, "--format", "jsonl", "--out",
          dir.resolve("export-" + tag).toString()};
      default -> new String[] {"verify", "--case", c};
    };
    return f.apply(command);
  }

  @Test
  void everyPairOfCommandsAtOnceOnOneCase() throws Exception {
    int pairs = 0;
    List<String> problems = new ArrayList<>();
    for (int round = 0; round < Soak.factor(); round++) {
      for (int i = 0; i < COMMANDS.size(); i++) {
        for (int j = i; j < COMMANDS.size(); j++) {
          String a = COMMANDS.get(i);
          String b = COMMANDS.get(j);
          pairs++;
          problems.addAll(pair(a, b, "p" + pairs));
        }
      }
    }
    System.out.println("[pairs] " + pairs + " pairs, " + refused + " runs refused (exit 2) while the other held the case");
    assertThat(pairs).isEqualTo(28 * Soak.factor());
    assertThat(problems).isEmpty();
  }

  private List<String> pair(String a, String b, String tag) throws Exception {
    Path caseDir = dir.resolve("case-" + tag);
    copy(template, caseDir);
    CyclicBarrier together = new CyclicBarrier(2);
    CompletableFuture<CliRun> ra = CompletableFuture.supplyAsync(() -> await(together, args(a, caseDir, tag + "a")));
    CompletableFuture<CliRun> rb = CompletableFuture.supplyAsync(() -> await(together, args(b, caseDir, tag + "b")));
    List<String> problems = new ArrayList<>();
    String name = a + "+" + b;
    CliRun first = ra.get();
    CliRun second = rb.get();
    boolean collected = false;
    boolean imported = false;
    int refusedWriters = 0;
    for (int k = 0; k < 2; k++) {
      String command = k == 0 ? a : b;
      CliRun r = k == 0 ? first : second;
      if (r.code() == 2) {
        if (!r.err().contains("being written by another okta-ir process") && !r.err().contains("open in another process or command")) {
          problems.add(name + ": " + command + " exit 2 without naming the holder: " + r.err());
        }
        refusedWriters += WRITERS.contains(command) ? 1 : 0;
        refused++;
      } else if (r.code() != 0) {
        problems.add(name + ": " + command + " exit " + r.code() + ": " + r.err());
      } else {
        collected |= command.equals("collect");
        imported |= command.equals("import");
        problems.addAll(readerState(name, command, r));
      }
    }
    if (WRITERS.contains(a) && WRITERS.contains(b) && refusedWriters == 2) {
      problems.add(name + ": both writers refused");
    }
    problems.addAll(finalState(name, caseDir, BASE + (collected ? COLLECTED : 0) + (imported ? IMPORTED : 0)));
    return problems;
  }

  /** A reader's answer must be a state that existed: before or after each writer, never between. */
  private List<String> readerState(String name, String command, CliRun r) throws IOException {
    Set<Long> possible = Set.of((long) BASE, (long) BASE + COLLECTED, (long) BASE + IMPORTED,
        (long) BASE + COLLECTED + IMPORTED);
    long seen;
    if (command.equals("events")) {
      seen = r.out().lines().filter(l -> !l.isBlank()).count();
    } else if (command.equals("export")) {
      try (Stream<String> exported = Files.lines(Path.of(r.out().trim()))) {
        seen = exported.count();
      }
    } else {
      return List.of();
    }
    return possible.contains(seen) ? List.of() : List.of(name + ": " + command + " saw " + seen + " events");
  }

  private List<String> finalState(String name, Path caseDir, long expected) {
    List<String> problems = new ArrayList<>();
    CliRun verify = run("verify", "--case", caseDir.toString());
    if (verify.code() != 0) {
      problems.add(name + ": verify afterwards exit " + verify.code() + ": " + verify.err());
    }
    CliRun events = run("events", "--case", caseDir.toString(), "--json");
    long distinct = events.out().lines().filter(l -> !l.isBlank()).map(l -> LogEvent.parse(l).uuid()).distinct().count();
    long lines = events.out().lines().filter(l -> !l.isBlank()).count();
    if (distinct != expected || lines != expected) {
      problems.add(name + ": " + lines + " events (" + distinct + " distinct) afterwards, expected " + expected);
    }
    CliRun sql = run("sql", "--case", caseDir.toString(), "--json", "SELECT count(*) AS n FROM events");
    if (sql.code() != 0 || !sql.out().contains("\"n\":" + expected)) {
      problems.add(name + ": sql afterwards: " + sql.code() + " " + sql.out() + sql.err());
    }
    return problems;
  }

  private CliRun await(CyclicBarrier barrier, String[] args) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return run(args);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().equals(".lock")) {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
