package dev.oktair.contain;

import dev.oktair.okta.Management;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the live tenant holds for one user, read once while planning (GETs only).
 *
 * @param user the user object
 * @param factors enrolled factors
 * @param grants consent grants
 * @param refreshTokens refresh tokens by client id
 * @param clientNames client names by client id
 * @param roles admin role assignments
 * @param apps apps assigned to the user, each with {@code _embedded.user}
 * @param groups groups the user belongs to
 */
record Inventory(
    JsonNode user,
    List<JsonNode> factors,
    List<JsonNode> grants,
    Map<String, List<JsonNode>> refreshTokens,
    Map<String, String> clientNames,
    List<JsonNode> roles,
    List<JsonNode> apps,
    List<JsonNode> groups) {

  static Inventory read(Management okta, JsonNode user) {
    String id = user.path("id").asString();
    Map<String, List<JsonNode>> tokens = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (JsonNode c : okta.clients(id)) {
      String clientId = c.path("client_id").asString();
      names.put(clientId, c.path("client_name").asString(clientId));
      tokens.put(clientId, new ArrayList<>(okta.refreshTokens(id, clientId)));
    }
    return new Inventory(user, okta.factors(id), okta.grants(id), tokens, names, okta.roles(id), okta.appsOf(id),
        okta.groupsOf(id));
  }

  String userId() {
    return user.path("id").asString();
  }

  String login() {
    return user.path("profile").path("login").asString();
  }
}
