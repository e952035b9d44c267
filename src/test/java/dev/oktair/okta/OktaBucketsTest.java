package dev.oktair.okta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Okta's endpoint families (okta-api.md §2.6, F5) map to their rate-limit buckets. */
class OktaBucketsTest {
  @ParameterizedTest
  @CsvSource({
      "GET, /api/v1/logs, logs",
      "GET, /api/v1/users/00u1, user-get",
      "GET, /api/v1/users/bob%40contoso.com, user-get",
      "POST, /api/v1/users/00u1, user-write",
      "DELETE, /api/v1/users/00u1, user-write",
      "GET, /api/v1/users, users",
      "POST, /api/v1/users, users",
      "POST, /api/v1/users/00u1/lifecycle/suspend, default",
      "DELETE, /api/v1/users/00u1/sessions, default",
      "GET, /api/v1/apps, apps",
      "GET, /api/v1/apps/0oa1/users, apps",
      "GET, /api/v1/apps/0oa1, app-get",
      "PUT, /api/v1/apps/0oa1, apps",
      "GET, /api/v1/groups/00g1, group",
      "GET, /api/v1/groups, groups",
      "DELETE, /api/v1/sessions/idx1, sessions",
      "POST, /oauth2/v1/token, token",
      "POST, /oauth2/v1/global-token-revocation, oauth2",
      "GET, /api/v1/authorizationServers/aus1, oauth2",
      "GET, /api/v1/threats/configuration, default",
  })
  void bucketsFollowOktasEndpointFamilies(String method, String path, String bucket) {
    assertThat(OktaBuckets.INSTANCE.bucketOf(method, path)).isEqualTo(bucket);
  }

  @Test
  void scopesNamedOnA403AreTheOnesOktaDocumentsPerEndpoint() {
    assertThat(ApiErrors.scopeFor("GET", "/api/v1/logs")).isEqualTo("okta.logs.read");
    assertThat(ApiErrors.scopeFor("POST", "/api/v1/users/00u1/lifecycle/suspend")).isEqualTo("okta.users.manage");
    assertThat(ApiErrors.scopeFor("DELETE", "/api/v1/users/00u1/sessions")).isEqualTo("okta.users.manage");
    assertThat(ApiErrors.scopeFor("GET", "/api/v1/users/00u1/roles")).isEqualTo("okta.roles.read");
    assertThat(ApiErrors.scopeFor("DELETE", "/api/v1/users/00u1/roles/ra1")).isEqualTo("okta.roles.manage");
    assertThat(ApiErrors.scopeFor("PUT", "/api/v1/users/00u1/risk")).isEqualTo("okta.userRisk.manage");
    assertThat(ApiErrors.scopeFor("DELETE", "/api/v1/sessions/idx1")).isEqualTo("okta.sessions.manage");
    assertThat(ApiErrors.scopeFor("DELETE", "/api/v1/api-tokens/00T1")).isEqualTo("okta.apiTokens.manage");
    assertThat(ApiErrors.scopeFor("POST", "/api/v1/threats/configuration")).isEqualTo("okta.threatInsights.manage");
    assertThat(ApiErrors.scopeFor("GET", "/api/v1/policies")).isEqualTo("okta.policies.read");
    assertThat(ApiErrors.scopeFor("PUT", "/api/v1/zones/nzo1")).isEqualTo("okta.networkZones.manage");
    assertThat(ApiErrors.scopeFor("POST", "/oauth2/v1/global-token-revocation")).isEqualTo("okta.universalLogout.manage");
    assertThat(ApiErrors.scopeFor("GET", "/api/v1/brands")).isNull();
  }
}
