package dev.oktair.sim.sp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;

/**
 * Checks a JWT-bearer grant assertion (Google service accounts, Salesforce connected apps): RS256
 * signature by the configured key, issuer, audience, and an unexpired {@code exp}.
 */
final class JwtBearer {
  static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  private JwtBearer() {}

  /** Returns the verified claims, or null with no detail (as the SPs give little). */
  static JWTClaimsSet verify(String assertion, RSAPublicKey key, String issuer, String audience, Clock clock) {
    if (assertion == null) {
      return null;
    }
    try {
      SignedJWT jwt = SignedJWT.parse(assertion);
      if (!jwt.verify(new RSASSAVerifier(key))) {
        return null;
      }
      JWTClaimsSet c = jwt.getJWTClaimsSet();
      boolean ok = issuer.equals(c.getIssuer()) && c.getAudience().contains(audience)
          && c.getExpirationTime() != null && c.getExpirationTime().after(Date.from(clock.instant()));
      return ok ? c : null;
    } catch (ParseException | JOSEException e) {
      return null;
    }
  }
}
