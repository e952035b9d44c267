package dev.oktair.sim.sp;

import java.time.Clock;
import java.util.Map;

/**
 * Slack Web API for an Enterprise Grid org-admin token: {@code users.lookupByEmail} and
 * {@code admin.users.session.reset}. Every error is HTTP 200 with {@code ok:false}, as Slack does.
 */
final class SlackFake extends FakeSp {
  private final String token;
  private final Map<String, SpUser> users;

  SlackFake(Clock clock, SpJournal journal, String token, Map<String, SpUser> users) {
    super("slack", clock, journal);
    this.token = token;
    this.users = users;
  }

  @Override
  boolean isTokenRequest(Req r) {
    return false;
  }

  @Override
  Res serve(Req r) {
    if (!token.equals(r.bearer())) {
      return error(200, "invalid_auth", "invalid_auth");
    }
    switch (r.path()) {
      case "/api/users.lookupByEmail" -> {
        SpUser u = users.get(r.param("email"));
        if (u == null) {
          return error(200, "users_not_found", "users_not_found");
        }
        var o = object().put("ok", true);
        o.putObject("user").put("id", "U" + u.id.toUpperCase()).put("name", u.userName);
        return Res.ok(o);
      }
      case "/api/admin.users.session.reset" -> {
        String userId = r.form().containsKey("user_id") ? r.form().get("user_id") : r.json().path("user_id").asString(null);
        SpUser u = users.values().stream().filter(x -> ("U" + x.id.toUpperCase()).equals(userId)).findFirst().orElse(null);
        if (u == null) {
          return error(200, "user_not_found", "user_not_found");
        }
        u.sessions.clear();
        return Res.ok(object().put("ok", true));
      }
      default -> {
        return error(200, "unknown_method", "unknown_method");
      }
    }
  }

  @Override
  Res error(int status, String code, String message) {
    // Slack answers refusals with 200 ok:false; a real outage is still a 5xx
    int s = status >= 500 ? status : 200;
    String word = status == 401 ? "invalid_auth" : status == 403 ? "not_an_admin" : code;
    return Res.json(s, object().put("ok", false).put("error", word));
  }
}
