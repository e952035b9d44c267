package dev.oktair.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** SSWS, OAuth private_key_jwt and DPoP against the wire contract of okta-api.md §1. */
class AuthenticationTest {
  private final SimClock clock = SimClock.at(TestTenant.NOW);
  private OktaSimulator sim;

  private OktaSimulator start(SimulatorOptions.Builder b) {
    sim = OktaSimulator.start(b.seed(TestTenant.seed(10)).clock(clock).build());
    return sim;
  }

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void missingOrWrongCredentialsAre401WithOktasBodyAndNoChallenge() {
    SimHttp http = new SimHttp(start(SimulatorOptions.builder()));
    for (String auth : new String[] {null, "SSWS wrong", "Bearer nope", "Basic dXNlcjpwdw=="}) {
      HttpResponse<String> r = http.send("GET", "/api/v1/users/" + TestTenant.BOB, auth, null);
      assertThat(r.statusCode()).as(String.valueOf(auth)).isEqualTo(401);
      JsonNode body = SimHttp.json(r);
      assertThat(body.path("errorCode").asString()).isEqualTo("E0000011");
      assertThat(body.path("errorSummary").asString()).isEqualTo("Invalid token provided");
      assertThat(body.path("errorLink").asString()).isEqualTo("E0000011");
      assertThat(body.path("errorId").asString()).startsWith("oae");
      assertThat(body.path("errorCauses").isArray()).isTrue();
      assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
      assertThat(r.headers().firstValue("X-Okta-Request-Id")).isPresent();
    }
    assertThat(http.get("/api/v1/users/" + TestTenant.BOB).statusCode()).isEqualTo(200);
  }

