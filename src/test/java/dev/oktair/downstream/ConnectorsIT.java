package dev.oktair.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.sim.TenantSeed;
import dev.oktair.sim.scenario.Scenarios;
import dev.oktair.sim.sp.SpFakes;
import dev.oktair.sim.sp.SpFault;
import dev.oktair.sim.sp.SpJournal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every connector against the fake SPs over real HTTP on loopback, seeded from contoso-aitm:
 * exactly the expected calls in the journal, the SP's state changed, failures (500, 401, ok:false)
 * reported FAILED with the reason while others complete, and dry-run sending nothing at all.
 */
class ConnectorsIT {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
  static final List<String> ROLES = List.of(
      "arn:aws:iam::210987654321:role/OktaAdministrator", "arn:aws:iam::210987654321:role/OktaReadOnly");
  static TenantSeed seed;
  SpFakes fakes;
  Map<String, Connector> connectors;

  @BeforeAll
  static void seed() {
    seed = Scenarios.load("contoso-aitm", 1, CLOCK.instant());
  }

  @BeforeEach
  void start() {
    fakes = SpFakes.start(CLOCK, seed);
    connectors = Downstream.connectors(DownstreamConfig.load(null, fakes.environment()), CLOCK, false);
  }

  @org.junit.jupiter.api.AfterEach
  void stop() {
    fakes.close();
  }

  private List<String> calls(String service) {
    return fakes.journal().requests(service).stream().map(e -> e.method() + " " + e.path() + " " + e.status()).toList();
  }

  private Outcome run(String sp, Step step, String user, List<String> roles) {
    return connectors.get(sp).run(step, new SpIdentity(user, roles));
  }

  @Test
  void graphRevokesSessionsAndVerifiesByReadBack() {
    assertThat(fakes.sessions("graph", "alex@contoso.com")).isPositive();
    Outcome o = run("graph", Step.SESSIONS, "alex@contoso.com", List.of());
    assertThat(o.status()).isEqualTo(Outcome.Status.VERIFIED);
    assertThat(o.requestId()).isNotNull();
    assertThat(fakes.sessions("graph", "alex@contoso.com")).isZero();
    String tenant = fakes.environment().get("OKTAIR_GRAPH_TENANT_ID");
    assertThat(calls("graph")).containsExactly(
        "POST /" + tenant + "/oauth2/v2.0/token 200",
        "POST /v1.0/users/alex@contoso.com/revokeSignInSessions 200",
        "GET /v1.0/users/alex@contoso.com 200");
  }

  @Test
  void graphDisableSetsAccountEnabledFalse() {
    assertThat(run("graph", Step.DISABLE, "alex@contoso.com", List.of()).status()).isEqualTo(Outcome.Status.VERIFIED);
    assertThat(fakes.disabled("graph", "alex@contoso.com")).isTrue();
  }

  @Test
  void googleSignsOutThenDeletesTokensAndAppPasswords() {
    String who = fakes.userNames("google").stream().filter(u -> fakes.tokens("google", u) > 0).findFirst().orElseThrow();
    assertThat(run("google", Step.SESSIONS, who, List.of()).status()).isEqualTo(Outcome.Status.REQUESTED);
    assertThat(fakes.sessions("google", who)).isZero();
    Outcome tokens = run("google", Step.TOKENS, who, List.of());
    assertThat(tokens.status()).as(tokens.detail()).isEqualTo(Outcome.Status.VERIFIED);
    assertThat(fakes.tokens("google", who)).isZero();
    String u = "/admin/directory/v1/users/" + who;
    assertThat(calls("google")).containsExactly(
        "POST /token 200", "POST " + u + "/signOut 204",
        "GET " + u + "/tokens 200", "GET " + u + "/asps 200",
        "DELETE " + u + "/tokens/1041831412108.apps.googleusercontent.com 204", "DELETE " + u + "/asps/1 204",
        "GET " + u + "/tokens 200", "GET " + u + "/asps 200");
    assertThat(run("google", Step.TOKENS, who, List.of()).status()).isEqualTo(Outcome.Status.ALREADY_DONE);
  }

