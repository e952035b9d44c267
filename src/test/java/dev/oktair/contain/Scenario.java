package dev.oktair.contain;

import dev.oktair.detect.Citation;
import dev.oktair.detect.Finding;
import dev.oktair.detect.Severity;
import dev.oktair.okta.Management;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaConfig;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.SimulatorOptions;
import dev.oktair.sim.TenantSeed;
import dev.oktair.sim.scenario.Scenarios;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The contoso-aitm scenario in a simulator, with findings built by hand. Close it to stop the simulator. */
final class Scenario implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static TenantSeed cached;

  final TenantSeed seed;
  final OktaSimulator sim;

  Scenario() {
    seed = seed();
    sim = OktaSimulator.start(SimulatorOptions.builder().seed(seed).clock(CLOCK).build());
  }

  private static synchronized TenantSeed seed() {
    if (cached == null) {
      cached = Scenarios.load(Scenarios.DEFAULT, 1, NOW); // seconds to build, immutable: once per run
    }
    return cached;
  }

  Management okta(boolean dryRun) {
    return new Management(OktaClient.builder(OktaConfig.ssws(sim.baseUrl(), sim.apiToken())).clock(CLOCK)
        .dryRun(dryRun).build());
  }

  String id(String login) {
    return sim.tenant().user(login).orElseThrow().path("id").asString();
  }

  String alex() {
    return id("alex@contoso.com");
  }

  Instant attackStart() {
    return seed.story().attackStart();
  }

  /** A finding about {@code login} with {@code facts} (userId added). */
  Finding finding(String id, Severity severity, String login, Map<String, String> facts) {
    Map<String, String> all = new java.util.HashMap<>(facts);
    if (login != null) {
      all.put("userId", id(login));
    }
    return new Finding(id, "test", severity, id, id, login, null, null, null, "contain",
        List.of(new Citation.ApiObject("user", login == null ? "tenant" : login)), all);
  }

  Plan plan(Plan.Options options, Finding... findings) {
    return new Planner(okta(true), CLOCK).plan(List.of(findings), attackStart(), null, options);
  }

  @Override
  public void close() {
    sim.close();
  }
}
