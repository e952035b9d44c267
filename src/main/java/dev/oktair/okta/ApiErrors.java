package dev.oktair.okta;

import dev.oktair.events.Json;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Turns an error response into an {@link OktaApiException} whose message says what to fix. */
final class ApiErrors {
  private static final Pattern SCOPE_PARAM = Pattern.compile("scope=\"([^\"]*)\"");

  private ApiErrors() {}

  static OktaApiException from(String method, URI uri, HttpResponse<byte[]> response, Auth auth) {
    int status = response.statusCode();
    JsonNode body = parse(response.body());
    String code = firstText(body, "errorCode", "error");
    String summary = firstText(body, "errorSummary", "error_description");
    String errorId = firstText(body, "errorId");
    String requestId = response.headers().firstValue("X-Okta-Request-Id").orElse(null);
    String path = pathOf(uri);
    StringBuilder m = new StringBuilder();
    m.append("Okta answered ").append(status).append(" to ").append(method).append(' ').append(path);
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
    String fix = fix(status, method, uri, response, auth);
    if (fix != null) {
      m.append(". To fix: ").append(fix);
    }
    return new OktaApiException(
        m.toString().trim(), status, method, path, code, summary, errorId, requestId, response.headers().map());
  }

  /** Returns the path and query of a URI, which is all a message ever shows of a request. */
  static String pathOf(URI uri) {
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  private static String fix(int status, String method, URI uri, HttpResponse<byte[]> response, Auth auth) {
    if (status == 401) {
      return auth.fixForUnauthorized();
    }
    if (status == 403) {
      String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
      boolean insufficient = challenge.contains("insufficient_scope");
      Matcher scope = SCOPE_PARAM.matcher(challenge);
      String needed = scope.find() ? scope.group(1) : scopeFor(method, uri.getRawPath());
      return auth.fixForForbidden(needed, insufficient);
    }
    return null;
  }

  /** Returns the Okta scope an endpoint needs, for when Okta's answer does not name it. */
  static String scopeFor(String method, String path) {
    boolean read = method.equals("GET");
    String p = path.toLowerCase(Locale.ROOT);
    if (p.startsWith("/api/v1/logs")) {
      return "okta.logs.read";
    }
    if (p.contains("/sessions")) {
      return read ? "okta.sessions.read" : "okta.sessions.manage";
    }
    String[] families = {"users", "apps", "groups", "apitokens", "policies", "roles"};
    String[] scopes = {"users", "apps", "groups", "apiTokens", "policies", "roles"};
    for (int i = 0; i < families.length; i++) {
      if (p.startsWith("/api/v1/" + families[i])) {
        return "okta." + scopes[i] + (read ? ".read" : ".manage");
      }
    }
    return null;
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body == null || body.length == 0 ? null : Json.MAPPER.readTree(body);
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
