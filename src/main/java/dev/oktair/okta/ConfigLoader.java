package dev.oktair.okta;

import dev.oktair.http.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Resolves each Okta setting from flags, then environment, then {@code ~/.okta/okta.yaml}
 * (per setting, as the SDK does), remembering where each value came from for error messages.
 */
final class ConfigLoader {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  /** A value and where it came from ("--org", "OKTA_CLIENT_ORGURL", "~/.okta/okta.yaml okta.client.orgUrl"). */
  private record Setting(String value, String from) {}

  private final OktaConfig.Flags flags;
  private final Map<String, String> env;
  private final Path yamlFile;
  private final JsonNode yaml;

  ConfigLoader(OktaConfig.Flags flags, Map<String, String> env, Path home) {
    this.flags = flags == null ? OktaConfig.Flags.none() : flags;
    this.env = env;
    this.yamlFile = home.resolve(".okta").resolve("okta.yaml");
    this.yaml = readYaml(yamlFile);
  }

  OktaConfig load(List<String> defaultScopes) {
    Setting org = first(flags.org(), "--org", "OKTA_CLIENT_ORGURL", "orgUrl");
    if (org == null) {
      throw new OktaConfigException(
          "no Okta org URL: pass --org https://acme.okta.com, set OKTA_CLIENT_ORGURL, or set"
              + " okta.client.orgUrl in " + yamlFile);
    }
    var orgUrl = OrgUrls.validate(org.value(), org.from());
    Setting token = first(null, null, "OKTA_CLIENT_TOKEN", "token");
    Setting clientId = first(flags.clientId(), "--client-id", "OKTA_CLIENT_CLIENTID", "clientId");
    Setting key = privateKey();
    AuthMode mode = authMode(token, clientId, key);
    if (mode == AuthMode.SSWS) {
      return new OktaConfig(orgUrl, mode, Secret.of(validToken(token)), null, List.of(), null);
    }
    if (clientId == null) {
      throw new OktaConfigException(
          "PrivateKey mode needs the service app's client id: pass --client-id, set OKTA_CLIENT_CLIENTID,"
              + " or set okta.client.clientId in " + yamlFile);
    }
    if (key == null) {
      throw new OktaConfigException(
          "PrivateKey mode needs the service app's private key: pass --private-key FILE, set"
              + " OKTA_CLIENT_PRIVATEKEY (PEM text or a path), or set okta.client.privateKey in " + yamlFile);
    }
    String keyText = keyText(key);
    PrivateKeys.parse(keyText, key.from());
    return new OktaConfig(orgUrl, mode, null, clientId.value().trim(), scopes(defaultScopes), Secret.of(keyText));
  }

  private AuthMode authMode(Setting token, Setting clientId, Setting key) {
    Setting mode = first(flags.authMode(), "--auth-mode", "OKTA_CLIENT_AUTHORIZATIONMODE", "authorizationMode");
    if (mode != null) {
      return AuthMode.parse(mode.value(), mode.from());
    }
    if (token != null) {
      return AuthMode.SSWS;
    }
    if (clientId != null || key != null) {
      return AuthMode.PRIVATE_KEY;
    }
    throw new OktaConfigException(
        "no Okta credentials: set OKTA_CLIENT_TOKEN (an SSWS API token; never passed as a flag), or use a"
            + " service app with --client-id, --private-key and --auth-mode PrivateKey (or OKTA_CLIENT_CLIENTID,"
            + " OKTA_CLIENT_PRIVATEKEY), or the same keys under okta.client in " + yamlFile);
  }

  private String validToken(Setting token) {
    if (token == null) {
      throw new OktaConfigException(
          "SSWS mode needs an API token: set OKTA_CLIENT_TOKEN or okta.client.token in " + yamlFile
              + " (there is no token flag, so that it stays out of shell history)");
    }
    String t = token.value().trim();
    if (t.contains("{") || t.contains("}")) {
      throw new OktaConfigException("the API token in " + token.from() + " is still a placeholder: put your token there");
    }
    if (t.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new OktaConfigException("the API token in " + token.from() + " contains spaces or control characters");
    }
    return t;
  }

  private List<String> scopes(List<String> defaultScopes) {
    Setting s = first(flags.scopes(), "--scopes", "OKTA_CLIENT_SCOPES", "scopes");
    if (s == null) {
      return defaultScopes;
    }
    List<String> out = new ArrayList<>();
    for (String scope : s.value().trim().split("[\\s,]+")) {
      if (!scope.isEmpty()) {
        out.add(scope);
      }
    }
    if (out.isEmpty()) {
      throw new OktaConfigException(s.from() + " names no scopes: e.g. \"okta.logs.read okta.users.read\"");
    }
    return out;
  }

  private Setting privateKey() {
    if (flags.privateKeyFile() != null) {
      return new Setting("@" + flags.privateKeyFile(), "--private-key " + flags.privateKeyFile());
    }
    Setting s = first(null, null, "OKTA_CLIENT_PRIVATEKEY", "privateKey");
    if (s == null) {
      return null;
    }
    String v = s.value().trim();
    boolean inline = v.startsWith("{") || v.contains("-----BEGIN");
    return inline ? s : new Setting("@" + v, s.from() + " (" + v + ")");
  }

  private String keyText(Setting key) {
    if (!key.value().startsWith("@")) {
      return key.value();
    }
    String path = key.value().substring(1);
    Path file = path.startsWith("~/") ? yamlFile.getParent().getParent().resolve(path.substring(2)) : Path.of(path);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new OktaConfigException(
          "cannot read the private key file named by " + key.from() + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** Returns the first of the flag, the env var and the okta.yaml key that is set and non-blank. */
  private Setting first(String flagValue, String flagName, String envName, String yamlKey) {
    if (flagValue != null && !flagValue.isBlank()) {
      return new Setting(flagValue, flagName);
    }
    String e = env.get(envName);
    if (e != null && !e.isBlank()) {
      return new Setting(e, envName);
    }
    JsonNode node = yaml.path("okta").path("client").path(yamlKey);
    String y = yamlText(node);
    return y == null || y.isBlank() ? null : new Setting(y, yamlFile + " okta.client." + yamlKey);
  }

  private static String yamlText(JsonNode node) {
    if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      node.forEach(n -> parts.add(n.asString()));
      return String.join(" ", parts);
    }
    return node.isValueNode() && !node.isNull() ? node.asString() : null;
  }

  private static JsonNode readYaml(Path file) {
    if (!Files.isRegularFile(file)) {
      return YAML.createObjectNode();
    }
    try {
      JsonNode node = YAML.readTree(file.toFile());
      return node == null || node.isMissingNode() ? YAML.createObjectNode() : node;
    } catch (JacksonException e) {
      // No cause and no parser message: they may quote the line, and that line may be the token.
      String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new OktaConfigException(file + " is not valid YAML" + line + ": fix it or move it aside");
    }
  }
}
