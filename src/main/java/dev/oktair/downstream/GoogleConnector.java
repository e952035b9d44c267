package dev.oktair.downstream;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Google Workspace: a service-account JWT with domain-wide delegation (subject = the admin),
 * {@code users.signOut} (SESSIONS), then every OAuth token and app-specific password of the user
 * listed and deleted, and listed again (TOKENS).
 */
final class GoogleConnector extends SpConnector {
  private static final String SCOPE = "https://www.googleapis.com/auth/admin.directory.user.security";
  private final Clock clock;
  private String token;

  GoogleConnector(DownstreamConfig config, SpHttp http, Clock clock) {
    super(Sp.GOOGLE, config, http);
    this.clock = clock;
  }

  @Override
  Outcome step(Step step, SpIdentity who) {
    String user = "/admin/directory/v1/users/" + SpHttp.q(who.userName());
    if (step == Step.SESSIONS) {
      SpHttp.Answer a = http.json("POST", uri(api(), user + "/signOut"), token(), null);
      return requested("google: " + who.userName() + " signed out of web and device sessions (no read-back)", a.requestId());
    }
    List<String> tokens = ids(user + "/tokens", "clientId");
    List<String> asps = ids(user + "/asps", "codeId");
    if (tokens.isEmpty() && asps.isEmpty()) {
      return alreadyDone("google: " + who.userName() + " holds no OAuth tokens or app passwords");
    }
    String last = null;
    for (String id : tokens) {
      last = http.json("DELETE", uri(api(), user + "/tokens/" + SpHttp.q(id)), token(), null).requestId();
    }
    for (String id : asps) {
      last = http.json("DELETE", uri(api(), user + "/asps/" + SpHttp.q(id)), token(), null).requestId();
    }
    int left = ids(user + "/tokens", "clientId").size() + ids(user + "/asps", "codeId").size();
    String done = "google: deleted " + tokens.size() + " OAuth token(s) and " + asps.size() + " app password(s) of " + who.userName();
    return left == 0 ? verified(done + " (lists now empty)", last) : requested(done + ", " + left + " still listed", last);
  }

  private List<String> ids(String path, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : http.json("GET", uri(api(), path), token(), null).json().path("items")) {
      out.add(item.path(field).asString());
    }
    return out;
  }

  private String api() {
    return setting("endpoint", "https://admin.googleapis.com");
  }

  private synchronized String token() {
    if (token == null) {
      String tokenUrl = setting("tokenUrl", "https://oauth2.googleapis.com/token");
      String assertion = JwtAssertions.sign(Keys.rsaPrivate(setting("privateKey", ""), "google privateKey"),
          setting("serviceAccount", ""), setting("admin", ""), tokenUrl, SCOPE, clock, Duration.ofHours(1));
      token = http.form(uri(tokenUrl, ""), Map.of(), Map.of("grant_type", JwtAssertions.GRANT, "assertion", assertion))
          .json().path("access_token").asString();
    }
    return token;
  }
}
