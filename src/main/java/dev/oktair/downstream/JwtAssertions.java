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

  /** Returns an Entra certificate client assertion: PS256, {@code x5t#S256}, iss = sub = client id, aud = token URL. */
  static String certificateAssertion(RSAPrivateKey key, java.security.cert.X509Certificate cert, String clientId, String tokenUrl, Clock clock) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(tokenUrl)
        .notBeforeTime(Date.from(clock.instant())).issueTime(Date.from(clock.instant()))
        .expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(5)))).jwtID(UUID.randomUUID().toString()).build();
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.PS256)
          .x509CertSHA256Thumbprint(com.nimbusds.jose.util.Base64URL.encode(digest)).build();
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException | java.security.GeneralSecurityException e) {
      throw new OktaIrException(Kind.CONFIG, "cannot sign the certificate assertion for " + clientId);
    }
  }

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
