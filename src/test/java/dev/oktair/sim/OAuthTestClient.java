package dev.oktair.sim;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/** Signs client assertions and DPoP proofs with nimbus, as a real Okta client would. */
final class OAuthTestClient {
  private final OktaSimulator sim;
  private final PrivateKey key;
  private final ECKey dpopKey;

  OAuthTestClient(OktaSimulator sim, Path pem) {
    this.sim = sim;
    this.key = readPem(pem);
    try {
      this.dpopKey = new ECKeyGenerator(Curve.P_256).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  OAuthTestClient(OktaSimulator sim) {
    this(sim, sim.privateKeyPem());
  }

  /** A client assertion for the simulator's service app, valid for {@code lifetime}. */
  String assertion(Duration lifetime) {
    Instant now = sim.clock().instant();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(sim.oauthClientId()).subject(sim.oauthClientId()).audience(sim.tokenUrl())
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime)))
        .jwtID(UUID.randomUUID().toString()).build();
    JWSAlgorithm algorithm = key instanceof ECPrivateKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
    return sign(new JWSHeader.Builder(algorithm).keyID("k1").build(), claims, false);
  }

  /** A DPoP proof for {@code method url}; {@code nonce} and {@code accessToken} (ath) optional. */
  String proof(String method, String url, String nonce, String accessToken) {
    JWTClaimsSet.Builder c = new JWTClaimsSet.Builder()
        .claim("htm", method).claim("htu", url).issueTime(Date.from(sim.clock().instant()))
        .jwtID(UUID.randomUUID().toString());
    if (nonce != null) {
      c.claim("nonce", nonce);
    }
    if (accessToken != null) {
      c.claim("ath", Dpop.ath(accessToken));
    }
    JWSHeader h = new JWSHeader.Builder(JWSAlgorithm.ES256)
        .type(new JOSEObjectType("dpop+jwt")).jwk(dpopKey.toPublicJWK()).build();
    return sign(h, c.build(), true);
  }

  /** POSTs a token request; {@code dpopProof} may be null. */
  HttpResponse<String> token(String scope, String assertion, String dpopProof) {
    String form = "grant_type=client_credentials&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)
        + "&client_assertion_type=" + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
        + "&client_assertion=" + assertion;
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.tokenUrl()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (dpopProof != null) {
      b.header("DPoP", dpopProof);
    }
    try {
      return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns an access token (Bearer) for {@code scope}. */
  String bearer(String scope) {
    HttpResponse<String> r = token(scope, assertion(Duration.ofMinutes(5)), null);
    if (r.statusCode() != 200) {
      throw new AssertionError(r.body());
    }
    return SimHttp.json(r).path("access_token").asString();
  }

  private String sign(JWSHeader header, JWTClaimsSet claims, boolean dpop) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(dpop ? new ECDSASigner(dpopKey) : key instanceof ECPrivateKey ec ? new ECDSASigner(ec) : new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static PrivateKey readPem(Path pem) {
    try {
      String text = Files.readString(pem);
      String b64 = text.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
      PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64));
      try {
        return KeyFactory.getInstance("RSA").generatePrivate(spec);
      } catch (java.security.spec.InvalidKeySpecException notRsa) {
        return KeyFactory.getInstance("EC").generatePrivate(spec);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
