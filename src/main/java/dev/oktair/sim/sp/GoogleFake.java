package dev.oktair.sim.sp;

import com.nimbusds.jwt.JWTClaimsSet;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google's token endpoint (service-account JWT bearer with domain-wide delegation, signature
 * checked against the account's public key) and the Directory API's {@code users.signOut},
 * {@code tokens} list/delete and {@code asps} list/delete.
 */
final class GoogleFake extends FakeSp {
  static final String SCOPE = "https://www.googleapis.com/auth/admin.directory.user.security";
  private static final Pattern USER = Pattern.compile("/admin/directory/v1/users/([^/]+)/(signOut|tokens|asps)(?:/([^/]+))?");

  private final String serviceAccount;
  private final String admin;
  private final RSAPublicKey key;
  private final Map<String, SpUser> users;

  GoogleFake(Clock clock, SpJournal journal, String serviceAccount, String admin, RSAPublicKey key, Map<String, SpUser> users) {
    super("google", clock, journal);
    this.serviceAccount = serviceAccount;
    this.admin = admin;
    this.key = key;
    this.users = users;
  }

  @Override
  boolean isTokenRequest(Req r) {
    return r.path().equals("/token");
  }

  @Override
  Res serve(Req r) {
    if (isTokenRequest(r)) {
      if (!JwtBearer.GRANT.equals(r.form().get("grant_type"))) {
        return error(400, "unsupported_grant_type", "Invalid grant_type");
      }
      JWTClaimsSet c = JwtBearer.verify(r.form().get("assertion"), key, serviceAccount, baseUrl() + "/token", clock);
      if (c == null || !admin.equals(c.getSubject()) || !String.valueOf(c.getClaim("scope")).contains(SCOPE)) {
        return error(400, "invalid_grant", "Invalid JWT Signature, issuer, subject or scope.");
      }
      return Res.ok(object().put("access_token", issueToken("ya29.")).put("expires_in", 3599).put("token_type", "Bearer"));
    }
    if (!accepted(r.bearer())) {
      return error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
    }
    Matcher m = USER.matcher(r.path());
    SpUser u = m.matches() ? users.get(m.group(1)) : null;
    if (u == null) {
      return error(404, "notFound", "Resource Not Found: userKey");
    }
    String what = m.group(2);
    String id = m.group(3);
    if (what.equals("signOut") && "POST".equals(r.method())) {
      u.sessions.clear();
      return Res.noContent();
    }
    Map<String, String> items = what.equals("tokens") ? u.tokens : what.equals("asps") ? u.asps : null;
    if (items != null && id == null && "GET".equals(r.method())) {
      ObjectNode o = object().put("kind", "admin#directory#" + what);
      ArrayNode list = o.putArray("items");
      items.forEach((k, v) -> {
        if (what.equals("tokens")) {
          list.addObject().put("clientId", k).put("displayText", v).put("userKey", u.id);
        } else {
          list.addObject().put("codeId", Integer.parseInt(k)).put("name", v).put("userKey", u.id);
        }
      });
      return Res.ok(o);
    }
    if (items != null && id != null && "DELETE".equals(r.method())) {
      return items.remove(id) != null ? Res.noContent() : error(404, "notFound", "Resource Not Found: " + what);
    }
    return error(405, "methodNotAllowed", "Method not allowed");
  }

  @Override
  Res error(int status, String code, String message) {
    if (code.startsWith("invalid_") || code.startsWith("unsupported") || status == 401 && code.equals("invalid_client")) {
      return Res.json(status, object().put("error", code).put("error_description", message));
    }
    ObjectNode o = object();
    o.putObject("error").put("code", status).put("message", message).put("status", code);
    return Res.json(status, o);
  }
}
