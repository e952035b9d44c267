package dev.oktair.downstream;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Salesforce: the JWT bearer flow (the response's {@code instance_url} is the API base), the user
 * found by {@code Username}, then freeze {@code UserLogin} (DISABLE), delete every
 * {@code AuthSession} (SESSIONS), revoke every {@code OauthToken} through its {@code DeleteToken}
 * (TOKENS), each read back with the same query.
 */
final class SalesforceConnector extends SpConnector {
  private static final String DATA = "/services/data/v60.0";
  private final Clock clock;
  private String token;
  private String instance;

  SalesforceConnector(DownstreamConfig config, SpHttp http, Clock clock) {
    super(Sp.SALESFORCE, config, http);
    this.clock = clock;
  }

  @Override
  Outcome step(Step step, SpIdentity who) {
    login();
    List<JsonNode> users = query("SELECT Id FROM User WHERE Username = '" + soql(who.userName()) + "'");
    if (users.isEmpty()) {
      return failed("no Salesforce user with Username " + who.userName());
    }
    String userId = users.get(0).path("Id").asString();
    if (step == Step.DISABLE) {
      String q = "SELECT Id, IsFrozen FROM UserLogin WHERE UserId = '" + userId + "'";
      String last = null;
      for (JsonNode l : query(q)) {
        last = http.json("PATCH", uri(instance, DATA + "/sobjects/UserLogin/" + l.path("Id").asString()), token,
            dev.oktair.events.Json.MAPPER.createObjectNode().put("IsFrozen", true)).requestId();
      }
      boolean frozen = query(q).stream().allMatch(l -> l.path("IsFrozen").asBoolean(false));
      return frozen ? verified("salesforce: " + who.userName() + " frozen (read back)", last)
          : requested("salesforce: freeze accepted, read-back not frozen yet", last);
    }
    boolean sessions = step == Step.SESSIONS;
    String q = sessions ? "SELECT Id FROM AuthSession WHERE UsersId = '" + userId + "'"
        : "SELECT Id, DeleteToken FROM OauthToken WHERE UserId = '" + userId + "'";
    List<JsonNode> rows = query(q);
    String what = sessions ? "session(s)" : "OAuth token(s)";
    if (rows.isEmpty()) {
      return alreadyDone("salesforce: " + who.userName() + " has no " + what);
    }
    String last = null;
    for (JsonNode row : rows) {
      last = sessions
          ? http.json("DELETE", uri(instance, DATA + "/sobjects/AuthSession/" + row.path("Id").asString()), token, null).requestId()
          : http.form(uri(instance, "/services/oauth2/revoke"), Map.of(), Map.of("token", row.path("DeleteToken").asString())).requestId();
    }
    int left = query(q).size();
    String done = "salesforce: ended " + rows.size() + " " + what + " of " + who.userName();
    return left == 0 ? verified(done + " (query now empty)", last) : requested(done + ", " + left + " remain", last);
  }

  private List<JsonNode> query(String soql) {
    List<JsonNode> out = new ArrayList<>();
    http.json("GET", uri(instance, DATA + "/query?q=" + SpHttp.q(soql)), token, null).json().path("records").forEach(out::add);
    return out;
  }

  /**
   * Returns the API base the token response names, refused unless it is a Salesforce host over
   * https (or the login URL's own loopback origin, for the simulator): the token is sent there.
   */
  static String pinned(String instanceUrl, String loginUrl) {
    java.net.URI i = java.net.URI.create(instanceUrl.isEmpty() ? "about:blank" : instanceUrl);
    java.net.URI l = java.net.URI.create(loginUrl);
    String host = i.getHost() == null ? "" : i.getHost().toLowerCase(java.util.Locale.ROOT);
    boolean salesforce = "https".equals(i.getScheme()) && (host.endsWith(".salesforce.com") || host.endsWith(".force.com"));
    boolean sameLoopback = "127.0.0.1".equals(host) && host.equals(l.getHost()) && i.getScheme().equals(l.getScheme());
    if (!salesforce && !sameLoopback) {
      throw new SpHttp.Failure(0, "refusing instance_url " + instanceUrl + ": not a Salesforce https host");
    }
    return instanceUrl;
  }

  private static String soql(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\'");
  }

  private synchronized void login() {
    if (token == null) {
      String loginUrl = setting("loginUrl", "https://login.salesforce.com");
      String assertion = JwtAssertions.sign(Keys.rsaPrivate(setting("privateKey", ""), "salesforce privateKey"),
          setting("clientId", ""), setting("username", ""), loginUrl, null, clock, Duration.ofMinutes(3));
      JsonNode t = http.form(uri(loginUrl, "/services/oauth2/token"), Map.of(),
          Map.of("grant_type", JwtAssertions.GRANT, "assertion", assertion)).json();
      instance = pinned(t.path("instance_url").asString(""), loginUrl);
      token = t.path("access_token").asString();
    }
  }
}
