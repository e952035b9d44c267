package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code drill start} then {@code drill score} end to end: the alert and exports, the secret only
 * in a 0600 file, every foothold open until some are removed by hand through the Okta API, then
 * exactly the rest; exit 10 while any is open; refusals exit 2 or 3 naming what to fix.
 */
class DrillCommandIT {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  /** A drill served from a background thread, stopped by interrupting it. */
  private static final class Served implements AutoCloseable {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final AtomicInteger exit = new AtomicInteger(-1);
    final Thread thread;

    Served(Path home, String... args) throws InterruptedException {
      Context ctx = new Context(new PrintWriter(out, true), new PrintWriter(err, true), CLOCK, Map.of(), home, false);
      thread = new Thread(() -> exit.set(Cli.run(ctx, args)));
      thread.start();
      long deadline = System.currentTimeMillis() + 90_000;
      while (!err.toString().contains("press Ctrl-C") && thread.isAlive() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
    }

    @Override
    public void close() throws InterruptedException {
      thread.interrupt();
      thread.join(10_000);
    }
  }

  @Test
  void untouchedAllOpenThenExactlyTheRestAfterRemovingSomeByHand(@TempDir Path home) throws Exception {
    try (Served drill = new Served(home, "drill", "start", "--scenario", "contoso-aitm", "--seed", "7", "--json")) {
      JsonNode start = Json.MAPPER.readTree(drill.out.toString().lines().findFirst().orElseThrow());
      String org = start.path("orgUrl").asString();
      String token = start.path("token").asString();
      assertThat(start.path("env").path("OKTA_CLIENT_ORGURL").asString()).isEqualTo(org);
      assertThat(start.path("env").path("OKTA_CLIENT_TOKEN").asString()).isEqualTo(token);
      assertThat(start.path("alert").path("user").asString()).endsWith("@contoso.com").isNotEqualTo("alex@contoso.com");
      assertThat(start.path("alert").path("summary").asString()).contains("push");

      Path file = home.resolve(".okta-ir/drills/127.0.0.1_" + URI.create(org).getPort() + ".json");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
      String secret = Json.MAPPER.readTree(Files.readString(file)).path("secret").asString();
      assertThat(drill.out.toString()).doesNotContain(secret);
      assertThat(drill.err.toString()).doesNotContain(secret);

      Map<String, String> env = Map.of("OKTA_CLIENT_ORGURL", org, "OKTA_CLIENT_TOKEN", token);
      CliRun untouched = CliRun.of(CLOCK, env, home, "drill", "score", "--json");
      assertThat(untouched.code()).as(untouched.err()).isEqualTo(ExitCode.FINDINGS.code());
      JsonNode card = Json.MAPPER.readTree(untouched.out());
      assertThat(card.path("scenario").asString()).isEqualTo("contoso-aitm");
      assertThat(card.path("seed").asLong()).isEqualTo(7);
      assertThat(card.path("footholds").size()).isGreaterThan(10);
      card.path("footholds").forEach(f -> assertThat(f.path("status").asString()).isEqualTo("open"));
      assertThat(card.path("collateral").size()).isZero();
      assertThat(card.path("otherVictims").get(0).path("found").asBoolean()).isFalse();
      assertThat(card.path("secondsToContain").isNull()).isTrue();

      // by hand, through okta-ir's own client: the rogue factors and the API token
      OktaClient okta = OktaClient.builder(OktaConfig.ssws(org, token)).clock(CLOCK).build();
      String login = start.path("alert").path("user").asString();
      String userId = okta.get("/api/v1/users/" + OktaClient.encode(login)).json().path("id").asString();
      List<String> removed = new java.util.ArrayList<>();
      for (JsonNode f : card.path("footholds")) {
        String kind = f.path("kind").asString();
        String id = f.path("id").asString();
        if (kind.equals("factor") && f.path("label").asString().contains("sms")) {
          okta.delete("/api/v1/users/" + userId + "/factors/" + id);
          removed.add(id);
        } else if (kind.equals("api-token")) {
          okta.delete("/api/v1/api-tokens/" + id);
          removed.add(id);
        }
      }
      assertThat(removed).hasSize(2);

      CliRun after = CliRun.of(CLOCK, env, home, "drill", "score", "--json");
      assertThat(after.code()).isEqualTo(ExitCode.FINDINGS.code());
      JsonNode later = Json.MAPPER.readTree(after.out());
      for (JsonNode f : later.path("footholds")) {
        boolean gone = removed.contains(f.path("id").asString());
        assertThat(f.path("status").asString()).as(f.toString()).isEqualTo(gone ? "removed" : "open");
      }
      assertThat(later.path("collateral").size()).isZero();

      CliRun text = CliRun.of(CLOCK, env, home, "drill", "score");
      assertThat(text.out()).contains("FOOTHOLDS  2 of " + later.path("footholds").size() + " removed")
          .contains("MISSED").contains("TIME TO CONTAIN  not yet");
    }
  }

