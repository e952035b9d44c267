package dev.oktair.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OktaConfigTest {
  private static final List<String> DEFAULT_SCOPES = List.of("okta.logs.read", "okta.users.read");
  private static final String TOKEN = "00aVeryS3cretT0ken-value";

  @TempDir Path home;

  private void yaml(String text) throws IOException {
    Files.createDirectories(home.resolve(".okta"));
    Files.writeString(home.resolve(".okta/okta.yaml"), text);
  }

  private OktaConfig load(OktaConfig.Flags flags, Map<String, String> env) {
    return OktaConfig.load(flags, env, home, DEFAULT_SCOPES);
  }

  private static OktaConfig.Flags org(String url) {
    return new OktaConfig.Flags(url, null, null, null, null);
  }

  @Test
  void flagsBeatEnvironmentWhichBeatsOktaYaml() throws IOException {
    yaml("okta:\n  client:\n    orgUrl: https://from-yaml.okta.com\n    token: yaml-token\n");
    Map<String, String> env = Map.of("OKTA_CLIENT_ORGURL", "https://from-env.okta.com", "OKTA_CLIENT_TOKEN", "env-token");
    assertThat(load(org("https://from-flag.okta.com"), env).orgUrl()).hasToString("https://from-flag.okta.com");
    OktaConfig fromEnv = load(OktaConfig.Flags.none(), env);
    assertThat(fromEnv.orgUrl()).hasToString("https://from-env.okta.com");
    assertThat(fromEnv.token().reveal()).isEqualTo("env-token");
    OktaConfig fromYaml = load(OktaConfig.Flags.none(), Map.of());
    assertThat(fromYaml.orgUrl()).hasToString("https://from-yaml.okta.com");
    assertThat(fromYaml.token().reveal()).isEqualTo("yaml-token");
    assertThat(fromYaml.authMode()).isEqualTo(AuthMode.SSWS);
  }

  @Test
  void eachSettingResolvesOnItsOwn() throws IOException {
    yaml("okta:\n  client:\n    orgUrl: https://from-yaml.okta.com\n    token: yaml-token\n");
    OktaConfig c = load(OktaConfig.Flags.none(), Map.of("OKTA_CLIENT_ORGURL", "https://env.okta.com/"));
    assertThat(c.orgUrl()).hasToString("https://env.okta.com");
    assertThat(c.token().reveal()).isEqualTo("yaml-token");
  }

  @Test
  void privateKeyModeFromEnvironmentWithInlinePemAndScopeList() {
    Map<String, String> env = Map.of(
        "OKTA_CLIENT_ORGURL", "https://acme.okta.com",
        "OKTA_CLIENT_AUTHORIZATIONMODE", "PrivateKey",
        "OKTA_CLIENT_CLIENTID", "0oa1service",
        "OKTA_CLIENT_SCOPES", "okta.logs.read, okta.users.read okta.apps.read",
        "OKTA_CLIENT_PRIVATEKEY", TestKeys.pkcs8Pem(TestKeys.RSA));
    OktaConfig c = load(OktaConfig.Flags.none(), env);
    assertThat(c.authMode()).isEqualTo(AuthMode.PRIVATE_KEY);
    assertThat(c.clientId()).isEqualTo("0oa1service");
    assertThat(c.scopes()).containsExactly("okta.logs.read", "okta.users.read", "okta.apps.read");
  }

  @Test
  void privateKeyFromAFileFlagOrAPathInOktaYamlAndDefaultScopes() throws IOException {
    Path key = home.resolve("service.pem");
    Files.writeString(key, TestKeys.pkcs8Pem(TestKeys.EC));
    OktaConfig c = load(
        new OktaConfig.Flags("https://acme.okta.com", "0oa1", key, null, "privatekey"), Map.of());
    assertThat(c.authMode()).isEqualTo(AuthMode.PRIVATE_KEY);
    assertThat(c.scopes()).isEqualTo(DEFAULT_SCOPES);
    yaml("okta:\n  client:\n    orgUrl: https://acme.okta.com\n    clientId: 0oa2\n    privateKey: " + key
        + "\n    scopes:\n      - okta.logs.read\n");
    OktaConfig y = load(OktaConfig.Flags.none(), Map.of());
    assertThat(y.authMode()).isEqualTo(AuthMode.PRIVATE_KEY); // inferred: no token, a client id and a key
    assertThat(y.scopes()).containsExactly("okta.logs.read");
  }

  @Test
  void printsSecretsMasked() {
    OktaConfig ssws = load(org("https://acme.okta.com"), Map.of("OKTA_CLIENT_TOKEN", TOKEN));
    assertThat(ssws.toString()).contains("<masked>").doesNotContain(TOKEN);
    assertThat(ssws.token().toString()).isEqualTo("<masked>");
    String pem = TestKeys.pkcs8Pem(TestKeys.RSA);
    OktaConfig pk = OktaConfig.privateKey("https://acme.okta.com", "0oa1", DEFAULT_SCOPES, pem);
    assertThat(pk.toString()).contains("privateKey=<masked>").doesNotContain("BEGIN").doesNotContain(pem.substring(40, 80));
  }

  @Test
  void missingOrgNamesEveryPlaceToSetIt() {
    assertThatThrownBy(() -> load(OktaConfig.Flags.none(), Map.of("OKTA_CLIENT_TOKEN", TOKEN)))
        .isInstanceOf(OktaConfigException.class)
        .hasMessageContaining("--org").hasMessageContaining("OKTA_CLIENT_ORGURL").hasMessageContaining("okta.yaml");
  }

  @Test
  void missingCredentialsSayTheTokenIsNeverAFlag() {
    assertThatThrownBy(() -> load(org("https://acme.okta.com"), Map.of()))
        .isInstanceOf(OktaConfigException.class)
        .hasMessageContaining("OKTA_CLIENT_TOKEN").hasMessageContaining("never passed as a flag");
    assertThatThrownBy(() -> load(new OktaConfig.Flags("https://acme.okta.com", null, null, null, "SSWS"), Map.of()))
        .isInstanceOf(OktaConfigException.class).hasMessageContaining("OKTA_CLIENT_TOKEN");
  }

  @Test
  void privateKeyModeSaysWhatIsMissing() {
    OktaConfig.Flags flags = new OktaConfig.Flags("https://acme.okta.com", null, null, null, "PrivateKey");
    assertThatThrownBy(() -> load(flags, Map.of())).hasMessageContaining("client id").hasMessageContaining("--client-id");
    OktaConfig.Flags withId = new OktaConfig.Flags("https://acme.okta.com", "0oa1", null, null, "PrivateKey");
    assertThatThrownBy(() -> load(withId, Map.of())).hasMessageContaining("private key").hasMessageContaining("--private-key");
    assertThatThrownBy(() -> load(withId, Map.of("OKTA_CLIENT_PRIVATEKEY", "/no/such/key.pem")))
        .isInstanceOf(OktaConfigException.class).hasMessageContaining("cannot read the private key file");
    assertThatThrownBy(() -> load(new OktaConfig.Flags("https://acme.okta.com", null, null, null, "Kerberos"), Map.of()))
        .hasMessageContaining("use SSWS or PrivateKey");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "https://{yourOktaDomain}", "https://acme-admin.okta.com", "https://acme-admin.oktapreview.com",
    "http://acme.okta.com", "https://acme.okta.com.com", "https://acme.okta.com/api/v1", "ftp://acme.okta.com",
    "https://acme.okta.com?x=1", "not a url", "http://10.0.0.1:8080"})
  void refusesOrgUrlsTheSdkRefuses(String url) {
    assertThatThrownBy(() -> load(org(url), Map.of("OKTA_CLIENT_TOKEN", TOKEN)))
        .isInstanceOf(OktaConfigException.class).hasMessageContaining("--org");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080", "http://127.3.4.5:1", "http://localhost:9", "http://[::1]:8080"})
  void acceptsPlainHttpOnLoopbackOnly(String url) {
    assertThat(load(org(url), Map.of("OKTA_CLIENT_TOKEN", TOKEN)).orgUrl()).hasToString(url);
  }

  @Test
  void refusesPlaceholderTokensAndBrokenYamlWithoutQuotingIt() throws IOException {
    assertThatThrownBy(() -> load(org("https://acme.okta.com"), Map.of("OKTA_CLIENT_TOKEN", "{apiToken}")))
        .hasMessageContaining("placeholder");
    yaml("okta:\n  client:\n    token: " + TOKEN + "\n   orgUrl: [unclosed\n");
    assertThatThrownBy(() -> load(org("https://acme.okta.com"), Map.of()))
        .isInstanceOf(OktaConfigException.class)
        .hasMessageContaining("not valid YAML")
        .hasMessageNotContaining(TOKEN)
        .hasNoCause();
  }
}
