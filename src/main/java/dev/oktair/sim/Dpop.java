package dev.oktair.sim;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * Verifies DPoP proofs (RFC 9449) the way Okta's org authorization server and resource server
 * do: {@code typ=dpop+jwt}, an asymmetric {@code alg}, the public {@code jwk} in the header, a
 * valid signature, {@code htm}/{@code htu} naming this request, a fresh {@code iat} and an unused
 * {@code jti}. Stateless apart from the replay set the caller passes.
 */
final class Dpop {
  static final Duration MAX_AGE = Duration.ofMinutes(5);
  private static final Set<JWSAlgorithm> ALGS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
          JWSAlgorithm.ES512, JWSAlgorithm.PS256);

  /** A proof that does not verify; the message is Okta's {@code error_description}. */
  static final class InvalidProof extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidProof(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * A verified proof.
   *
   * @param jkt the base64url SHA-256 thumbprint of the proof's key (what tokens are bound to)
   * @param claims the proof's claims
   */
  record Proof(String jkt, JWTClaimsSet claims) {
    String nonce() {
      return (String) claims.getClaim("nonce");
    }
  }

  private Dpop() {}

  /** Verifies {@code proof} for a request of {@code method} to {@code url} (no query) at {@code now}. */
  static Proof verify(String proof, String method, String url, Instant now, Set<String> usedJtis) throws InvalidProof {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(proof);
    } catch (ParseException e) {
      throw new InvalidProof("The DPoP proof JWT is malformed.");
    }
    var header = jwt.getHeader();
    if (header.getType() == null || !"dpop+jwt".equals(header.getType().getType())) {
      throw new InvalidProof("The DPoP proof JWT header typ must be 'dpop+jwt'.");
    }
    if (!ALGS.contains(header.getAlgorithm())) {
      throw new InvalidProof("The DPoP proof JWT alg is not supported.");
    }
    JWK jwk = header.getJWK();
    if (jwk == null || jwk.isPrivate()) {
      throw new InvalidProof("The DPoP proof JWT header must contain a public jwk.");
    }
    try {
      if (!jwt.verify(verifier(jwk))) {
        throw new InvalidProof("The DPoP proof JWT signature is invalid.");
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (!method.equals(claims.getStringClaim("htm"))) {
        throw new InvalidProof("The DPoP proof htm claim does not match the request method.");
      }
      if (!url.equals(stripQuery(claims.getStringClaim("htu")))) {
        throw new InvalidProof("The DPoP proof htu claim does not match the request URL.");
      }
      Date iat = claims.getIssueTime();
      if (iat == null || Duration.between(iat.toInstant(), now).abs().compareTo(MAX_AGE) > 0) {
        throw new InvalidProof("The DPoP proof JWT iat claim is missing or outside the allowed window.");
      }
      String jti = claims.getJWTID();
      if (jti == null || jti.isEmpty()) {
        throw new InvalidProof("The DPoP proof JWT jti claim is missing.");
      }
      synchronized (usedJtis) {
        if (!usedJtis.add(jti)) {
          throw new InvalidProof("The DPoP proof JWT jti claim has already been used.");
        }
      }
      return new Proof(jwk.computeThumbprint().toString(), claims);
    } catch (ParseException | JOSEException e) {
      throw new InvalidProof("The DPoP proof JWT is invalid.");
    }
  }

  /** Returns base64url(SHA-256(accessToken)), the {@code ath} a resource proof must carry. */
  static String ath(String accessToken) {
    return Base64URL.encode(Ids.sha256(accessToken.getBytes(StandardCharsets.US_ASCII))).toString();
  }

  private static JWSVerifier verifier(JWK jwk) throws JOSEException, InvalidProof {
    if (jwk instanceof RSAKey rsa) {
      return new RSASSAVerifier(rsa);
    }
    if (jwk instanceof ECKey ec) {
      return new ECDSAVerifier(ec);
    }
    throw new InvalidProof("The DPoP proof JWT jwk must be an RSA or EC key.");
  }

  private static String stripQuery(String url) {
    if (url == null) {
      return null;
    }
    int q = url.indexOf('?');
    int f = url.indexOf('#');
    int end = q < 0 ? f : f < 0 ? q : Math.min(q, f);
    return end < 0 ? url : url.substring(0, end);
  }
}