  @Test
  void textStartPrintsTheAlertAndExportsAndCleansUp(@TempDir Path home) throws Exception {
    String org;
    try (Served drill = new Served(home, "drill", "start", "--scenario", "oauth-token-theft", "--seed", "3")) {
      String out = drill.out.toString();
      assertThat(out).startsWith("ALERT  ").contains("@woodgrove.example: ").contains("export OKTA_CLIENT_ORGURL=http://127.0.0.1:")
          .contains("export OKTA_CLIENT_TOKEN=").doesNotContain("oauth-token-theft").doesNotContain("Data Export");
      org = out.lines().filter(l -> l.startsWith("export OKTA_CLIENT_ORGURL=")).findFirst().orElseThrow()
          .substring("export OKTA_CLIENT_ORGURL=".length());
      assertThat(drill.err.toString()).contains("drill score");
    }
    assertThat(home.resolve(".okta-ir/drills/127.0.0.1_" + URI.create(org).getPort() + ".json")).doesNotExist();
    CliRun gone = CliRun.of(CLOCK, Map.of("OKTA_CLIENT_ORGURL", org, "OKTA_CLIENT_TOKEN", "00x"), home, "drill", "score");
    assertThat(gone.code()).isEqualTo(ExitCode.CONFIG.code());
    assertThat(gone.err()).contains("no drill is running for " + org);
  }

  @Test
  void aBadScenarioFileOrNameIsAUsageError(@TempDir Path home) throws Exception {
    String doc = Files.readString(Path.of("docs/scenarios.md"));
    int from = doc.indexOf("```yaml\n", doc.indexOf("## A complete example")) + "```yaml\n".length();
    String example = doc.substring(from, doc.indexOf("```", from));
    Path file = home.resolve("ours.yaml");
    String teleport = example.replace("do: factor.activate", "do: factor.teleport");
    Files.writeString(file, teleport);
    CliRun bad = CliRun.of(CLOCK, Map.of(), home, "drill", "start", "--scenario-file", file.toString());
    assertThat(bad.code()).isEqualTo(ExitCode.USAGE.code());
    int line = (int) teleport.substring(0, teleport.indexOf("factor.teleport")).chars().filter(c -> c == '\n').count() + 1;
    assertThat(bad.err()).contains(file + ":" + line + ":").contains("/attack/steps/3:").contains("factor.teleport");

    Files.writeString(file, "name: ours\norg: {name: X, domain: x.example, oktaDomain: x.okta.com}\nusers: {count: 2}\n"
        + "baseline: {days: 3, workStart: '09:00', workEnd: '17:00'}\n");
    CliRun empty = CliRun.of(CLOCK, Map.of(), home, "drill", "start", "--scenario-file", file.toString());
    assertThat(empty.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(empty.err()).contains(file + ":3:").contains("/users").contains("networks of kind office");
    CliRun unknown = CliRun.of(CLOCK, Map.of(), home, "drill", "start", "--scenario", "nope");
    assertThat(unknown.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(unknown.err()).contains("unknown scenario 'nope'");
    try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliRun taken = CliRun.of(CLOCK, Map.of(), home, "drill", "start", "--scenario", "oauth-token-theft",
          "--port", String.valueOf(busy.getLocalPort()));
      assertThat(taken.code()).isEqualTo(ExitCode.CONFIG.code());
      assertThat(taken.err()).contains(String.valueOf(busy.getLocalPort()));
    }
  }
}
