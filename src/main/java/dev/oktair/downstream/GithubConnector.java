package dev.oktair.downstream;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * GitHub Enterprise Cloud: list the user's SAML credential authorisations for the org and delete
 * each (TOKENS), then list again to verify.
 */
final class GithubConnector extends SpConnector {
  GithubConnector(DownstreamConfig config, SpHttp http) {
    super(Sp.GITHUB, config, http);
  }

  @Override
  Outcome step(Step step, SpIdentity who) {
    List<String> ids = list(who);
    if (ids.isEmpty()) {
      return alreadyDone("github: " + who.userName() + " has no credential authorisations in the org");
    }
    String last = null;
    for (String id : ids) {
      last = http.send("DELETE", uri(base(), "/orgs/" + SpHttp.q(setting("org", "")) + "/credential-authorizations/" + id), headers(), null, null).requestId();
    }
    List<String> left = list(who);
    return left.isEmpty()
        ? verified("github: removed " + ids.size() + " credential authorisation(s) of " + who.userName() + " (list now empty)", last)
        : requested("github: removed " + ids.size() + ", but " + left.size() + " still listed", last);
  }

  private List<String> list(SpIdentity who) {
    URI u = uri(base(), "/orgs/" + SpHttp.q(setting("org", "")) + "/credential-authorizations?per_page=100&login=" + SpHttp.q(who.userName()));
    List<String> ids = new ArrayList<>();
    for (JsonNode c : http.send("GET", u, headers(), null, null).json()) {
      if (who.userName().equalsIgnoreCase(c.path("login").asString())) {
        ids.add(c.path("credential_id").asString());
      }
    }
    return ids;
  }

  private String base() {
    return setting("endpoint", "https://api.github.com");
  }

  private Map<String, String> headers() {
    return Map.of("Authorization", "Bearer " + setting("token", ""), "X-GitHub-Api-Version", "2022-11-28");
  }
}