  @Test
  void salesforceFindsTheUserByItsSalesforceNameNotTheOktaLogin() {
    String sf = "alex@contoso.com.prod";
    int sessionsBefore = fakes.sessions("salesforce", sf);
    assertThat(sessionsBefore).isPositive();
    assertThat(run("salesforce", Step.DISABLE, sf, List.of()).status()).isEqualTo(Outcome.Status.VERIFIED);
    Outcome sessions = run("salesforce", Step.SESSIONS, sf, List.of());
    assertThat(sessions.status()).as(sessions.detail()).isEqualTo(Outcome.Status.VERIFIED);
    assertThat(run("salesforce", Step.TOKENS, sf, List.of()).status()).isEqualTo(Outcome.Status.VERIFIED);
    assertThat(fakes.disabled("salesforce", sf)).isTrue();
    assertThat(fakes.sessions("salesforce", sf)).isZero();
    assertThat(fakes.tokens("salesforce", sf)).isZero();
    String q = "GET /services/data/v60.0/query 200";
    List<String> expected = new java.util.ArrayList<>(List.of("POST /services/oauth2/token 200",
        q, q, "PATCH /services/data/v60.0/sobjects/UserLogin/060 204", q));
    expected.addAll(List.of(q, q));
    for (int i = 0; i < sessionsBefore; i++) {
      expected.add("DELETE /services/data/v60.0/sobjects/AuthSession/0Ak 204");
    }
    expected.addAll(List.of(q, q, q, "POST /services/oauth2/revoke 200", q));
    assertThat(calls("salesforce").subList(0, expected.size()).stream().map(c -> c.replaceAll("/(060|0Ak)\\w+ ", "/$1 ")))
        .containsExactlyElementsOf(expected);
    // the Okta login is not a Salesforce user: a wrong mapping fails loudly instead of revoking someone else
    Outcome wrong = run("salesforce", Step.SESSIONS, "alex@contoso.com", List.of());
    assertThat(wrong.status()).isEqualTo(Outcome.Status.FAILED);
    assertThat(wrong.detail()).contains("no Salesforce user");
  }

  @Test
  void awsDeniesOlderSessionsOfThisUserOnEachSamlRole() {
    Outcome o = run("aws", Step.SESSIONS, "alex@contoso.com", ROLES);
    assertThat(o.status()).as(o.detail()).isEqualTo(Outcome.Status.VERIFIED);
    assertThat(o.requestId()).isNotBlank();
    String doc = fakes.rolePolicy("OktaAdministrator", "OktaIrRevoke-alex@contoso.com");
    assertThat(doc).contains("\"aws:TokenIssueTime\":\"2026-03-01T12:00:00Z\"").contains("\"aws:userid\":\"*:alex@contoso.com\"")
        .contains("\"Effect\":\"Deny\"");
    assertThat(fakes.rolePolicy("OktaReadOnly", "OktaIrRevoke-alex@contoso.com")).isEqualTo(doc);
    assertThat(calls("aws")).containsExactly("POST / 200", "POST / 200", "POST / 200", "POST / 200");
  }

