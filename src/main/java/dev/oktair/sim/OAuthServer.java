package dev.oktair.sim;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The org authorization server's {@code POST /oauth2/v1/token} for the one OAuth service app
 * (client_credentials + private_key_jwt, optional DPoP with Okta's nonce handshake), and the
 * access tokens it issued. Thread-safe.
 */
final class OAuthServer {
  static final String TOKEN_PATH = "/oauth2/v1/token";
  static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
  static final String APP_NAME = "okta-ir simulator service app";
  private static final Set<JWSAlgorithm> RSA_ALGS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
  private static final Set<JWSAlgorithm> EC_ALGS = Set.of(JWSAlgorithm.ES256);
  private static final Duration LEEWAY = Duration.ofSeconds(60);

  /** An OAuth error answer: status, {@code error}, {@code error_description}. */
  static class OAuthError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String error;

    OAuthError(int status, String error, String description) {
      super(description, null, false, false);
      this.status = status;
      this.error = error;
    }

    Response response() {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.put("error", error);
      body.put("error_description", getMessage());
      return noStore(Response.json(status, body));
    }
  }

  /**
   * An access token the server issued.
   *
   * @param scopes what it grants
   * @param expiresAt when it stops working
   * @param jkt the DPoP key thumbprint it is bound to, or null for a Bearer token
   */
  record Issued(Set<String> scopes, Instant expiresAt, String jkt) {}

  private final String clientId;
  private final PublicKey publicKey;
  private final Set<String> grantedScopes;
  private final boolean requireDpop;
  private final Clock clock;
  private final String nonce = Ids.randomText(32);
  private final Set<String> usedJtis = new HashSet<>();
  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();

  /** The service app's {@code publicKey}: RSA (RS256, RS384, RS512) or EC P-256 (ES256). */
  OAuthServer(String clientId, PublicKey publicKey, Set<String> grantedScopes, boolean requireDpop, Clock clock) {
    this.clientId = clientId;
    this.publicKey = publicKey;
    this.grantedScopes = Set.copyOf(grantedScopes);
    this.requireDpop = requireDpop;
    this.clock = clock;
  }

  String clientId() {
    return clientId;
  }

  /** Answers a token request (any failure as Okta's OAuth error JSON). */
  Response token(Request r) {
    try {
      return issue(r);
    } catch (OAuthError e) {
      return e.response();
    }
  }

  private Response issue(Request r) {
    if (!"POST".equals(r.method())) {
      throw new OAuthError(405, "invalid_request", "The token endpoint only accepts POST.");
    }
    Map<String, List<String>> form = r.form();
    if (!"client_credentials".equals(first(form, "grant_type"))) {
      throw new OAuthError(400, "unsupported_grant_type",
          "The authorization grant type is not supported by the authorization server. Configured grant types: [client_credentials].");
    }
    Instant now = clock.instant();
    SignedJWT assertion = verifyAssertion(form, now, r.baseUrl() + TOKEN_PATH);
    Dpop.Proof proof = dpop(r, now);
    Set<String> scopes = scopes(first(form, "scope"));
    consumeJti(assertion);
    String accessToken = Ids.randomText(48);
    tokens.put(accessToken, new Issued(scopes, now.plus(TOKEN_LIFETIME), proof == null ? null : proof.jkt()));
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("token_type", proof == null ? "Bearer" : "DPoP");
    body.put("expires_in", TOKEN_LIFETIME.toSeconds());
    body.put("access_token", accessToken);
    body.put("scope", String.join(" ", scopes));
    return noStore(Response.ok(body));
  }

  /** Returns the token's grant, or null when unknown or expired. */
  Issued lookup(String accessToken) {
    Issued issued = tokens.get(accessToken);
    if (issued == null || !clock.instant().isBefore(issued.expiresAt())) {
      return null;
    }
    return issued;
  }

  /** Verifies a resource request's DPoP proof for {@code accessToken}; false when it does not hold. */
  boolean verifyResourceProof(Request r, String accessToken, Issued issued) {
    String proofText = r.header("DPoP");
    if (proofText == null || issued.jkt() == null) {
      return false;
    }
    try {
      Dpop.Proof proof = Dpop.verify(proofText, r.method(), r.urlWithoutQuery(), clock.instant(), usedJtis);
      return issued.jkt().equals(proof.jkt()) && Dpop.ath(accessToken).equals(proof.claims().getClaim("ath"));
    } catch (Dpop.InvalidProof e) {
      return false;
    }
  }

  private SignedJWT verifyAssertion(Map<String, List<String>> form, Instant now, String tokenUrl) {
    String type = first(form, "client_assertion_type");
    String text = first(form, "client_assertion");
    if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(type) || text == null || text.isEmpty()) {
      throw invalidClient("Client authentication failed. Either the client or the client credentials are invalid.");
    }
    try {
      SignedJWT jwt = SignedJWT.parse(text);
      if (!signedByTheApp(jwt)) {
        throw invalidClient("The client_assertion signature is invalid.");
      }
      JWTClaimsSet c = jwt.getJWTClaimsSet();
      if (!clientId.equals(c.getIssuer()) || !clientId.equals(c.getSubject())) {
        throw invalidClient("The client_assertion token has an invalid issuer or subject.");
      }
      if (c.getAudience() == null || !c.getAudience().contains(tokenUrl)) {
        throw invalidClient("The audience [aud] claim in the client_assertion token is invalid.");
      }
      if (c.getExpirationTime() == null || !c.getExpirationTime().toInstant().isAfter(now)) {
        throw invalidClient("The client_assertion token is expired.");
      }
      if (c.getExpirationTime().toInstant().isAfter(now.plus(TOKEN_LIFETIME).plus(LEEWAY))) {
        throw invalidClient("The client_assertion token has an expiration too far into the future.");
      }
      String jti = c.getJWTID();
      synchronized (usedJtis) {
        if (jti != null && usedJtis.contains("assertion:" + jti)) {
          throw invalidClient("The client_assertion token has already been used.");
        }
      }
      return jwt;
    } catch (ParseException | JOSEException e) {
      throw invalidClient("The client_assertion token is malformed.");
    }
  }

  private boolean signedByTheApp(SignedJWT jwt) throws JOSEException {
    boolean ec = publicKey instanceof ECPublicKey;
    if (!(ec ? EC_ALGS : RSA_ALGS).contains(jwt.getHeader().getAlgorithm())) {
      return false;
    }
    JWSVerifier verifier = ec ? new ECDSAVerifier((ECPublicKey) publicKey) : new RSASSAVerifier((RSAPublicKey) publicKey);
    return jwt.verify(verifier);
  }

  /** Okta's DPoP handshake: no proof, then a proof without the nonce, then the real one. */
  private Dpop.Proof dpop(Request r, Instant now) {
    String proofText = r.header("DPoP");
    if (proofText == null) {
      if (requireDpop) {
        throw new OAuthError(400, "invalid_dpop_proof", "The DPoP proof JWT header is missing.");
      }
      return null;
    }
    Dpop.Proof proof;
    try {
      proof = Dpop.verify(proofText, "POST", r.urlWithoutQuery(), now, usedJtis);
    } catch (Dpop.InvalidProof e) {
      throw new OAuthError(400, "invalid_dpop_proof", e.getMessage());
    }
    if (!nonce.equals(proof.nonce())) {
      throw new NonceChallenge(nonce);
    }
    return proof;
  }

  private Set<String> scopes(String requested) {
    if (requested == null || requested.isBlank()) {
      throw new OAuthError(400, "invalid_scope",
          "The authorization server resource does not have any configured default scopes, 'scope' must be provided.");
    }
    Set<String> wanted = new LinkedHashSet<>(Arrays.asList(requested.trim().split("\\s+")));
    List<String> refused = new ArrayList<>();
    for (String s : wanted) {
      if (!grantedScopes.contains(s)) {
        refused.add(s);
      }
    }
    if (!refused.isEmpty()) {
      throw new OAuthError(400, "invalid_scope", "The following scopes are not allowed: " + String.join(" ", refused));
    }
    return wanted;
  }

  private void consumeJti(SignedJWT assertion) {
    try {
      String jti = assertion.getJWTClaimsSet().getJWTID();
      if (jti != null) {
        synchronized (usedJtis) {
          usedJtis.add("assertion:" + jti);
        }
      }
    } catch (ParseException e) {
      throw invalidClient("The client_assertion token is malformed.");
    }
  }

  private static OAuthError invalidClient(String description) {
    return new OAuthError(401, "invalid_client", description);
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> v = form.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static Response noStore(Response r) {
    return r.header("Cache-Control", "no-cache, no-store").header("Pragma", "no-cache");
  }

  /** The {@code use_dpop_nonce} answer, carrying the nonce in a {@code DPoP-Nonce} header. */
  private static final class NonceChallenge extends OAuthError {
    private static final long serialVersionUID = 1L;
    private final String nonce;

    NonceChallenge(String nonce) {
      super(400, "use_dpop_nonce", "Authorization server requires nonce in DPoP proof.");
      this.nonce = nonce;
    }

    @Override
    Response response() {
      return super.response().header("DPoP-Nonce", nonce);
    }
  }
}
