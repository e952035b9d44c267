package dev.oktair.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings are layered (file, then environment), validated before any call, and masked when printed. */
class DownstreamConfigTest {
  @TempDir Path dir;

  @Test
  void environmentOverridesTheFileAndSecretsAreMasked() throws IOException {
    Path file = dir.resolve("downstream.yaml");
    Files.writeString(file, "slack:\n  token: xoxp-from-file\n  endpoint: https://slack.example/api\ngithub:\n  token: ghp_file\n  org: contoso\n");
    DownstreamConfig c = DownstreamConfig.load(file, Map.of("OKTAIR_SLACK_TOKEN", "xoxp-from-env"));
    assertThat(c.configured()).containsExactly("github", "slack");
    assertThat(c.get(Sp.SLACK, "token")).isEqualTo("xoxp-from-env");
    assertThat(c.get(Sp.SLACK, "endpoint")).isEqualTo("https://slack.example/api");
    assertThat(c.toString()).contains("token=<masked>").contains("org=contoso")
        .doesNotContain("xoxp-from-env").doesNotContain("ghp_file");
  }

  @Test
  void envNamesFollowOneRule() {
    assertThat(DownstreamConfig.envName(Sp.GRAPH, "clientSecret")).isEqualTo("OKTAIR_GRAPH_CLIENT_SECRET");
    assertThat(DownstreamConfig.envName(Sp.AWS, "secretAccessKey")).isEqualTo("OKTAIR_AWS_SECRET_ACCESS_KEY");
  }

  @Test
  void aHalfConfiguredSpNamesTheMissingSettingWithoutQuotingSecrets() {
    assertThatThrownBy(() -> DownstreamConfig.load(null, Map.of("OKTAIR_GRAPH_CLIENT_SECRET", "s3cret-value")))
        .isInstanceOfSatisfying(OktaIrException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFIG))
        .hasMessageContaining("OKTAIR_GRAPH_TENANT_ID").hasMessageNotContaining("s3cret-value");
  }

  @Test
  void plainHttpIsOnlyForLoopback() {
    Map<String, String> env = Map.of("OKTAIR_SLACK_TOKEN", "x", "OKTAIR_SLACK_ENDPOINT", "http://slack.example/api");
    assertThatThrownBy(() -> DownstreamConfig.load(null, env)).hasMessageContaining("must be https");
    assertThat(DownstreamConfig.load(null, Map.of("OKTAIR_SLACK_TOKEN", "x", "OKTAIR_SLACK_ENDPOINT", "http://127.0.0.1:9/api"))
        .configured()).containsExactly("slack");
  }

  @Test
  void anUnreadableKeyIsNamedNotQuoted() throws IOException {
    Path key = dir.resolve("k.pem");
    Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nbm90LWEta2V5\n-----END PRIVATE KEY-----\n");
    Map<String, String> env = Map.of("OKTAIR_GOOGLE_SERVICE_ACCOUNT", "sa@x", "OKTAIR_GOOGLE_ADMIN", "a@x",
        "OKTAIR_GOOGLE_PRIVATE_KEY", key.toString());
    assertThatThrownBy(() -> DownstreamConfig.load(null, env)).hasMessageContaining("google privateKey")
        .hasMessageNotContaining("bm90LWEta2V5");
  }

  @Test
  void salesforceInstanceUrlIsPinnedToSalesforceHosts() {
    assertThat(SalesforceConnector.pinned("https://contoso.my.salesforce.com", "https://login.salesforce.com"))
        .isEqualTo("https://contoso.my.salesforce.com");
    assertThatThrownBy(() -> SalesforceConnector.pinned("https://evil.example", "https://login.salesforce.com"))
        .hasMessageContaining("refusing instance_url");
  }

  @Test
  void impactMapPutsRecentAppsFirstAndMakesUnconfiguredSpsManual() {
    AppAccess o365 = new AppAccess("0oa1", "Office 365", "office365", "WS_FEDERATION", "alex@contoso.com", List.of(),
        Instant.parse("2026-03-01T10:00:00Z"));
    AppAccess custom = new AppAccess("0oa2", "Jira", "contoso_jira_1", "SAML_2_0", "alex", List.of(), null);
    AppAccess gone = new AppAccess("0oa3", "Slack", "slack", "SAML_2_0", null, List.of(), Instant.parse("2026-03-01T11:00:00Z"));
    List<Impact> map = Downstream.impactMap(List.of(custom, o365, gone), Set.of("graph", "slack"));
    assertThat(map).extracting(i -> i.app().label()).containsExactly("Slack", "Office 365", "Jira");
    assertThat(map.get(1).automaticSteps(false)).containsExactly(Step.SESSIONS);
    assertThat(map.get(1).automaticSteps(true)).containsExactly(Step.SESSIONS, Step.DISABLE);
    assertThat(map.get(0).spIdentity()).isNull();
    assertThat(map.get(0).actions()).allMatch(PlannedAction::manual);
    assertThat(map.get(2).sp()).isNull();
    assertThat(map.get(2).actions()).isNotEmpty().allMatch(PlannedAction::manual);
  }

  /** AWS revokes per role: an app user naming no samlRoles gets a manual step at review, not a failed apply. */
  @Test
  void awsWithoutSamlRolesIsManualAndWithThemAutomatic() {
    AppAccess none = new AppAccess("0oa4", "AWS", "amazon_aws", "SAML_2_0", "alex@contoso.com", List.of(), null);
    AppAccess roles = new AppAccess("0oa4", "AWS", "amazon_aws", "SAML_2_0", "alex@contoso.com",
        List.of("arn:aws:iam::210987654321:role/OktaAdministrator"), null);

    Impact without = Downstream.impactMap(List.of(none), Set.of("aws")).get(0);
    Impact with = Downstream.impactMap(List.of(roles), Set.of("aws")).get(0);

    assertThat(without.automaticSteps(false)).isEmpty();
    assertThat(without.actions()).allMatch(PlannedAction::manual)
        .anyMatch(a -> a.action().contains("lists no roles (samlRoles)"));
    assertThat(with.automaticSteps(false)).containsExactly(Step.SESSIONS);
  }
}