  @Test
  void serviceAppGetsABearerTokenWithASignedAssertionAndUsesIt() {
    OAuthTestClient client = new OAuthTestClient(start(SimulatorOptions.builder()));
    HttpResponse<String> r = client.token("okta.logs.read okta.users.read", client.assertion(Duration.ofMinutes(5)), null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = SimHttp.json(r);
    assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
    assertThat(body.path("expires_in").asInt()).isEqualTo(3600);
    assertThat(body.path("scope").asString()).isEqualTo("okta.logs.read okta.users.read");
    String token = body.path("access_token").asString();
    SimHttp http = new SimHttp(sim);
    assertThat(http.send("GET", "/api/v1/logs?limit=1", "Bearer " + token, null).statusCode()).isEqualTo(200);

    clock.advance(Duration.ofMinutes(61));
    assertThat(http.send("GET", "/api/v1/logs?limit=1", "Bearer " + token, null).statusCode()).isEqualTo(401);
  }

  @Test
  void assertionSignedWithAnotherKeyIsInvalidClient(@TempDir Path dir) throws Exception {
    start(SimulatorOptions.builder());
    assertImpostorRefused(otherKey(dir, "RSA"));
  }

  /** Issue 16: simulate makes an EC P-256 key (ES256), which Okta accepts too; only its own signature passes. */
  @Test
  void anEcServiceAppKeySignsES256AssertionsAndNoOtherKeyDoes(@TempDir Path dir) throws Exception {
    OAuthTestClient client = new OAuthTestClient(start(SimulatorOptions.builder().keyType(SimulatorOptions.KeyType.EC_P256)));
    HttpResponse<String> r = client.token("okta.logs.read", client.assertion(Duration.ofMinutes(5)), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(new SimHttp(sim).send("GET", "/api/v1/logs?limit=1", "Bearer " + SimHttp.json(r).path("access_token").asString(),
        null).statusCode()).isEqualTo(200);
    assertImpostorRefused(otherKey(dir, "EC"));
    assertImpostorRefused(otherKey(dir, "RSA"));
  }

  @Test
  void aKeptKeyIsRsaBecauseItIsReadBack(@TempDir Path dir) {
    SimulatorOptions.Builder ec = SimulatorOptions.builder().keyDirectory(dir).keyType(SimulatorOptions.KeyType.EC_P256);
    org.assertj.core.api.Assertions.assertThatThrownBy(ec::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RSA 2048");
  }

  private void assertImpostorRefused(Path key) {
    OAuthTestClient impostor = new OAuthTestClient(sim, key);
    HttpResponse<String> r = impostor.token("okta.logs.read", impostor.assertion(Duration.ofMinutes(5)), null);
    assertThat(r.statusCode()).as(key.toString()).isEqualTo(401);
    assertThat(SimHttp.json(r).path("error").asString()).isEqualTo("invalid_client");
    assertThat(SimHttp.json(r).has("error_description")).isTrue();
  }

  private static Path otherKey(Path dir, String algorithm) throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance(algorithm);
    gen.initialize(algorithm.equals("EC") ? 256 : 2048);
    Path other = dir.resolve("other-" + algorithm + ".pem");
    java.nio.file.Files.writeString(other, "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(gen.generateKeyPair().getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n");
    return other;
  }

  @Test
  void expiredOverlongAndReplayedAssertionsAreInvalidClient() {
    OAuthTestClient client = new OAuthTestClient(start(SimulatorOptions.builder()));
    assertThat(client.token("okta.logs.read", client.assertion(Duration.ofSeconds(-5)), null).statusCode()).isEqualTo(401);
    assertThat(client.token("okta.logs.read", client.assertion(Duration.ofHours(3)), null).statusCode()).isEqualTo(401);
    String once = client.assertion(Duration.ofMinutes(5));
    assertThat(client.token("okta.logs.read", once, null).statusCode()).isEqualTo(200);
    HttpResponse<String> replay = client.token("okta.logs.read", once, null);
    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(SimHttp.json(replay).path("error").asString()).isEqualTo("invalid_client");
  }

  @Test
  void scopeNotGrantedToTheAppIsInvalidScope() {
    Set<String> granted = new HashSet<>(SimulatorOptions.DEFAULT_SCOPES);
    granted.remove("okta.users.manage");
    OAuthTestClient client = new OAuthTestClient(start(SimulatorOptions.builder().grantedScopes(granted)));
    HttpResponse<String> r = client.token("okta.users.read okta.users.manage", client.assertion(Duration.ofMinutes(5)), null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(SimHttp.json(r).path("error").asString()).isEqualTo("invalid_scope");
    assertThat(SimHttp.json(r).path("error_description").asString())
        .isEqualTo("The following scopes are not allowed: okta.users.manage");
  }

  @Test
  void tokenWithoutTheEndpointsScopeIs403WithAnInsufficientScopeChallenge() {
    OAuthTestClient client = new OAuthTestClient(start(SimulatorOptions.builder()));
    String token = client.bearer("okta.users.read");
    SimHttp http = new SimHttp(sim);
    HttpResponse<String> r = http.send("GET", "/api/v1/logs", "Bearer " + token, null);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(SimHttp.json(r).path("errorCode").asString()).isEqualTo("E0000006");
    assertThat(SimHttp.json(r).path("errorSummary").asString())
        .isEqualTo("You do not have permission to perform the requested action");
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue(
        "Bearer error=\"insufficient_scope\", error_description=\"The access token provided does not contain the required"
            + " scopes.\", resource=\"/api/v1/logs\"");
    HttpResponse<String> mutation = http.send("POST", "/api/v1/users/" + TestTenant.BOB + "/lifecycle/suspend", "Bearer " + token, "");
    assertThat(mutation.statusCode()).isEqualTo(403);
    assertThat(sim.tenant().user(TestTenant.BOB).orElseThrow().path("status").asString()).isEqualTo("ACTIVE");
  }

  @Test
  void manageScopeImpliesRead() {
    OAuthTestClient client = new OAuthTestClient(start(SimulatorOptions.builder()));
    String token = client.bearer("okta.users.manage");
    assertThat(new SimHttp(sim).send("GET", "/api/v1/users/" + TestTenant.BOB, "Bearer " + token, null).statusCode()).isEqualTo(200);
  }

  @Test
  void dpopHandshakeIssuesABoundTokenThatNeedsAProofOnEveryRequest() {
    OAuthTestClient client = new OAuthTestClient(start(SimulatorOptions.builder().requireDpop(true)));
    String assertion = client.assertion(Duration.ofMinutes(5));

    HttpResponse<String> noProof = client.token("okta.logs.read", assertion, null);
    assertThat(noProof.statusCode()).isEqualTo(400);
    assertThat(noProof.body()).isEqualTo(
        "{\"error\":\"invalid_dpop_proof\",\"error_description\":\"The DPoP proof JWT header is missing.\"}");

    HttpResponse<String> noNonce = client.token("okta.logs.read", assertion, client.proof("POST", sim.tokenUrl(), null, null));
    assertThat(noNonce.statusCode()).isEqualTo(400);
    assertThat(noNonce.body()).isEqualTo(
        "{\"error\":\"use_dpop_nonce\",\"error_description\":\"Authorization server requires nonce in DPoP proof.\"}");
    String nonce = noNonce.headers().firstValue("DPoP-Nonce").orElseThrow();

    // the same assertion may be retried after the nonce challenge, as Okta's SDK does
    HttpResponse<String> ok = client.token("okta.logs.read", assertion, client.proof("POST", sim.tokenUrl(), nonce, null));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(SimHttp.json(ok).path("token_type").asString()).isEqualTo("DPoP");
    String token = SimHttp.json(ok).path("access_token").asString();

    SimHttp http = new SimHttp(sim);
    String url = sim.baseUrl() + "/api/v1/logs";
    assertThat(http.sendUrl("GET", url + "?limit=1", "DPoP " + token, null, client.proof("GET", url, null, token)).statusCode())
        .isEqualTo(200);
    String proof = client.proof("GET", url, null, token);
    assertThat(http.sendUrl("GET", url, "DPoP " + token, null, proof).statusCode()).isEqualTo(200);
    assertThat(http.sendUrl("GET", url, "DPoP " + token, null, proof).statusCode()).as("replayed proof").isEqualTo(401);
    assertThat(http.sendUrl("GET", url, "Bearer " + token, null, null).statusCode()).as("bound token as Bearer").isEqualTo(401);
    assertThat(http.sendUrl("GET", url, "DPoP " + token, null, client.proof("GET", sim.baseUrl() + "/api/v1/users", null, token))
        .statusCode()).as("wrong htu").isEqualTo(401);
    assertThat(http.sendUrl("GET", url, "DPoP " + token, null, client.proof("GET", url, null, "other-token"))
        .statusCode()).as("wrong ath").isEqualTo(401);
  }

  @Test
  void revokedSimulatorTokenStopsAuthenticating() {
    SimHttp http = new SimHttp(start(SimulatorOptions.builder()));
    assertThat(http.delete("/api/v1/api-tokens/current").statusCode()).isEqualTo(204);
    assertThat(http.get("/api/v1/users/" + TestTenant.BOB).statusCode()).isEqualTo(401);
  }
}
