package dev.oktair.okta;

import dev.oktair.events.Json;
import dev.oktair.http.Authorizer;
import dev.oktair.http.HttpApiException;
import dev.oktair.http.HttpException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Turns what the HTTP layer reports into Okta's exceptions: an error answer into an
 * {@link OktaApiException} whose message says what to fix, anything else into an
 * {@link OktaException} with the same message. The scope a 403 names, when Okta's answer does
 * not, comes from the table of endpoint families below (okta-api.md §1.4 and §7).
 */
final class ApiErrors {
  private static final Pattern SCOPE_PARAM = Pattern.compile("scope=\"([^\"]*)\"");

  /**
   * One endpoint family and its scopes.
   *
   * @param path the family's paths (a regex over the raw path)
   * @param read the scope of GET
   * @param manage the scope of every other method, or null when the family is read-only
   */
  private record Family(Pattern path, String read, String manage) {
    Family(String regex, String read, String manage) {
      this(Pattern.compile(regex), read, manage);
    }
  }

  /** First match wins: the specific sub-resources of users come before users itself. */
  private static final List<Family> SCOPES = List.of(
      new Family("/api/v1/logs(/.*)?", "okta.logs.read", null),
      new Family("/api/v1/users/[^/]+/roles(/.*)?", "okta.roles.read", "okta.roles.manage"),
      new Family("/api/v1/users/[^/]+/risk", "okta.userRisk.read", "okta.userRisk.manage"),
      new Family("/api/v1/users(/.*)?", "okta.users.read", "okta.users.manage"),
      new Family("/api/v1/sessions(/.*)?", "okta.sessions.read", "okta.sessions.manage"),
      new Family("/api/v1/apps(/.*)?", "okta.apps.read", "okta.apps.manage"),
      new Family("/api/v1/groups(/.*)?", "okta.groups.read", "okta.groups.manage"),
      new Family("/api/v1/api-tokens(/.*)?", "okta.apiTokens.read", "okta.apiTokens.manage"),
      new Family("/api/v1/threats(/.*)?", "okta.threatInsights.read", "okta.threatInsights.manage"),
      new Family("/api/v1/policies(/.*)?", "okta.policies.read", "okta.policies.manage"),
      new Family("/api/v1/zones(/.*)?", "okta.networkZones.read", "okta.networkZones.manage"),
      new Family("/oauth2/v1/global-token-revocation", null, "okta.universalLogout.manage"));

  private ApiErrors() {}

  /** Returns Okta's exception for a failure of the HTTP layer on a call with {@code authorizer}. */
  static RuntimeException from(HttpException failure, Authorizer authorizer) {
    if (!(failure instanceof HttpApiException e)) {
      return new OktaException(failure.getMessage(), failure);
    }
    Auth auth = authorizer instanceof Auth a ? a : Auth.NONE;
    JsonNode body = parse(e.body());
    String code = firstText(body, "errorCode", "error");
    String summary = firstText(body, "errorSummary", "error_description");
    String errorId = firstText(body, "errorId");
    String requestId = e.requestId();
    StringBuilder m = new StringBuilder();
    m.append("Okta answered ").append(e.status()).append(" to ").append(e.method()).append(' ').append(e.path());
    if (code != null || summary != null) {
      m.append(": ").append(code == null ? "" : code + " ").append(summary == null ? "" : summary);
    }
    if (errorId != null || requestId != null) {
      m.append(" (");
      m.append(errorId == null ? "" : "errorId " + errorId);
      m.append(errorId != null && requestId != null ? ", " : "");
      m.append(requestId == null ? "" : "request " + requestId);
      m.append(')');
    }
    String fix = fix(e, auth);
    if (fix != null) {
      m.append(". To fix: ").append(fix);
    }
    return new OktaApiException(
        m.toString().trim(), e.status(), e.method(), e.path(), code, summary, errorId, requestId, e.headers(), e);
  }

  private static String fix(HttpApiException e, Auth auth) {
    if (e.status() == 401) {
      return auth.fixForUnauthorized();
    }
    if (e.status() == 403) {
      String challenge = e.header("WWW-Authenticate") == null ? "" : e.header("WWW-Authenticate");
      boolean insufficient = challenge.contains("insufficient_scope");
      Matcher scope = SCOPE_PARAM.matcher(challenge);
      String path = e.path().contains("?") ? e.path().substring(0, e.path().indexOf('?')) : e.path();
      String needed = scope.find() ? scope.group(1) : scopeFor(e.method(), path);
      return auth.fixForForbidden(needed, insufficient);
    }
    return null;
  }

  /** Returns the Okta scope {@code method path} needs (Okta's documented one), or null when unknown. */
  static String scopeFor(String method, String rawPath) {
    for (Family f : SCOPES) {
      if (f.path().matcher(rawPath).matches()) {
        return method.equals("GET") || f.manage() == null ? f.read() : f.manage();
      }
    }
    return null;
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
    } catch (tools.jackson.core.JacksonException e) {
      return null;
    }
  }

  private static String firstText(JsonNode body, String... names) {
    if (body == null || !body.isObject()) {
      return null;
    }
    for (String name : names) {
      String t = Json.text(body.get(name));
      if (t != null) {
        return t;
      }
    }
    return null;
  }
}
