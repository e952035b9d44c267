package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.evidence.EvidenceWriter;
import dev.oktair.evidence.Source;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.SimulatorOptions;
import dev.oktair.sim.TenantSeed;
import dev.oktair.sim.scenario.Scenarios;
import dev.oktair.sim.sp.SpFakes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code okta-ir downstream} on the AiTM story: every app the attacker reached is in the impact
 * map with the SP identity of the Okta app user (Salesforce's and GitHub's differ from the Okta
 * login), unknown apps get a manual checklist, and no connector secret is printed or written.
 */
class DownstreamCommandIT {
  @TempDir Path home;
  @TempDir Path caseDir;
  TenantSeed seed;
  OktaSimulator sim;
  SpFakes sps;
  Map<String, String> env;

  @BeforeEach
  void start() {
    seed = Scenarios.load(Scenarios.DEFAULT, 11, Runs.NOW);
    try (EvidenceWriter w = EvidenceStore.open(caseDir, Runs.CLOCK).create("scenario", Source.imported("scenario"))) {
      seed.events().forEach(w::write);
      w.seal();
    }
    sim = OktaSimulator.start(SimulatorOptions.builder().seed(seed).clock(Runs.CLOCK).build());
    sps = SpFakes.start(Runs.CLOCK, seed);
    env = new HashMap<>(sps.environment());
    env.put("OKTA_CLIENT_ORGURL", sim.baseUrl());
    env.put("OKTA_CLIENT_TOKEN", sim.apiToken());
  }

  @AfterEach
  void stop() {
    sps.close();
    sim.close();
  }

  private Runs.Run run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context ctx = new Context(new PrintWriter(out), new PrintWriter(err), Runs.CLOCK, environment, home, false);
    int exit = Cli.run(ctx, args);
    return new Runs.Run(exit, out.toString(), err.toString());
  }

  @Test
  void everyAppTheAttackerReachedIsMappedToItsSpIdentity() throws IOException {
    Runs.Run r = run(env, "downstream", "--case", caseDir.toString(), "--user", "alex@contoso.com",
        "--since", seed.story().attackStart().toString(), "--json", "-v");
    assertThat(r.exit()).as(r.err()).isZero();
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    r.out().lines().map(Json.MAPPER::readTree).forEach(n -> byName.put(n.path("app").path("name").asString(), n));
    assertThat(byName).containsKeys("office365", "salesforce", "amazon_aws", "slack", "githubcloud");
    assertThat(byName.get("office365").path("sp").asString()).isEqualTo("graph");
    assertThat(byName.get("office365").path("spIdentity").path("userName").asString()).isEqualTo("alex@contoso.com");
    assertThat(byName.get("office365").path("lastAccess").asString()).isNotBlank();
    assertThat(byName.get("salesforce").path("spIdentity").path("userName").asString()).isEqualTo("alex@contoso.com.prod");
    assertThat(byName.get("githubcloud").path("spIdentity").path("userName").asString()).isEqualTo("alex-contoso");
    assertThat(byName.get("amazon_aws").path("spIdentity").path("roles")).hasSize(2);
    for (String app : List.of("office365", "salesforce", "amazon_aws", "slack", "githubcloud")) {
      JsonNode actions = byName.get(app).path("actions");
      assertThat(actions).isNotEmpty();
      actions.forEach(a -> assertThat(a.path("kills").asString()).isNotBlank());
      assertThat(actions).anyMatch(a -> !a.path("manual").asBoolean());
    }
    // payroll was assigned through the attacker's API token: a custom app, a manual checklist
    JsonNode payroll = byName.get("contoso_payroll_1");
    assertThat(payroll).isNotNull();
    assertThat(payroll.path("sp").isNull()).isTrue();
    assertThat(payroll.path("actions")).isNotEmpty().allMatch(a -> a.path("manual").asBoolean());
    assertNoSecretIn(r.out() + r.err());
    try (Stream<Path> files = Files.walk(caseDir)) {
      for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".duckdb")).toList()) {
        // bytes, not text: a binary file (the pivot summaries) is scanned too, and text as before
        byte[] bytes = Files.readAllBytes(f);
        assertNoSecretIn(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        assertNoSecretIn(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(sps.journal().requests()).as("mapping sends nothing to any SP").isEmpty();
  }

  @Test
  void withoutConnectorsEveryActionIsManualAndTheTextSaysWhy() {
    Map<String, String> oktaOnly = Map.of("OKTA_CLIENT_ORGURL", sim.baseUrl(), "OKTA_CLIENT_TOKEN", sim.apiToken());
    Runs.Run r = run(oktaOnly, "downstream", "--case", caseDir.toString(), "--user", "alex@contoso.com",
        "--since", seed.story().attackStart().toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Salesforce.com").contains("alex@contoso.com.prod")
        .contains("[manual] salesforce delete AuthSessions (manual: no salesforce connector configured)")
        .contains("survives:");
  }

  @Test
  void anIncompleteConnectorSettingIsAConfigurationErrorNamingIt() {
    Map<String, String> bad = new HashMap<>(env);
    bad.remove("OKTAIR_GRAPH_CLIENT_SECRET");
    Runs.Run r = run(bad, "downstream", "--case", caseDir.toString(), "--user", "alex@contoso.com");
    assertThat(r.exit()).isEqualTo(ExitCode.CONFIG.code());
    assertThat(r.err()).contains("OKTAIR_GRAPH_CLIENT_SECRET");
    assertNoSecretIn(r.out() + r.err());
  }

  private void assertNoSecretIn(String text) {
    for (String key : List.of("OKTAIR_GRAPH_CLIENT_SECRET", "OKTAIR_AWS_SECRET_ACCESS_KEY", "OKTAIR_SLACK_TOKEN",
        "OKTAIR_GITHUB_TOKEN")) {
      assertThat(text).doesNotContain(sps.environment().get(key));
    }
    assertThat(text).doesNotContain("BEGIN PRIVATE KEY");
  }
}
