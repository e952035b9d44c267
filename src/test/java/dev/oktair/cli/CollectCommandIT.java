package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.okta.ForeignLinkProxy;
import dev.oktair.okta.ScaledTime;
import dev.oktair.okta.SimFixtures;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.SimulatorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code okta-ir collect} end to end against the simulator: auth modes, exit codes, output, secrets. */
class CollectCommandIT {
  private static final Instant NOW = SimFixtures.NOW;
  private final ScaledTime time = new ScaledTime(NOW, 1);
  private final List<AutoCloseable> closing = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private OktaSimulator sim(Consumer<SimulatorOptions.Builder> options) {
    SimulatorOptions.Builder b = SimulatorOptions.builder()
        .seed(SimFixtures.seed(SimFixtures.events(3000, NOW.minus(Duration.ofDays(10)), NOW))).clock(time);
    options.accept(b);
    OktaSimulator sim = OktaSimulator.start(b.build());
    closing.add(sim);
    return sim;
  }

  private Path home() throws IOException {
    return Files.createDirectories(dir.resolve("home"));
  }

  private CliRun run(Map<String, String> env, String... args) throws IOException {
    return CliRun.of(time, env, home(), args);
  }

  private static Map<String, String> ssws(OktaSimulator sim) {
    return Map.of("OKTA_CLIENT_ORGURL", sim.baseUrl(), "OKTA_CLIENT_TOKEN", sim.apiToken());
  }

