package dev.oktair.okta;

/**
 * The Management API calls containment makes, each with its method, path template, the OAuth
 * scope it needs, Okta's rate-limit bucket, and the read-back that tells whether it already took
 * effect: the one table of these paths, so no call site spells one.
 */
public enum Operation {
  GET_USER("GET", "/api/v1/users/{userId}", "okta.users.read", "/api/v1/users/{id}", null),
  CLEAR_SESSIONS("DELETE", "/api/v1/users/{userId}/sessions?oauthTokens=true", "okta.users.manage",
      "/api/v1/users/{id}", "no read-back of sessions exists: the call is idempotent, so it is sent again when unsure"),
  SUSPEND("POST", "/api/v1/users/{userId}/lifecycle/suspend", "okta.users.manage", "/api/v1/users/{id}",
      "GET_USER status SUSPENDED"),
  UNSUSPEND("POST", "/api/v1/users/{userId}/lifecycle/unsuspend", "okta.users.manage", "/api/v1/users/{id}",
      "GET_USER status ACTIVE"),
  DEACTIVATE("POST", "/api/v1/users/{userId}/lifecycle/deactivate", "okta.users.manage", "/api/v1/users/{id}",
      "GET_USER status DEPROVISIONED"),
  EXPIRE_PASSWORD("POST", "/api/v1/users/{userId}/lifecycle/expire_password", "okta.users.manage",
      "/api/v1/users/{id}", "GET_USER status PASSWORD_EXPIRED"),
  RESET_FACTORS("POST", "/api/v1/users/{userId}/lifecycle/reset_factors", "okta.users.manage", "/api/v1/users/{id}",
      "LIST_FACTORS empty"),
  LIST_FACTORS("GET", "/api/v1/users/{userId}/factors", "okta.users.read", "/api/v1/users/{id}", null),
  DELETE_FACTOR("DELETE", "/api/v1/users/{userId}/factors/{factorId}", "okta.users.manage", "/api/v1/users/{id}",
      "LIST_FACTORS without the factor"),
  LIST_GRANTS("GET", "/api/v1/users/{userId}/grants?limit=200", "okta.users.read", "/api/v1/users/{id}", null),
  REVOKE_GRANT("DELETE", "/api/v1/users/{userId}/grants/{grantId}", "okta.users.manage", "/api/v1/users/{id}",
      "LIST_GRANTS without the grant"),
  LIST_CLIENTS("GET", "/api/v1/users/{userId}/clients", "okta.users.read", "/api/v1/users/{id}", null),
  LIST_REFRESH_TOKENS("GET", "/api/v1/users/{userId}/clients/{clientId}/tokens?limit=200", "okta.users.read",
      "/api/v1/users/{id}", null),
  REVOKE_REFRESH_TOKENS("DELETE", "/api/v1/users/{userId}/clients/{clientId}/tokens", "okta.users.manage",
      "/api/v1/users/{id}", "LIST_REFRESH_TOKENS empty"),
  LIST_API_TOKENS("GET", "/api/v1/api-tokens", "okta.apiTokens.read", "/api/v1/api-tokens", null),
  REVOKE_API_TOKEN("DELETE", "/api/v1/api-tokens/{tokenId}", "okta.apiTokens.manage", "/api/v1/api-tokens",
      "LIST_API_TOKENS without the token"),
  LIST_USER_APPS("GET", "/api/v1/apps?limit=200&filter=user.id+eq+%22{userId}%22&expand=user%2F{userId}",
      "okta.apps.read", "/api/v1/apps", null),
  GET_APP_USER("GET", "/api/v1/apps/{appId}/users/{userId}", "okta.apps.read", "/api/v1/apps", null),
  REMOVE_APP_USER("DELETE", "/api/v1/apps/{appId}/users/{userId}", "okta.apps.manage", "/api/v1/apps",
      "GET_APP_USER 404"),
  LIST_USER_GROUPS("GET", "/api/v1/users/{userId}/groups", "okta.users.read", "/api/v1/users/{id}", null),
  REMOVE_GROUP_MEMBER("DELETE", "/api/v1/groups/{groupId}/users/{userId}", "okta.groups.manage", "/api/v1/groups",
      "LIST_USER_GROUPS without the group"),
  LIST_ROLES("GET", "/api/v1/users/{userId}/roles", "okta.roles.read", "/api/v1/users/{id}", null),
  REMOVE_ROLE("DELETE", "/api/v1/users/{userId}/roles/{roleId}", "okta.roles.manage", "/api/v1/users/{id}",
      "LIST_ROLES without the role"),
  GET_IDP("GET", "/api/v1/idps/{idpId}", "okta.idps.read", "/api/v1/idps", null),
  DEACTIVATE_IDP("POST", "/api/v1/idps/{idpId}/lifecycle/deactivate", "okta.idps.manage", "/api/v1/idps",
      "GET_IDP status INACTIVE"),
  LIST_BLOCKLIST_ZONES("GET", "/api/v1/zones?filter=usage+eq+%22BLOCKLIST%22", "okta.networkZones.read",
      "/api/v1/zones", null),
  GET_ZONE("GET", "/api/v1/zones/{zoneId}", "okta.networkZones.read", "/api/v1/zones", null),
  CREATE_ZONE("POST", "/api/v1/zones", "okta.networkZones.manage", "/api/v1/zones",
      "LIST_BLOCKLIST_ZONES holds a zone of that name"),
  REPLACE_ZONE("PUT", "/api/v1/zones/{zoneId}", "okta.networkZones.manage", "/api/v1/zones",
      "GET_ZONE gateways hold the addresses"),
  GLOBAL_TOKEN_REVOCATION("POST", "/oauth2/v1/global-token-revocation", "okta.universalLogout.manage", "/oauth2/v1",
      "no read-back: Universal Logout is idempotent, so it is sent again when unsure");

