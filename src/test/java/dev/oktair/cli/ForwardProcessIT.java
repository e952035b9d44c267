package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LogEvent;
import dev.oktair.forward.FakeSink;
import dev.oktair.forward.Forwarder;
import dev.oktair.okta.SimFixtures;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.SimulatorOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: {@code collect --follow --forward} as a child process, killed with SIGKILL while
 * forwarding to a sink that answers 5xx now and then, and run again: the sink ends with every
 * event exactly once by uuid, and only the batch cut off by the kill (or one whose answer the sink
 * "lost") crossed the wire twice.
 */
class ForwardProcessIT {
  private static final int EVENTS = 3000;

  @TempDir Path dir;

  @Test
  void aKilledForwardToHecResumesWithEveryEventOnce() throws Exception {
    killAndResume(false);
  }

  @Test
  void aKilledForwardToBulkResumesWithEveryEventOnce() throws Exception {
    killAndResume(true);
  }

  private void killAndResume(boolean bulk) throws Exception {
    Instant now = Clock.systemUTC().instant();
    List<LogEvent> seeded = SimFixtures.events(EVENTS, now.minus(Duration.ofHours(1)), now);
    try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().seed(SimFixtures.seed(seeded)).build());
        FakeSink sink = FakeSink.start(4, 9, bulk ? 17 : 0, 40)) {
      URI url = bulk ? sink.bulkUrl() : sink.hecUrl();
      Map<String, String> env = Map.of("OKTA_CLIENT_ORGURL", sim.baseUrl(), "OKTA_CLIENT_TOKEN", sim.apiToken(),
          "OKTAIR_FORWARD_TOKEN", FakeSink.TOKEN);
      Path caseDir = dir.resolve("case");
      List<String> args = List.of("collect", "--case", caseDir.toString(), "--all", "--follow", "--since", "2h",
          "--poll-interval", "100ms", "--forward", url.toString());

      Process first = start(env, args, "first");
      await(() -> sink.stored().size() >= 800, first, "first");
      first.destroyForcibly(); // SIGKILL mid-forward: no hook, no seal
      first.waitFor();
      int before = sink.stored().size();
      assertThat(before).as("killed before the end").isLessThan(EVENTS);

      Process second = start(env, args, "second");
      await(() -> sink.stored().size() >= EVENTS, second, "second");
      assertThat(Files.readString(dir.resolve("second.err"))).contains("resuming:");
      second.destroy(); // SIGTERM, as Ctrl-C
      assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();

      Set<String> expected = seeded.stream().map(LogEvent::uuid).collect(Collectors.toSet());
      assertThat(sink.stored().keySet()).as("every event stored, none missing, none foreign").isEqualTo(expected);
      // at-least-once to the wire: repeats only for lost answers and the batch the kill cut off
      assertThat(sink.repeated().size()).isLessThanOrEqualTo(Forwarder.BATCH * (sink.requests() / 9 + 1));
      long resentFromBefore = sink.wire().values().stream().filter(n -> n > 1).count();
      assertThat(resentFromBefore).isLessThan(before);
      String out = Files.readString(dir.resolve("second.err"));
      assertThat(out).doesNotContain(FakeSink.TOKEN);
    }
  }

  private void await(BooleanSupplier done, Process child, String name) throws Exception {
    Instant deadline = Instant.now().plusSeconds(90);
    while (Instant.now().isBefore(deadline)) {
      if (done.getAsBoolean()) {
        return;
      }
      assertThat(child.isAlive()).as(Files.readString(dir.resolve(name + ".err"))).isTrue();
      Thread.sleep(20);
    }
    throw new AssertionError("timed out: " + Files.readString(dir.resolve(name + ".err")));
  }

  private Process start(Map<String, String> env, List<String> args, String name) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile());
    pb.environment().putAll(env);
    return pb.start();
  }
}
