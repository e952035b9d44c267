package dev.oktair.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a request's {@code Authorization} header into the {@link Principal} it acts as:
 * {@code SSWS <token>} (the simulator's API token, owned by a super admin of the tenant),
 * {@code Bearer <token>} or {@code DPoP <token>} plus a {@code DPoP} proof (tokens from
 * {@link OAuthServer}). Anything else is Okta's 401 E0000011.
 */
final class Credentials {
  private final String sswsToken;
  private final String sswsTokenId;
  private final Tenant tenant;
  private final OAuthServer oauth;

  Credentials(String sswsToken, String sswsTokenId, Tenant tenant, OAuthServer oauth) {
    this.sswsToken = sswsToken;
    this.sswsTokenId = sswsTokenId;
    this.tenant = tenant;
    this.oauth = oauth;
  }

  /** Returns who the request acts as; 401 E0000011 when the credential is missing or wrong. */
  Principal authenticate(Request r) {
    String header = r.header("Authorization");
    if (header == null) {
      throw ApiException.invalidToken();
    }
    int space = header.indexOf(' ');
    if (space < 0) {
      throw ApiException.invalidToken();
    }
    String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
    String value = header.substring(space + 1).trim();
    return switch (scheme) {
      case "ssws" -> ssws(value);
      case "bearer" -> oauth(r, value, false);
      case "dpop" -> oauth(r, value, true);
      default -> throw ApiException.invalidToken();
    };
  }

  private Principal ssws(String token) {
    boolean same = MessageDigest.isEqual(
        token.getBytes(StandardCharsets.UTF_8), sswsToken.getBytes(StandardCharsets.UTF_8));
    synchronized (tenant) {
      ObjectNode record = tenant.apiTokens.get(sswsTokenId);
      if (!same || record == null) {
        throw ApiException.invalidToken();
      }
      ObjectNode owner = tenant.users.get(record.path("userId").asString(""));
      if (owner == null) {
        return new Principal(record.path("userId").asString("unknown"), "User", "unknown", "unknown",
            sswsTokenId, null, null, "SSWS");
      }
      if ("DEPROVISIONED".equals(owner.path("status").asString())) {
        throw ApiException.invalidToken();
      }
      return new Principal(owner.path("id").asString(), "User", owner.path("profile").path("login").asString(),
          AdminEvents.displayName(owner), sswsTokenId, null, null, "SSWS");
    }
  }

  private Principal oauth(Request r, String token, boolean dpop) {
    OAuthServer.Issued issued = oauth.lookup(token);
    if (issued == null) {
      throw ApiException.invalidToken();
    }
    boolean bound = issued.jkt() != null;
    if (bound != dpop || (dpop && !oauth.verifyResourceProof(r, token, issued))) {
      throw ApiException.invalidToken();
    }
    return new Principal(oauth.clientId(), "PublicClientApp", oauth.clientId(), OAuthServer.APP_NAME,
        null, oauth.clientId(), issued.scopes(), dpop ? "DPoP" : "Bearer");
  }
}