  private final String method;
  private final String template;
  private final String scope;
  private final String bucket;
  private final String readBack;

  Operation(String method, String template, String scope, String bucket, String readBack) {
    this.method = method;
    this.template = template;
    this.scope = scope;
    this.bucket = bucket;
    this.readBack = readBack;
  }

  /** Returns the HTTP method. */
  public String method() {
    return method;
  }

  /** Returns the path template, e.g. {@code /api/v1/users/{userId}/factors/{factorId}}. */
  public String template() {
    return template;
  }

  /** Returns the OAuth scope a service app needs for it. */
  public String scope() {
    return scope;
  }

  /** Returns Okta's rate-limit bucket the call counts against. */
  public String bucket() {
    return bucket;
  }

  /** Returns how the effect of a write is read back; null for a read. */
  public String readBack() {
    return readBack;
  }

  /** Returns true for every call but a GET. */
  public boolean mutating() {
    return !"GET".equals(method);
  }

  /**
   * Returns the path with each distinct {@code {name}} replaced by the next value, percent-encoded;
   * a name that repeats takes the same value ({@code userId} in {@link #LIST_USER_APPS}).
   */
  String path(String... values) {
    java.util.List<String> names = new java.util.ArrayList<>();
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', i)) {
      int close = template.indexOf('}', open);
      String name = template.substring(open + 1, close);
      if (!names.contains(name)) {
        names.add(name);
      }
      int index = names.indexOf(name);
      if (index >= values.length) {
        throw new IllegalArgumentException(name() + " needs " + name);
      }
      sb.append(template, i, open).append(OktaClient.encode(values[index]));
      i = close + 1;
    }
    if (names.size() != values.length) {
      throw new IllegalArgumentException(name() + " takes " + names.size() + " values, not " + values.length);
    }
    return sb.append(template.substring(i)).toString();
  }

  @Override
  public String toString() {
    return method + " " + template;
  }
}
