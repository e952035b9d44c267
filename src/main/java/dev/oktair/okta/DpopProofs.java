package dev.oktair.okta;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;

/**
 * Signs DPoP proofs (RFC 9449) with an ephemeral EC P-256 key made for this client: header
 * {@code typ=dpop+jwt} with the public {@code jwk}; claims {@code htm}, {@code htu} (the URL
 * without query), {@code iat}, {@code jti}, and {@code nonce} and {@code ath} when given.
 * Thread-safe.
 */
final class DpopProofs {
  private final ECKey key;
  private final ECDSASigner signer;
  private final Clock clock;

  DpopProofs(Clock clock) {
    this.clock = clock;
    try {
      this.key = new ECKeyGenerator(Curve.P_256).generate();
      this.signer = new ECDSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot make a DPoP key", e);
    }
  }

  /** Returns a proof for {@code method uri}; {@code nonce} and {@code accessToken} may be null. */
  String proof(String method, URI uri, String nonce, String accessToken) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .claim("htm", method)
        .claim("htu", htu(uri))
        .issueTime(Date.from(clock.instant()))
        .jwtID(UUID.randomUUID().toString());
    if (nonce != null) {
      claims.claim("nonce", nonce);
    }
    if (accessToken != null) {
      claims.claim("ath", ath(accessToken));
    }
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
        .type(new JOSEObjectType("dpop+jwt"))
        .jwk(key.toPublicJWK())
        .build();
    SignedJWT jwt = new SignedJWT(header, claims.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a DPoP proof", e);
    }
    return jwt.serialize();
  }

  /** Returns the URL without query and fragment, as {@code htu} wants it. */
  static String htu(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  /** Returns base64url(SHA-256(accessToken)), the {@code ath} claim. */
  static String ath(String accessToken) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
      return Base64URL.encode(hash).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
