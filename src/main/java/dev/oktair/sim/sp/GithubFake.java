package dev.oktair.sim.sp;

import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;

/**
 * GitHub Enterprise Cloud org SAML credential authorisations: {@code GET
 * /orgs/{org}/credential-authorizations?login=} and {@code DELETE .../{credential_id}} (204).
 */
final class GithubFake extends FakeSp {
  private static final Pattern PATH = Pattern.compile("/orgs/([^/]+)/credential-authorizations(?:/(\\d+))?");

  private final String token;
  private final String org;
  private final Map<String, SpUser> users;

  GithubFake(Clock clock, SpJournal journal, String token, String org, Map<String, SpUser> users) {
    super("github", clock, journal);
    this.token = token;
    this.org = org;
    this.users = users;
  }

  /** GitHub's SAML sessions ride on the org's credential authorisations: revoked once none is left. */
  @Override
  boolean sessionsRevoked(SpUser u) {
    return u.tokens.isEmpty();
  }

  @Override
  boolean isTokenRequest(Req r) {
    return false;
  }

  @Override
  Res serve(Req r) {
    String auth = r.authorization();
    if (auth == null || !(auth.equals("Bearer " + token) || auth.equals("token " + token))) {
      return error(401, "unauthorized", "Bad credentials");
    }
    Matcher m = PATH.matcher(r.path());
    if (!m.matches() || !org.equals(m.group(1))) {
      return error(404, "not_found", "Not Found");
    }
    if (m.group(2) == null && "GET".equals(r.method())) {
      ArrayNode out = F.arrayNode();
      for (SpUser u : users.values()) {
        if (r.param("login") == null || r.param("login").equalsIgnoreCase(u.userName)) {
          u.tokens.forEach((id, type) -> out.addObject().put("login", u.userName).put("credential_id", Long.parseLong(id))
              .put("credential_type", type).put("token_last_eight", id.substring(0, Math.min(8, id.length())))
              .put("credential_authorized_at", "2026-01-01T00:00:00Z"));
        }
      }
      return Res.json(200, out);
    }
    if (m.group(2) != null && "DELETE".equals(r.method())) {
      for (SpUser u : users.values()) {
        if (u.tokens.remove(m.group(2)) != null) {
          return Res.noContent();
        }
      }
      return error(404, "not_found", "Not Found");
    }
    return error(405, "method", "Method Not Allowed");
  }

  @Override
  Res error(int status, String code, String message) {
    String m = status == 401 ? "Bad credentials" : status == 403 ? "Must be an organization owner." : message;
    return Res.json(status, object().put("message", m).put("documentation_url", "https://docs.github.com/rest"));
  }
}
