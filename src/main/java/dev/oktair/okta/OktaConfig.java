package dev.oktair.okta;

import dev.oktair.http.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The validated, frozen configuration of one Okta client. Built by {@link #load} the way Okta's
 * SDKs resolve it: flags first, then the {@code OKTA_CLIENT_*} environment variables, then
 * {@code ~/.okta/okta.yaml}. The API token is never a flag (it would land in shell history and
 * {@code ps}). {@link #toString()} masks every secret.
 *
 * @param orgUrl the org's origin ({@code https://acme.okta.com}; {@code http} only for loopback),
 *     without a trailing slash
 * @param authMode SSWS (API token) or PrivateKey (OAuth service app)
 * @param token the SSWS API token (SSWS mode), else null
 * @param clientId the service app's client id (PrivateKey mode), else null
 * @param scopes the scopes to request (PrivateKey mode), else empty
 * @param privateKey the service app's private key as PEM or JWK text (PrivateKey mode), else null
 */
public record OktaConfig(
    URI orgUrl, AuthMode authMode, Secret token, String clientId, List<String> scopes, Secret privateKey) {

  public OktaConfig {
    orgUrl = OrgUrls.validate(Objects.requireNonNull(orgUrl, "orgUrl").toString(), "the org URL");
    Objects.requireNonNull(authMode, "authMode");
    scopes = List.copyOf(scopes);
    if (authMode == AuthMode.SSWS && token == null) {
      throw new OktaConfigException("SSWS mode needs an API token (OKTA_CLIENT_TOKEN)");
    }
    if (authMode == AuthMode.PRIVATE_KEY && (clientId == null || privateKey == null || scopes.isEmpty())) {
      throw new OktaConfigException("PrivateKey mode needs a client id, a private key and scopes");
    }
  }

  /** Returns an SSWS configuration for {@code orgUrl} (validated like every other). */
  public static OktaConfig ssws(String orgUrl, String token) {
    return new OktaConfig(OrgUrls.validate(orgUrl, "the org URL"), AuthMode.SSWS, Secret.of(token), null, List.of(), null);
  }

  /** Returns a PrivateKey (OAuth service app) configuration; the key is PEM or JWK text. */
  public static OktaConfig privateKey(String orgUrl, String clientId, List<String> scopes, String keyText) {
    PrivateKeys.parse(keyText, "the private key");
    return new OktaConfig(
        OrgUrls.validate(orgUrl, "the org URL"), AuthMode.PRIVATE_KEY, null, clientId, scopes, Secret.of(keyText));
  }

  /**
   * Resolves, validates and freezes the configuration: {@code flags} first, then {@code env}
   * ({@code OKTA_CLIENT_*}), then {@code home/.okta/okta.yaml}. Scopes default to
   * {@code defaultScopes} (what the calling command needs) when none are configured.
   *
   * @throws OktaConfigException naming the missing or invalid setting and where it came from
   */
  public static OktaConfig load(Flags flags, Map<String, String> env, Path home, List<String> defaultScopes) {
    return new ConfigLoader(flags, env, home).load(defaultScopes);
  }

  @Override
  public String toString() {
    return "OktaConfig[orgUrl=" + orgUrl + ", authMode=" + authMode
        + (token == null ? "" : ", token=" + Secret.MASK)
        + (clientId == null ? "" : ", clientId=" + clientId)
        + (scopes.isEmpty() ? "" : ", scopes=" + String.join(" ", scopes))
        + (privateKey == null ? "" : ", privateKey=" + Secret.MASK)
        + "]";
  }

  /**
   * The Okta settings given as command-line flags; each may be null. There is deliberately no
   * token flag.
   *
   * @param org {@code --org URL}
   * @param clientId {@code --client-id ID}
   * @param privateKeyFile {@code --private-key FILE} (PEM or JWK)
   * @param scopes {@code --scopes "okta.logs.read okta.users.read"} (space- or comma-separated)
   * @param authMode {@code --auth-mode SSWS|PrivateKey}
   */
  public record Flags(String org, String clientId, Path privateKeyFile, String scopes, String authMode) {
    /** Returns flags with nothing set. */
    public static Flags none() {
      return new Flags(null, null, null, null, null);
    }
  }
}
