package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.sim.FaultSpec;
import dev.oktair.sim.RequestJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code okta-ir contain --apply} as a child process killed with SIGKILL again and again, at
 * varying points (just after an intent line, while its request is in flight, just after an
 * outcome), then run to the end: the tenant ends as an uninterrupted apply leaves it, and no
 * mutating request reached the org twice (issue 10).
 */
class ContainProcessIT {
  private static final int[] DELAYS_MS = {0, 25, 60, 5, 90, 40};

  @TempDir Path dir;

  @Test
  void killedAppliesResumeToTheSameTenantWithoutSendingAnythingTwice() throws Exception {
    Clock clock = Clock.systemUTC();
    Instant anchor = clock.instant();
    Map<String, String> killedState;
    int kills = 0;
    try (ContainFixture f = new ContainFixture(dir.resolve("killed"), clock, anchor, b -> b.faults(FaultSpec.parse("latency=60ms")))) {
      assertThat(f.contain().code()).isZero(); // plan.json, reviewed once; every child applies it
      int lines = 0;
      for (int round = 0; ; round++) {
        assertThat(round).as("the apply never finished").isLessThan(40);
        Process child = startChild(f);
        int seen = awaitNewLines(f, child, lines, 1 + round % 3);
        if (seen < 0) {
          assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.err"))).isZero();
          break;
        }
        Thread.sleep(DELAYS_MS[round % DELAYS_MS.length]);
        child.destroyForcibly();
        child.waitFor();
        kills++;
        lines = countLines(f);
      }
      assertThat(kills).isGreaterThanOrEqualTo(5);
      // some kills landed while a request was in flight: the re-run read the effect back instead of re-sending
      assertThat(f.journalLines()).anyMatch(l -> "already-done".equals(l.path("status").asString())
          && l.path("detail").asString().length() > 0);
      if (System.getenv("CONTAIN_IT_DUMP") != null) {
        Files.copy(f.caseDir.resolve("journal.jsonl"), Path.of(System.getenv("CONTAIN_IT_DUMP")),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      Map<String, Long> sent = f.sim.journal().mutating().stream()
          .collect(Collectors.groupingBy(e -> e.method() + " " + e.path(), TreeMap::new, Collectors.counting()));
      assertThat(sent).as("mutating requests per target").allSatisfy((request, n) -> assertThat(n).as(request).isEqualTo(1));
      assertThat(f.sim.journal().mutating()).allMatch(e -> e.status() / 100 == 2);
      killedState = state(f);
    }
    try (ContainFixture clean = new ContainFixture(dir.resolve("clean"), clock, anchor, b -> {})) {
      CliRun run = clean.contain("--apply", "--yes");
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(killedState).isEqualTo(state(clean));
    }
  }

  /** The containment-relevant state of the tenant, without the simulator's own random token id. */
  static Map<String, String> state(ContainFixture f) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode u : f.sim.tenant().users()) {
      String id = u.path("id").asString();
      out.put(id + " status", u.path("status").asString());
      out.put(id + " sessions", Integer.toString(f.sim.tenant().activeSessions(id)));
      out.put(id + " factors", ids(f.sim.tenant().factors(id)));
      out.put(id + " grants", ids(f.sim.tenant().grants(id)));
      out.put(id + " refreshTokens", ids(f.sim.tenant().refreshTokens(id)));
      out.put(id + " roles", ids(f.sim.tenant().roles(id)));
    }
    out.put("apiTokens", f.sim.tenant().apiTokens().stream().map(t -> t.path("name").asString()).sorted()
        .collect(Collectors.joining(",")));
    return out;
  }

  private static String ids(List<JsonNode> nodes) {
    return nodes.stream().map(n -> n.path("id").asString()).sorted().collect(Collectors.joining(","));
  }

  private Process startChild(ContainFixture f) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "contain", "--case", f.caseDir.toString(), "--apply", "--yes"));
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("child.out").toFile())
        .redirectError(dir.resolve("child.err").toFile());
    pb.environment().putAll(f.env());
    return pb.start();
  }

  /** Waits until the journal has {@code more} lines beyond {@code before}; -1 when the child ended first. */
  private int awaitNewLines(ContainFixture f, Process child, int before, int more) throws Exception {
    Instant deadline = Instant.now().plusSeconds(120);
    while (Instant.now().isBefore(deadline)) {
      int n = countLines(f);
      if (n >= before + more) {
        return n;
      }
      if (!child.isAlive()) {
        return -1;
      }
      Thread.sleep(2);
    }
    throw new AssertionError("the child wrote nothing in time: " + Files.readString(dir.resolve("child.err")));
  }

  private static int countLines(ContainFixture f) throws IOException {
    Path journal = f.caseDir.resolve("journal.jsonl");
    if (!Files.exists(journal)) {
      return 0;
    }
    return (int) Files.readString(journal).chars().filter(c -> c == '\n').count();
  }

  static List<String> requests(List<RequestJournal.Entry> entries) {
    return entries.stream().map(RequestJournal.Entry::toString).toList();
  }
}