  /**
   * {@code okta-ir simulate} starts the fakes before the history is built (issue 16): the AWS fake
   * must know the SAML roles of users filled in after it started, and a request sent before the
   * seed is there waits for it.
   */
  @Test
  void awsKnowsTheRolesOfASeedBuiltAfterTheFakesStarted() throws Exception {
    java.util.concurrent.CompletableFuture<TenantSeed> later = new java.util.concurrent.CompletableFuture<>();
    try (SpFakes started = SpFakes.start(CLOCK, later)) {
      Map<String, Connector> early = Downstream.connectors(DownstreamConfig.load(null, started.environment()), CLOCK, false);
      java.util.concurrent.CompletableFuture<Outcome> sent = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> early.get("aws").run(Step.SESSIONS, new SpIdentity("alex@contoso.com", ROLES)));
      Thread.sleep(200);
      assertThat(sent).as("answered before the seed was built").isNotDone();
      later.complete(seed);
      Outcome o = sent.get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(o.status()).as(o.detail()).isEqualTo(Outcome.Status.VERIFIED);
      assertThat(started.rolePolicy("OktaAdministrator", "OktaIrRevoke-alex@contoso.com")).contains("\"Effect\":\"Deny\"");
    }
  }

  @Test
  void slackResetsSessions() {
    Outcome o = run("slack", Step.SESSIONS, "alex@contoso.com", List.of());
    assertThat(o.status()).as(o.detail()).isEqualTo(Outcome.Status.REQUESTED);
    assertThat(fakes.sessions("slack", "alex@contoso.com")).isZero();
    assertThat(calls("slack")).containsExactly("GET /api/users.lookupByEmail 200", "POST /api/admin.users.session.reset 200");
  }

  @Test
  void githubDeletesEveryCredentialAuthorisationOfTheGithubLogin() {
    assertThat(fakes.tokens("github", "alex-contoso")).isEqualTo(2);
    Outcome o = run("github", Step.TOKENS, "alex-contoso", List.of());
    assertThat(o.status()).as(o.detail()).isEqualTo(Outcome.Status.VERIFIED);
    assertThat(fakes.tokens("github", "alex-contoso")).isZero();
    assertThat(calls("github").stream().map(c -> c.replaceAll("/\\d+ ", "/ID "))).containsExactly(
        "GET /orgs/contoso/credential-authorizations 200", "DELETE /orgs/contoso/credential-authorizations/ID 204",
        "DELETE /orgs/contoso/credential-authorizations/ID 204", "GET /orgs/contoso/credential-authorizations 200");
  }

  @Test
  void failingSpsAreFailedWithTheReasonWhileOthersComplete() {
    fakes.fault("slack", SpFault.REFUSED);
    fakes.fault("graph", SpFault.SERVER_ERROR);
    fakes.fault("github", SpFault.UNAUTHORIZED);
    fakes.fault("aws", SpFault.SERVER_ERROR);
    Outcome slack = run("slack", Step.SESSIONS, "alex@contoso.com", List.of());
    assertThat(slack.status()).isEqualTo(Outcome.Status.FAILED);
    assertThat(slack.detail()).contains("not_an_admin");
    Outcome graph = run("graph", Step.SESSIONS, "alex@contoso.com", List.of());
    assertThat(graph.status()).isEqualTo(Outcome.Status.FAILED);
    assertThat(graph.detail()).contains("HTTP 500");
    Outcome github = run("github", Step.TOKENS, "alex-contoso", List.of());
    assertThat(github.status()).isEqualTo(Outcome.Status.FAILED);
    assertThat(github.detail()).contains("HTTP 401").contains("Bad credentials");
    Outcome aws = run("aws", Step.SESSIONS, "alex@contoso.com", ROLES);
    assertThat(aws.status()).isEqualTo(Outcome.Status.FAILED);
    assertThat(aws.detail()).contains("500");
    assertThat(calls("aws")).as("no retry loop of the SDK's own").hasSize(1);
    assertThat(run("salesforce", Step.SESSIONS, "alex@contoso.com.prod", List.of()).status()).isEqualTo(Outcome.Status.VERIFIED);
    // the SP recovers: re-running completes what is missing
    fakes.fault("slack", SpFault.NONE);
    assertThat(run("slack", Step.SESSIONS, "alex@contoso.com", List.of()).done()).isTrue();
  }

  /**
   * Dry-run is the http layer's: reads may go out (as with Okta), but no change and no token
   * request reaches any SP; a step that would change something says what it would send.
   */
  @Test
  void dryRunSendsNoChangeAndNoTokenRequestToAnySp() {
    Map<String, Connector> dry = Downstream.connectors(DownstreamConfig.load(null, fakes.environment()), CLOCK, true);
    SpIdentity alex = new SpIdentity("alex@contoso.com", ROLES);
    for (Connector c : dry.values()) {
      for (Step s : c.steps()) {
        Outcome o = c.run(s, alex);
        assertThat(o.status()).as(c.sp() + " " + s + ": " + o.detail())
            .isIn(Outcome.Status.DRY_RUN, Outcome.Status.ALREADY_DONE);
      }
    }
    assertThat(dry).hasSize(6);
    List<SpJournal.Entry> sent = fakes.journal().requests();
    assertThat(sent).allMatch(e -> e.method().equals("GET"), "only reads");
    assertThat(sent).extracting(SpJournal.Entry::service).doesNotContain("graph", "google", "salesforce", "aws");
    assertThat(fakes.sessions("slack", "alex@contoso.com")).isPositive();
  }

  @Test
  void noConnectorSecretAppearsInOutcomesOrConfigText() {
    fakes.fault("graph", SpFault.UNAUTHORIZED);
    StringBuilder all = new StringBuilder(DownstreamConfig.load(null, fakes.environment()).toString());
    SpIdentity alex = new SpIdentity("alex@contoso.com", ROLES);
    for (Connector c : connectors.values()) {
      for (Step s : c.steps()) {
        all.append(c.run(s, alex)).append('\n');
      }
    }
    for (String key : List.of("OKTAIR_GRAPH_CLIENT_SECRET", "OKTAIR_AWS_SECRET_ACCESS_KEY", "OKTAIR_SLACK_TOKEN", "OKTAIR_GITHUB_TOKEN")) {
      assertThat(all.toString()).doesNotContain(fakes.environment().get(key));
    }
    assertThat(all.toString()).contains("<masked>");
  }

  @Test
  void graphAuthenticatesWithACertificateAssertion(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path store = dir.resolve("graph.p12");
    String keytool = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "graph", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=okta-ir", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", "changeit").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    try (var in = java.nio.file.Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    var cert = (java.security.cert.X509Certificate) ks.getCertificate("graph");
    var key = (java.security.PrivateKey) ks.getKey("graph", "changeit".toCharArray());
    java.util.Base64.Encoder b64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes());
    java.nio.file.Path certPem = java.nio.file.Files.writeString(dir.resolve("graph.crt"),
        "-----BEGIN CERTIFICATE-----\n" + b64.encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n");
    java.nio.file.Path keyPem = java.nio.file.Files.writeString(dir.resolve("graph.pem"),
        "-----BEGIN PRIVATE KEY-----\n" + b64.encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    Map<String, String> env = new java.util.HashMap<>(fakes.environment());
    env.remove("OKTAIR_GRAPH_CLIENT_SECRET");
    env.put("OKTAIR_GRAPH_PRIVATE_KEY", keyPem.toString());
    env.put("OKTAIR_GRAPH_CERTIFICATE", certPem.toString());
    Connector graph = Downstream.connectors(DownstreamConfig.load(null, env), CLOCK, false).get("graph");
    // before the certificate is registered, Entra refuses the assertion: FAILED with the reason
    Outcome refused = graph.run(Step.SESSIONS, new SpIdentity("alex@contoso.com", List.of()));
    assertThat(refused.status()).isEqualTo(Outcome.Status.FAILED);
    assertThat(refused.detail()).contains("HTTP 401").contains("AADSTS700027");
    fakes.trustGraphCertificate((java.security.interfaces.RSAPublicKey) cert.getPublicKey());
    Outcome o = Downstream.connectors(DownstreamConfig.load(null, env), CLOCK, false).get("graph")
        .run(Step.SESSIONS, new SpIdentity("alex@contoso.com", List.of()));
    assertThat(o.status()).as(o.detail()).isEqualTo(Outcome.Status.VERIFIED);
  }
}
