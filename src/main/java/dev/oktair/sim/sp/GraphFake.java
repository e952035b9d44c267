package dev.oktair.sim.sp;

import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Microsoft Graph and the Entra token endpoint: client credentials with a secret, then
 * {@code revokeSignInSessions} (200 {@code {"value":true}}, always, the documented known issue),
 * {@code PATCH accountEnabled}, and {@code GET /users/{id|upn}} for the read-back.
 */
final class GraphFake extends FakeSp {
  private static final Pattern TOKEN = Pattern.compile("/([^/]+)/oauth2/v2\\.0/token");
  private static final Pattern USER = Pattern.compile("/v1\\.0/users/([^/]+)(/revokeSignInSessions)?");

  private final String tenantId;
  private final String clientId;
  private final String clientSecret;
  private final Map<String, SpUser> users;
  /** The public key of the app's registered certificate, when one is registered. */
  volatile java.security.interfaces.RSAPublicKey certificateKey;

  GraphFake(Clock clock, SpJournal journal, String tenantId, String clientId, String clientSecret, Map<String, SpUser> users) {
    super("graph", clock, journal);
    this.tenantId = tenantId;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.users = users;
  }

  @Override
  boolean isTokenRequest(Req r) {
    return TOKEN.matcher(r.path()).matches();
  }

  @Override
  Res serve(Req r) {
    Matcher t = TOKEN.matcher(r.path());
    if (t.matches()) {
      return token(r, t.group(1));
    }
    if (!accepted(r.bearer())) {
      return error(401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
    }
    Matcher m = USER.matcher(r.path());
    if (!m.matches()) {
      return error(404, "Request_ResourceNotFound", "Resource not found for the segment.");
    }
    SpUser u = find(m.group(1));
    if (u == null) {
      return error(404, "Request_ResourceNotFound", "Resource '" + m.group(1) + "' does not exist.");
    }
    if (m.group(2) != null && "POST".equals(r.method())) {
      u.sessions.clear();
      u.sessionsValidFrom = now();
      return Res.ok(object().put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean").put("value", true));
    }
    if (m.group(2) == null && "PATCH".equals(r.method())) {
      if (r.json().has("accountEnabled")) {
        u.disabled = !r.json().path("accountEnabled").asBoolean();
      }
      return Res.noContent();
    }
    if (m.group(2) == null && "GET".equals(r.method())) {
      ObjectNode o = object().put("id", u.id).put("userPrincipalName", u.userName).put("accountEnabled", !u.disabled);
      o.put("signInSessionsValidFromDateTime", u.sessionsValidFrom);
      return Res.ok(o);
    }
    return error(405, "Request_BadRequest", "Unsupported method.");
  }

  private Res token(Req r, String tenant) {
    Map<String, String> f = r.form();
    if (!tenantId.equals(tenant)) {
      return error(400, "invalid_request", "AADSTS90002: Tenant '" + tenant + "' not found.");
    }
    if (!"client_credentials".equals(f.get("grant_type"))) {
      return error(400, "unsupported_grant_type", "AADSTS70003: unsupported grant type");
    }
    if (f.get("scope") == null || !f.get("scope").endsWith("/.default")) {
      return error(400, "invalid_scope", "AADSTS1002012: Client credential flows must have a scope value with /.default");
    }
    if (f.containsKey("client_assertion")) {
      return assertion(r, tenant);
    }
    if (!clientId.equals(f.get("client_id")) || !clientSecret.equals(f.get("client_secret"))) {
      return error(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
    }
    return Res.ok(object().put("token_type", "Bearer").put("expires_in", 3599).put("access_token", issueToken("eyJ0eXAi.graph.")));
  }

  /** A certificate credential: PS256 with {@code x5t#S256}, signed by the registered certificate's key. */
  private Res assertion(Req r, String tenant) {
    String jwt = r.form().get("client_assertion");
    var key = certificateKey;
    var claims = key == null ? null
        : JwtBearer.verify(jwt, key, clientId, baseUrl() + "/" + tenant + "/oauth2/v2.0/token", clock);
    boolean header;
    try {
      var h = com.nimbusds.jwt.SignedJWT.parse(jwt).getHeader();
      header = "PS256".equals(h.getAlgorithm().getName()) && h.getX509CertSHA256Thumbprint() != null;
    } catch (java.text.ParseException e) {
      header = false;
    }
    if (claims == null || !header || !clientId.equals(claims.getSubject())
        || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(r.form().get("client_assertion_type"))) {
      return error(401, "invalid_client", "AADSTS700027: Client assertion contains an invalid signature.");
    }
    return Res.ok(object().put("token_type", "Bearer").put("expires_in", 3599).put("access_token", issueToken("eyJ0eXAi.graph.")));
  }

  private SpUser find(String key) {
    SpUser u = users.get(key);
    return u != null ? u : users.values().stream().filter(x -> x.id.equals(key)).findFirst().orElse(null);
  }

  @Override
  Res error(int status, String code, String message) {
    if (status == 401 && "invalid_client".equals(code) || code.startsWith("invalid_") || code.startsWith("unsupported")) {
      return Res.json(status, object().put("error", code).put("error_description", message));
    }
    ObjectNode o = object();
    o.putObject("error").put("code", code).put("message", message);
    return Res.json(status, o);
  }
}
