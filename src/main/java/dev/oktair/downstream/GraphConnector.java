package dev.oktair.downstream;

import dev.oktair.events.Json;
import java.util.Map;

/**
 * Microsoft Graph: a client-credentials token (secret, or a certificate assertion), {@code revokeSignInSessions} (SESSIONS;
 * Graph's answer is always true, so the read-back of {@code signInSessionsValidFromDateTime}
 * decides VERIFIED) and {@code accountEnabled=false} (DISABLE, read back).
 */
final class GraphConnector extends SpConnector {
  private String token;

  private final java.time.Clock clock;

  GraphConnector(DownstreamConfig config, SpHttp http, java.time.Clock clock) {
    super(Sp.GRAPH, config, http);
    this.clock = clock;
  }

  @Override
  Outcome step(Step step, SpIdentity who) {
    String user = uri(api(), "/v1.0/users/" + segment(who.userName())).toString();
    if (step == Step.DISABLE) {
      java.net.URI read = java.net.URI.create(user + "?$select=accountEnabled");
      SpHttp.Answer a = http.mutate("PATCH", java.net.URI.create(user), Map.of("Authorization", "Bearer " + token()),
          "application/json", Json.MAPPER.createObjectNode().put("accountEnabled", false).toString(),
          () -> !http.json("GET", read, token(), null).json().path("accountEnabled").asBoolean(true));
      boolean enabled = http.json("GET", read, token(), null).json().path("accountEnabled").asBoolean(true);
      return enabled ? requested("graph: accountEnabled=false accepted, read-back still enabled", a.requestId())
          : verified("graph: " + who.userName() + " disabled (read back)", a.requestId());
    }
    SpHttp.Answer a = http.json("POST", java.net.URI.create(user + "/revokeSignInSessions"), token(), null);
    String validFrom = http.json("GET", java.net.URI.create(user + "?$select=signInSessionsValidFromDateTime"), token(), null)
        .json().path("signInSessionsValidFromDateTime").asString(null);
    return validFrom == null
        ? requested("graph: revokeSignInSessions accepted (Graph always answers true); takes minutes to apply", a.requestId())
        : verified("graph: sign-in sessions valid only from " + validFrom + " (read back); CAE resources within ~15 min", a.requestId());
  }

  private String api() {
    return setting("endpoint", "https://graph.microsoft.com");
  }

  /** Returns the user segment: a UPN starting with $ needs the key form, # must be encoded (Graph known issues). */
  private static String segment(String upn) {
    return upn.startsWith("$") ? "('" + SpHttp.q(upn) + "')" : SpHttp.q(upn);
  }

  private synchronized String token() {
    if (token == null) {
      String login = setting("loginEndpoint", "https://login.microsoftonline.com");
      java.net.URI tokenUrl = uri(login, "/" + SpHttp.q(setting("tenantId", "")) + "/oauth2/v2.0/token");
      Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("grant_type", "client_credentials",
          "client_id", setting("clientId", ""), "scope", "https://graph.microsoft.com/.default"));
      if (setting("clientSecret", null) != null) {
        form.put("client_secret", setting("clientSecret", ""));
      } else {
        // certificate credential: PS256 with the certificate's x5t#S256, aud = the token endpoint (Entra docs)
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", JwtAssertions.certificateAssertion(Keys.rsaPrivate(setting("privateKey", ""), "graph privateKey"),
            Keys.certificate(setting("certificate", ""), "graph certificate"), setting("clientId", ""), tokenUrl.toString(), clock));
      }
      token = http.form(tokenUrl, Map.of(), form).json().path("access_token").asString();
    }
    return token;
  }
}
