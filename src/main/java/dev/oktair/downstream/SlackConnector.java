package dev.oktair.downstream;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Slack Enterprise Grid: {@code users.lookupByEmail}, then {@code admin.users.session.reset}
 * (SESSIONS). Slack answers refusals with HTTP 200 and {@code ok:false}: that is FAILED here.
 */
final class SlackConnector extends SpConnector {
  SlackConnector(DownstreamConfig config, SpHttp http) {
    super(Sp.SLACK, config, http);
  }

  @Override
  Outcome step(Step step, SpIdentity who) {
    String api = setting("endpoint", "https://slack.com/api");
    Map<String, String> auth = Map.of("Authorization", "Bearer " + setting("token", ""));
    SpHttp.Answer lookup = http.send("GET", uri(api, "/users.lookupByEmail?email=" + SpHttp.q(who.userName())), auth, null, null);
    String refusal = refusal(lookup.json());
    if (refusal != null) {
      return failed("users.lookupByEmail " + who.userName() + " refused: " + refusal);
    }
    String userId = lookup.json().path("user").path("id").asString();
    SpHttp.Answer reset = http.form(uri(api, "/admin.users.session.reset"), auth, Map.of("user_id", userId));
    refusal = refusal(reset.json());
    if (refusal != null) {
      return failed("admin.users.session.reset refused: " + refusal);
    }
    return requested("slack: every session of " + userId + " reset (Slack offers no read-back)", reset.requestId());
  }

  private static String refusal(JsonNode answer) {
    return answer.path("ok").asBoolean(false) ? null : answer.path("error").asString("ok:false");
  }
}
