package dev.oktair.okta;

import dev.oktair.events.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed Management API calls for containment: reads (retried as every GET is) and writes, each
 * sent exactly once ({@link OktaClient#sendOnce}) so that the caller reads the tenant back before
 * ever sending one again. Paths, scopes and rate-limit buckets live in {@link Operation}. Writes
 * of a dry-run client are refused at the lowest layer and return a dry-run stand-in. Thread-safe.
 */
public final class Management {
  private final OktaClient client;

  /** Returns the calls of {@code client}. */
  public Management(OktaClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Returns the org's origin. */
  public URI orgUrl() {
    return client.orgUrl();
  }

  /** Returns true when writes are refused (dry run). */
  public boolean isDryRun() {
    return client.isDryRun();
  }

  // ---- reads ----

  /** Returns the user with this id or login, or empty when Okta answers 404. */
  public Optional<JsonNode> user(String idOrLogin) {
    return getOptional(Operation.GET_USER, idOrLogin);
  }

  /** Returns the user's enrolled factors. */
  public List<JsonNode> factors(String userId) {
    return list(Operation.LIST_FACTORS, userId);
  }

  /** Returns the user's consent grants. */
  public List<JsonNode> grants(String userId) {
    return list(Operation.LIST_GRANTS, userId);
  }

  /** Returns the OAuth clients holding grants or refresh tokens of the user. */
  public List<JsonNode> clients(String userId) {
    return list(Operation.LIST_CLIENTS, userId);
  }

  /** Returns the user's refresh tokens issued to {@code clientId}. */
  public List<JsonNode> refreshTokens(String userId, String clientId) {
    return list(Operation.LIST_REFRESH_TOKENS, userId, clientId);
  }

  /** Returns the org's active API tokens. */
  public List<JsonNode> apiTokens() {
    return list(Operation.LIST_API_TOKENS);
  }

  /** Returns the apps assigned to the user, each with its {@code _embedded.user} assignment. */
  public List<JsonNode> appsOf(String userId) {
    return list(Operation.LIST_USER_APPS, userId);
  }

  /** Returns the user's assignment to the app, or empty when there is none (404). */
  public Optional<JsonNode> appUser(String appId, String userId) {
    return getOptional(Operation.GET_APP_USER, appId, userId);
  }

  /** Returns the groups the user belongs to. */
  public List<JsonNode> groupsOf(String userId) {
    return list(Operation.LIST_USER_GROUPS, userId);
  }

  /** Returns the user's admin role assignments. */
  public List<JsonNode> roles(String userId) {
    return list(Operation.LIST_ROLES, userId);
  }

  /** Returns the identity provider, or empty when there is none (404). */
  public Optional<JsonNode> idp(String idpId) {
    return getOptional(Operation.GET_IDP, idpId);
  }

  /** Returns the org's blocklist network zones. */
  public List<JsonNode> blocklistZones() {
    return list(Operation.LIST_BLOCKLIST_ZONES);
  }

  /** Returns the zone, or empty when there is none (404). */
  public Optional<JsonNode> zone(String zoneId) {
    return getOptional(Operation.GET_ZONE, zoneId);
  }

  /** Returns the user the credential acts as ({@code /users/me}), or empty when it has none (a service app). */
  public Optional<JsonNode> currentUser() {
    return getOptional(Operation.GET_USER, "me");
  }

  /**
   * Returns true when the System Log holds an event of {@code eventType} targeting
   * {@code targetId} persisted at or after {@code since}: the read-back of a call whose effect the
   * API cannot show otherwise (clearing sessions). The log may lag by seconds, so false means "not
   * seen yet", never "not done".
   */
  public boolean logShows(String eventType, String targetId, java.time.Instant since) {
    String filter = "eventType eq \"" + eventType + "\" and target.id eq \"" + targetId + "\"";
    return !client.logPage(client.logsUrl(LogQuery.polling(since, filter))).events().isEmpty();
  }

  // ---- writes: each sent once ----

  /** Clears every Okta session of the user and revokes its OAuth tokens ({@code oauthTokens=true}). */
  public OktaResponse clearSessions(String userId) {
    return write(Operation.CLEAR_SESSIONS, null, userId);
  }

  /** Suspends the user (Okta refuses unless ACTIVE). */
  public OktaResponse suspend(String userId) {
    return write(Operation.SUSPEND, null, userId);
  }

  /** Unsuspends the user (Okta refuses unless SUSPENDED). */
  public OktaResponse unsuspend(String userId) {
    return write(Operation.UNSUSPEND, null, userId);
  }

  /** Deactivates the user: irreversible without re-activation, never planned by default. */
  public OktaResponse deactivate(String userId) {
    return write(Operation.DEACTIVATE, null, userId);
  }

  /** Expires the user's password so the next sign-in must change it. */
  public OktaResponse expirePassword(String userId) {
    return write(Operation.EXPIRE_PASSWORD, null, userId);
  }

  /** Resets (unenrols) every factor of the user. */
  public OktaResponse resetFactors(String userId) {
    return write(Operation.RESET_FACTORS, null, userId);
  }

  /** Unenrols one factor (for Okta Verify Okta removes every Okta Verify factor of the user). */
  public OktaResponse deleteFactor(String userId, String factorId) {
    return write(Operation.DELETE_FACTOR, null, userId, factorId);
  }

  /** Revokes one consent grant. */
  public OktaResponse revokeGrant(String userId, String grantId) {
    return write(Operation.REVOKE_GRANT, null, userId, grantId);
  }

  /** Revokes every refresh token of the user issued to {@code clientId}. */
  public OktaResponse revokeRefreshTokens(String userId, String clientId) {
    return write(Operation.REVOKE_REFRESH_TOKENS, null, userId, clientId);
  }

  /** Revokes an API token. */
  public OktaResponse revokeApiToken(String tokenId) {
    return write(Operation.REVOKE_API_TOKEN, null, tokenId);
  }

  /** Removes the user's direct assignment to the app. */
  public OktaResponse removeAppAssignment(String appId, String userId) {
    return write(Operation.REMOVE_APP_USER, null, appId, userId);
  }

  /** Removes the user from the group. */
  public OktaResponse removeGroupMember(String groupId, String userId) {
    return write(Operation.REMOVE_GROUP_MEMBER, null, groupId, userId);
  }

  /** Unassigns an admin role from the user. */
  public OktaResponse removeRole(String userId, String roleId) {
    return write(Operation.REMOVE_ROLE, null, userId, roleId);
  }

  /** Deactivates an identity provider. */
  public OktaResponse deactivateIdp(String idpId) {
    return write(Operation.DEACTIVATE_IDP, null, idpId);
  }

  /** Creates an active IP blocklist zone named {@code name} holding {@code ips}. */
  public OktaResponse createBlocklistZone(String name, List<String> ips) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("type", "IP").put("name", name).put("status", "ACTIVE").put("usage", "BLOCKLIST");
    body.set("gateways", gateways(ips));
    body.putNull("proxies");
    return write(Operation.CREATE_ZONE, body);
  }

  /** Replaces the zone with {@code zone} whose gateways are set to {@code ips} (PUT is a full replace). */
  public OktaResponse replaceZoneGateways(JsonNode zone, List<String> ips) {
    ObjectNode body = ((ObjectNode) zone.deepCopy());
    body.remove("_links");
    body.set("gateways", gateways(ips));
    return write(Operation.REPLACE_ZONE, body, zone.path("id").asString());
  }

  /** Universal Logout: revokes every session and token of the user where the org offers it (403 otherwise). */
  public OktaResponse globalTokenRevocation(String userId) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.putObject("sub_id").put("format", "opaque").put("id", userId);
    return write(Operation.GLOBAL_TOKEN_REVOCATION, body);
  }

  /** Returns the single addresses of a zone's {@code gateways} ({@code CIDR x/32} or {@code RANGE x-x}). */
  public static List<String> gatewayIps(JsonNode zone) {
    List<String> out = new ArrayList<>();
    for (JsonNode g : zone.path("gateways")) {
      String v = g.path("value").asString("");
      int cut = v.indexOf('/');
      int dash = v.indexOf('-');
      if (cut > 0 && v.endsWith("/32")) {
        out.add(v.substring(0, cut));
      } else if (dash > 0 && v.substring(0, dash).equals(v.substring(dash + 1))) {
        out.add(v.substring(0, dash));
      } else {
        out.add(v);
      }
    }
    return out;
  }

  private static ArrayNode gateways(List<String> ips) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (String ip : ips) {
      out.addObject().put("type", "CIDR").put("value", ip.contains("/") ? ip : ip + "/32");
    }
    return out;
  }

  private OktaResponse write(Operation op, JsonNode body, String... values) {
    return client.sendOnce(op.method(), op.path(values), body);
  }

  private Optional<JsonNode> getOptional(Operation op, String... values) {
    try {
      return Optional.of(client.get(op.path(values)).json());
    } catch (OktaApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private List<JsonNode> list(Operation op, String... values) {
    return client.getAll(op.path(values));
  }
}
