package dev.oktair.cli;

import dev.oktair.sim.FaultSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Times plan + apply of the contoso-aitm containment against the simulator with 100 ms of latency
 * on every request (target: under 5 s). Not a test: run it by hand, on a quiet machine,
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.oktair.cli.ContainBench}.
 */
public final class ContainBench {
  private ContainBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("contain-bench");
    Clock clock = Clock.systemUTC();
    for (int round = 0; round < 3; round++) {
      try (ContainFixture f = new ContainFixture(dir.resolve("r" + round), clock, b -> b.faults(FaultSpec.parse("latency=100ms")))) {
        long t0 = System.nanoTime();
        CliRun run = f.contain("--apply", "--yes");
        long t1 = System.nanoTime();
        if (run.code() != 0) {
          throw new AssertionError(run.out() + run.err());
        }
        System.out.printf(Locale.ROOT, "plan + apply: %.2f s, %d requests (%d mutating), %d actions%n", (t1 - t0) / 1e9,
            f.sim.journal().requests().size(), f.sim.journal().mutating().size(), f.plan().get("actions").size());
      }
    }
  }
}
