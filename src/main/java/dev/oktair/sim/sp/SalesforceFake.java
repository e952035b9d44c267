package dev.oktair.sim.sp;

import com.nimbusds.jwt.JWTClaimsSet;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Salesforce: the OAuth 2.0 JWT bearer flow (assertion checked against the connected app's
 * certificate key), SOQL over {@code User}, {@code UserLogin}, {@code AuthSession} and
 * {@code OauthToken} (one {@code WHERE field = 'value'}), {@code PATCH UserLogin} to freeze,
 * {@code DELETE AuthSession}, and {@code /services/oauth2/revoke} with a {@code DeleteToken}.
 */
final class SalesforceFake extends FakeSp {
  static final String VERSION = "v60.0";
  private static final Pattern SOQL = Pattern.compile("SELECT (.+) FROM (\\w+) WHERE (\\w+) ?= ?'([^']*)'", Pattern.CASE_INSENSITIVE);
  private static final Pattern SOBJECT = Pattern.compile("/services/data/" + VERSION.replace(".", "\\.") + "/sobjects/(UserLogin|AuthSession)/(\\w+)");

  private final String consumerKey;
  private final String integrationUser;
  private final RSAPublicKey key;
  private final Map<String, SpUser> users;

  SalesforceFake(Clock clock, SpJournal journal, String consumerKey, String integrationUser, RSAPublicKey key,
      Map<String, SpUser> users) {
    super("salesforce", clock, journal);
    this.consumerKey = consumerKey;
    this.integrationUser = integrationUser;
    this.key = key;
    this.users = users;
  }

  @Override
  boolean isTokenRequest(Req r) {
    return r.path().equals("/services/oauth2/token");
  }

  @Override
  Res serve(Req r) {
    if (isTokenRequest(r)) {
      JWTClaimsSet c = JwtBearer.GRANT.equals(r.form().get("grant_type"))
          ? JwtBearer.verify(r.form().get("assertion"), key, consumerKey, baseUrl(), clock) : null;
      if (c == null || !integrationUser.equals(c.getSubject())) {
        return Res.json(400, object().put("error", "invalid_grant").put("error_description", "invalid assertion"));
      }
      return Res.ok(object().put("access_token", issueToken("00D000000000001!")).put("instance_url", baseUrl())
          .put("token_type", "Bearer").put("scope", "api"));
    }
    if (r.path().equals("/services/oauth2/revoke") && "POST".equals(r.method())) {
      String token = r.form().get("token");
      for (SpUser u : users.values()) {
        if (token != null && token.startsWith("del-") && u.tokens.remove(token.substring(4)) != null) {
          return new Res(200, null, new byte[0]);
        }
      }
      return Res.json(400, object().put("error", "unsupported_token_type").put("error_description", "this token type is not supported"));
    }
    if (!accepted(r.bearer())) {
      return error(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }
    if (r.path().equals("/services/data/" + VERSION + "/query") && "GET".equals(r.method())) {
      return query(r.param("q"));
    }
    Matcher m = SOBJECT.matcher(r.path());
    if (m.matches()) {
      String id = m.group(2);
      for (SpUser u : users.values()) {
        if (m.group(1).equals("UserLogin") && ("060" + u.id).equals(id) && "PATCH".equals(r.method())) {
          u.disabled = r.json().path("IsFrozen").asBoolean(u.disabled);
          return Res.noContent();
        }
        if (m.group(1).equals("AuthSession") && "DELETE".equals(r.method()) && u.sessions.remove(id.substring(3))) {
          return Res.noContent();
        }
      }
      return error(404, "NOT_FOUND", "The requested resource does not exist");
    }
    return error(404, "NOT_FOUND", "The requested resource does not exist");
  }

  private Res query(String soql) {
    Matcher m = soql == null ? null : SOQL.matcher(soql.trim());
    if (m == null || !m.matches()) {
      return error(400, "MALFORMED_QUERY", "unexpected query");
    }
    String object = m.group(2);
    String value = m.group(4);
    List<ObjectNode> rows = new ArrayList<>();
    for (SpUser u : users.values()) {
      String userId = "005" + u.id;
      switch (object) {
        case "User" -> {
          if (u.userName.equalsIgnoreCase(value)) {
            rows.add(object().put("Id", userId).put("Username", u.userName));
          }
        }
        case "UserLogin" -> {
          if (userId.equals(value)) {
            rows.add(object().put("Id", "060" + u.id).put("UserId", userId).put("IsFrozen", u.disabled));
          }
        }
        case "AuthSession" -> {
          if (userId.equals(value)) {
            u.sessions.forEach(s -> rows.add(object().put("Id", "0Ak" + s).put("UsersId", userId).put("SessionType", "UI")));
          }
        }
        case "OauthToken" -> {
          if (userId.equals(value)) {
            u.tokens.forEach((id, app) -> rows.add(object().put("Id", "0CR" + id).put("AppName", app).put("DeleteToken", "del-" + id)
                .put("UserId", userId)));
          }
        }
        default -> {
          return error(400, "INVALID_TYPE", "sObject type '" + object + "' is not supported.");
        }
      }
    }
    ObjectNode o = object().put("totalSize", rows.size()).put("done", true);
    ArrayNode records = o.putArray("records");
    rows.forEach(records::add);
    return Res.ok(o);
  }

  @Override
  Res error(int status, String code, String message) {
    if (status == 401 && code.equals("invalid_client")) {
      return Res.json(400, object().put("error", "invalid_client").put("error_description", message));
    }
    ArrayNode a = F.arrayNode();
    a.addObject().put("message", message).put("errorCode", code.toUpperCase());
    return Res.json(status, a);
  }
}