  @Test
  void collectsAUserWithAnApiTokenFromTheEnvironment() throws IOException {
    OktaSimulator sim = sim(b -> {});
    Path caseDir = dir.resolve("case");
    CliRun r = run(ssws(sim), "collect", "--case", caseDir.toString(), "--user", SimFixtures.BOB_LOGIN,
        "--since", "7d", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode summary = Json.MAPPER.readTree(r.out());
    assertThat(summary.get("events").asLong()).isPositive();
    assertThat(summary.get("slices").asInt()).isEqualTo(4);
    assertThat(summary.get("evidence").asString()).isEqualTo("evidence/0001-okta-user-bob-contoso.com.jsonl");
    Path evidence = caseDir.resolve(summary.get("evidence").asString());
    assertThat(summary.get("sha256").asString()).isEqualTo(EvidenceStore.sha256(evidence));
    assertThat(Files.readAllLines(evidence)).hasSize(summary.get("events").asInt());
    assertThat(r.err()).contains("[okta-ir] collecting 4 slices concurrently", "100% of the window");
  }

  @Test
  void readsOktaYamlAndPrintsAPlainSummary() throws IOException {
    OktaSimulator sim = sim(b -> {});
    Files.createDirectories(home().resolve(".okta"));
    Files.writeString(home().resolve(".okta/okta.yaml"),
        "okta:\n  client:\n    orgUrl: " + sim.baseUrl() + "\n    token: " + sim.apiToken() + "\n");
    CliRun r = run(Map.of(), "collect", "--case", dir.resolve("c").toString(), "--all", "--since", "2d", "--slices", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("collected ").contains("into evidence/0001-okta-all.jsonl", "sha256 ");
  }

  @Test
  void collectsWithAServiceAppGivenByFlagsEvenWhenDpopIsRequired() throws IOException {
    OktaSimulator sim = sim(b -> b.requireDpop(true));
    CliRun r = run(Map.of(), "collect", "--case", dir.resolve("c").toString(), "--user", SimFixtures.BOB_LOGIN,
        "--since", "7d", "--org", sim.baseUrl(), "--auth-mode", "PrivateKey", "--client-id", sim.oauthClientId(),
        "--private-key", sim.privateKeyPem().toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Json.MAPPER.readTree(r.out()).get("events").asLong()).isPositive();
    assertThat(SimFixtures.requests(sim)).anyMatch(e -> e.path().equals("/oauth2/v1/token") && e.status() == 200);
  }

  @Test
  void aRejectedTokenExits3SayingWhatToFix() throws IOException {
    OktaSimulator sim = sim(b -> {});
    CliRun r = run(Map.of("OKTA_CLIENT_ORGURL", sim.baseUrl(), "OKTA_CLIENT_TOKEN", "00notTheRightToken"),
        "collect", "--case", dir.resolve("c").toString(), "--user", SimFixtures.BOB_LOGIN, "--since", "7d");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("401", "OKTA_CLIENT_TOKEN", "To fix").doesNotContain("00notTheRightToken");
  }

  @Test
  void aMissingScopeExits3NamingTheScopeToGrant() throws IOException {
    OktaSimulator sim = sim(b -> b.grantedScopes(Set.of("okta.users.read")));
    List<String> base = List.of("collect", "--case", dir.resolve("c").toString(), "--user", SimFixtures.BOB_LOGIN,
        "--since", "7d", "--org", sim.baseUrl(), "--client-id", sim.oauthClientId(), "--private-key",
        sim.privateKeyPem().toString());
    CliRun refusedAtTheTokenEndpoint = run(Map.of(), base.toArray(String[]::new));
    assertThat(refusedAtTheTokenEndpoint.code()).isEqualTo(3);
    assertThat(refusedAtTheTokenEndpoint.err()).contains("invalid_scope", "okta.logs.read", "Okta API Scopes");
    List<String> fewer = new ArrayList<>(base);
    fewer.addAll(List.of("--scopes", "okta.users.read"));
    CliRun forbidden = run(Map.of(), fewer.toArray(String[]::new));
    assertThat(forbidden.code()).isEqualTo(3);
    assertThat(forbidden.err()).contains("403", "grant the scope okta.logs.read");
  }

  @Test
  void configurationAndUsageErrorsExitBeforeAnyRequest() throws IOException {
    OktaSimulator sim = sim(b -> {});
    String caseDir = dir.resolve("c").toString();
    CliRun noOrg = run(Map.of("OKTA_CLIENT_TOKEN", "x"), "collect", "--case", caseDir, "--all", "--since", "1d");
    assertThat(noOrg.code()).isEqualTo(3);
    assertThat(noOrg.err()).contains("--org", "OKTA_CLIENT_ORGURL");
    CliRun plainHttp = run(Map.of("OKTA_CLIENT_TOKEN", "x"), "collect", "--case", caseDir, "--all", "--since", "1d",
        "--org", "http://acme.okta.com");
    assertThat(plainHttp.code()).isEqualTo(3);
    assertThat(run(ssws(sim), "collect", "--case", caseDir, "--since", "1d").code()).isEqualTo(2);
    assertThat(run(ssws(sim), "collect", "--case", caseDir, "--all", "--since", "yesterday").code()).isEqualTo(2);
    CliRun ancient = run(ssws(sim), "collect", "--case", caseDir, "--all", "--since", "200d");
    assertThat(ancient.code()).isEqualTo(2);
    assertThat(ancient.err()).contains("180 days", "okta-ir import");
    assertThat(run(ssws(sim), "collect", "--case", caseDir, "--user", "ghost@contoso.com", "--since", "1d").code())
        .isEqualTo(2);
    assertThat(SimFixtures.requests(sim)).extracting(e -> e.path()).containsExactly("/api/v1/users/ghost@contoso.com");
  }

  /** A bad --filter used to reach Okta and come back as a 400 (exit 4); it is a local usage error. */
  @Test
  void aBadFilterIsAUsageErrorBeforeAnyRequest() throws IOException {
    OktaSimulator sim = sim(b -> {});
    CliRun bad = run(ssws(sim), "collect", "--case", dir.resolve("f").toString(), "--filter", "bad filter", "--since", "1d");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("invalid filter").contains("^");
    assertThat(SimFixtures.requests(sim)).isEmpty();
  }

  @Test
  void helpSaysTheTokenIsNeverAFlag() throws IOException {
    CliRun help = run(Map.of(), "collect", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("OKTA_CLIENT_TOKEN", "never").doesNotContain("--token");
  }

  @Test
  void theTokenGoesNowhereButTheOrgAndIsWrittenNowhere() throws Exception {
    OktaSimulator sim = sim(b -> {});
    String token = sim.apiToken();
    List<String> outputs = new ArrayList<>();
    CliRun ok = run(ssws(sim), "collect", "--case", dir.resolve("ok").toString(), "--user", SimFixtures.BOB_LOGIN,
        "--since", "9d", "--verbose", "--json");
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.err()).contains("token=<masked>");
    outputs.add(ok.out() + ok.err());

    ForeignLinkProxy proxy = new ForeignLinkProxy(sim.baseUrl());
    closing.add(proxy);
    CliRun hostile = run(Map.of("OKTA_CLIENT_ORGURL", proxy.url(), "OKTA_CLIENT_TOKEN", token),
        "collect", "--case", dir.resolve("hostile").toString(), "--all", "--since", "9d", "--slices", "2", "--verbose");
    assertThat(hostile.code()).isEqualTo(4);
    assertThat(hostile.err()).contains("refusing to follow it", proxy.foreignUrl().replace("http://", ""));
    outputs.add(hostile.out() + hostile.err());
    assertThat(proxy.foreignRequests()).isEmpty();

    assertThat(outputs).noneMatch(o -> o.contains(token));
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> written = files.filter(Files::isRegularFile).toList();
      assertThat(written).anyMatch(p -> p.toString().contains(".staging")); // the failed run's checkpoints
      assertThat(written).anyMatch(p -> p.getFileName().toString().equals("manifest.json"));
      for (Path p : written) {
        assertThat(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).as(p.toString()).doesNotContain(token);
      }
    }
  }
}
