package dev.oktair.downstream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

/** Signs RS256 JWT-bearer grant assertions (Google service accounts, Salesforce connected apps). */
final class JwtAssertions {
  static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  private JwtAssertions() {}

  /** Returns a compact JWT valid from the clock's now for {@code lifetime}; {@code scope} may be null. */
  static String sign(RSAPrivateKey key, String issuer, String subject, String audience, String scope, Clock clock, Duration lifetime) {
    JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
        .issueTime(Date.from(clock.instant())).expirationTime(Date.from(clock.instant().plus(lifetime)))
        .jwtID(UUID.randomUUID().toString());
    if (scope != null) {
      c.claim("scope", scope);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), c.build());
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new OktaIrException(Kind.CONFIG, "cannot sign the JWT assertion for " + issuer);
    }
    return jwt.serialize();
  }
}
