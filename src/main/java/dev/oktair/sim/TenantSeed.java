package dev.oktair.sim;

import dev.oktair.events.LogEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The starting state of a simulated tenant, as a scenario materialises it: every object shaped
 * exactly as the Okta Management API returns it, plus the System Log history.
 *
 * @param anchor the simulator clock's "now" the history was anchored to
 * @param users Okta {@code User} objects (id, status, created, activated, statusChanged,
 *     lastLogin, lastUpdated, passwordChanged, profile{login,email,firstName,lastName,...})
 * @param groups Okta {@code Group} objects
 * @param groupMembers group id to the ids of its member users
 * @param apps Okta {@code Application} objects (id, name, label, status, signOnMode, created, ...)
 * @param appUsers app id to its {@code AppUser} objects (id = user id, scope USER/GROUP, status,
 *     created, lastUpdated, credentials.userName, {@code _links.group} when scope is GROUP)
 * @param factors user id to its {@code UserFactor} objects
 * @param roles user id to its admin role assignments ({@code StandardRole} objects)
 * @param grants user id to its {@code OAuth2ScopeConsentGrant} objects
 * @param clients OAuth clients ({@code OAuth2Client}: client_id, client_name, ...)
 * @param refreshTokens user id to its {@code OAuth2RefreshToken} objects (each names clientId)
 * @param apiTokens {@code ApiToken} objects (id 00T..., name, userId, created, expiresAt, ...)
 * @param threatInsight the {@code ThreatInsightConfiguration} (action none/audit/block, ...)
 * @param policies {@code Policy} objects of every type (OKTA_SIGN_ON, ACCESS_POLICY, ...)
 * @param policyRules policy id to its rules
 * @param events the System Log history, ordered by {@code published}
 * @param story what happened, for demos and tests to check against
 * @param identityProviders {@code IdentityProvider} objects (id 0oa..., type SAML2/OIDC/..., name,
 *     status ACTIVE/INACTIVE, created, ...); empty in a fresh org
 * @param networkZones admin-created {@code NetworkZone} objects; Okta's system zones
 *     ({@code LegacyIpZone}, {@code BlockedIpZone}, ...) are added by the simulator itself
 * @param history System Log history served from a file ({@link LogTenant}), besides {@code events};
 *     {@link LogHistory#none()} for a scenario, whose history is all in {@code events}
 */
public record TenantSeed(
    Instant anchor,
    List<JsonNode> users,
    List<JsonNode> groups,
    Map<String, List<String>> groupMembers,
    List<JsonNode> apps,
    Map<String, List<JsonNode>> appUsers,
    Map<String, List<JsonNode>> factors,
    Map<String, List<JsonNode>> roles,
    Map<String, List<JsonNode>> grants,
    List<JsonNode> clients,
    Map<String, List<JsonNode>> refreshTokens,
    List<JsonNode> apiTokens,
    JsonNode threatInsight,
    List<JsonNode> policies,
    Map<String, List<JsonNode>> policyRules,
    List<LogEvent> events,
    Story story,
    List<JsonNode> identityProviders,
    List<JsonNode> networkZones,
    LogHistory history) {
  public TenantSeed {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(threatInsight, "threatInsight");
    Objects.requireNonNull(story, "story");
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    groupMembers = Map.copyOf(groupMembers);
    apps = List.copyOf(apps);
    appUsers = Map.copyOf(appUsers);
    factors = Map.copyOf(factors);
    roles = Map.copyOf(roles);
    grants = Map.copyOf(grants);
    clients = List.copyOf(clients);
    refreshTokens = Map.copyOf(refreshTokens);
    apiTokens = List.copyOf(apiTokens);
    policies = List.copyOf(policies);
    policyRules = Map.copyOf(policyRules);
    events = List.copyOf(events);
    identityProviders = List.copyOf(identityProviders);
    networkZones = List.copyOf(networkZones);
  }

  /** A seed without identity providers or admin-created zones, its history all in {@code events} (the shape scenarios built first). */
  public TenantSeed(
      Instant anchor,
      List<JsonNode> users,
      List<JsonNode> groups,
      Map<String, List<String>> groupMembers,
      List<JsonNode> apps,
      Map<String, List<JsonNode>> appUsers,
      Map<String, List<JsonNode>> factors,
      Map<String, List<JsonNode>> roles,
      Map<String, List<JsonNode>> grants,
      List<JsonNode> clients,
      Map<String, List<JsonNode>> refreshTokens,
      List<JsonNode> apiTokens,
      JsonNode threatInsight,
      List<JsonNode> policies,
      Map<String, List<JsonNode>> policyRules,
      List<LogEvent> events,
      Story story) {
    this(anchor, users, groups, groupMembers, apps, appUsers, factors, roles, grants, clients, refreshTokens,
        apiTokens, threatInsight, policies, policyRules, events, story, List.of(), List.of(), LogHistory.none());
  }

  /** Returns this seed with {@code idps} as its identity providers. */
  public TenantSeed withIdentityProviders(List<JsonNode> idps) {
    return new TenantSeed(anchor, users, groups, groupMembers, apps, appUsers, factors, roles, grants, clients,
        refreshTokens, apiTokens, threatInsight, policies, policyRules, events, story, idps, networkZones, history);
  }

  /** Returns this seed with {@code zones} as its admin-created network zones. */
  public TenantSeed withNetworkZones(List<JsonNode> zones) {
    return new TenantSeed(anchor, users, groups, groupMembers, apps, appUsers, factors, roles, grants, clients,
        refreshTokens, apiTokens, threatInsight, policies, policyRules, events, story, identityProviders, zones, history);
  }

  /** Returns this seed with {@code served} as its history served from a file. */
  public TenantSeed withHistory(LogHistory served) {
    return new TenantSeed(anchor, users, groups, groupMembers, apps, appUsers, factors, roles, grants, clients,
        refreshTokens, apiTokens, threatInsight, policies, policyRules, events, story, identityProviders, networkZones,
        served);
  }

  /** Returns a tenant with nothing in it (ThreatInsight off), anchored at {@code anchor}. */
  public static TenantSeed empty(Instant anchor) {
    tools.jackson.databind.node.ObjectNode threat = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    threat.put("action", "none");
    threat.putArray("excludeZones");
    return new TenantSeed(anchor, List.of(), List.of(), Map.of(), List.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        List.of(), Map.of(), List.of(), threat, List.of(), Map.of(), List.of(),
        new Story("empty", "nobody@example.invalid", List.of(), anchor, List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of()));
  }

  /**
   * The ground truth of a scenario.
   *
   * @param name the scenario's name (e.g. {@code contoso-aitm})
   * @param victimLogin the compromised user's login
   * @param otherVictimLogins further users reached from the same infrastructure
   * @param attackStart the first attacker event
   * @param attackerIps the attacker's client IPs
   * @param victimIps the victim's usual client IPs
   * @param attackerAsns the attacker's ASNs
   * @param rogueFactorIds factor ids the attacker enrolled
   * @param rogueApiTokenIds API token ids the attacker created
   * @param rogueGrantIds consent grant ids the attacker created
   */
  public record Story(
      String name,
      String victimLogin,
      List<String> otherVictimLogins,
      Instant attackStart,
      List<String> attackerIps,
      List<String> victimIps,
      List<Long> attackerAsns,
      List<String> rogueFactorIds,
      List<String> rogueApiTokenIds,
      List<String> rogueGrantIds) {
    public Story {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(victimLogin, "victimLogin");
      Objects.requireNonNull(attackStart, "attackStart");
      otherVictimLogins = List.copyOf(otherVictimLogins);
      attackerIps = List.copyOf(attackerIps);
      victimIps = List.copyOf(victimIps);
      attackerAsns = List.copyOf(attackerAsns);
      rogueFactorIds = List.copyOf(rogueFactorIds);
      rogueApiTokenIds = List.copyOf(rogueApiTokenIds);
      rogueGrantIds = List.copyOf(rogueGrantIds);
    }
  }
}
