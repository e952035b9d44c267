package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.downstream.Connector;
import dev.oktair.downstream.Downstream;
import dev.oktair.downstream.DownstreamConfig;
import dev.oktair.downstream.Outcome;
import dev.oktair.downstream.SpIdentity;
import dev.oktair.downstream.Step;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code okta-ir simulate} prints connector settings that a person can paste to revoke at the fake SPs. */
class SimulateDownstreamIT {
  @Test
  void printedExportsConfigureEveryConnectorAgainstTheFakes(@TempDir Path home) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context ctx = new Context(new PrintWriter(out, true), new PrintWriter(err, true), Runs.CLOCK, Map.of(), home, false);
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving = new Thread(() -> exit.set(Cli.run(ctx, "simulate", "--port", "0")));
    serving.start();
    long deadline = System.currentTimeMillis() + 90_000;
    while (!err.toString().contains("press Ctrl-C") && System.currentTimeMillis() < deadline && serving.isAlive()) {
      Thread.sleep(20);
    }
    try {
      Map<String, String> env = new HashMap<>();
      Matcher m = Pattern.compile("export (OKTAIR_\\w+)=(\\S+)").matcher(out.toString());
      while (m.find()) {
        env.put(m.group(1), m.group(2));
      }
      DownstreamConfig config = DownstreamConfig.load(null, env);
      assertThat(config.configured()).containsExactlyInAnyOrder("graph", "google", "salesforce", "aws", "slack", "github");
      Map<String, Connector> connectors = Downstream.connectors(config, Runs.CLOCK, false);
      Outcome o = connectors.get("slack").run(Step.SESSIONS, new SpIdentity("alex@contoso.com", List.of()));
      assertThat(o.status()).as(o.detail()).isEqualTo(Outcome.Status.REQUESTED);
    } finally {
      serving.interrupt();
      serving.join(10_000);
    }
    assertThat(exit.get()).isZero();
  }
}
