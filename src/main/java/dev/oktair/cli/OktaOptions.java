package dev.oktair.cli;

import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaConfig;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The Okta connection options every command that talks to a live org shares. The API token is
 * deliberately not an option: it would land in shell history and in {@code ps}.
 */
final class OktaOptions {
  @Option(names = "--org", paramLabel = "URL",
      description = "Okta org URL, e.g. https://acme.okta.com (else OKTA_CLIENT_ORGURL, else okta.client.orgUrl"
          + " in ~/.okta/okta.yaml). The API token is never a flag: set OKTA_CLIENT_TOKEN or okta.client.token.")
  String org;

  @Option(names = "--client-id", paramLabel = "ID",
      description = "OAuth service app client id (else OKTA_CLIENT_CLIENTID).")
  String clientId;

  @Option(names = "--private-key", paramLabel = "FILE",
      description = "The service app's private key, PEM or JWK (else OKTA_CLIENT_PRIVATEKEY: PEM text or a path).")
  Path privateKey;

  @Option(names = "--scopes", paramLabel = "SCOPES",
      description = "OAuth scopes to request, space- or comma-separated (else OKTA_CLIENT_SCOPES).")
  String scopes;

  @Option(names = "--auth-mode", paramLabel = "SSWS|PrivateKey",
      description = "SSWS (API token) or PrivateKey (OAuth service app) (else OKTA_CLIENT_AUTHORIZATIONMODE;"
          + " default: SSWS when a token is set).")
  String authMode;

  /** Returns the validated configuration; {@code defaultScopes} when none are configured. */
  OktaConfig config(Context ctx, List<String> defaultScopes) {
    return OktaConfig.load(new OktaConfig.Flags(org, clientId, privateKey, scopes, authMode), ctx.env(), ctx.home(),
        defaultScopes);
  }

  /** Returns a client for the configured org, on the context's clock. */
  OktaClient client(Context ctx, OktaConfig config, boolean dryRun) {
    return OktaClient.builder(config).clock(ctx.clock()).dryRun(dryRun).build();
  }

  /** Returns a client whose waits (rate limit, retries) go through {@code sleeper}, e.g. to show them. */
  OktaClient client(Context ctx, OktaConfig config, boolean dryRun, dev.oktair.http.Sleeper sleeper) {
    return OktaClient.builder(config).clock(ctx.clock()).dryRun(dryRun).sleeper(sleeper).build();
  }

  /** Returns these options as command-line arguments, to hand the same org to an inner command. */
  List<String> args() {
    List<String> out = new java.util.ArrayList<>();
    add(out, "--org", org);
    add(out, "--client-id", clientId);
    add(out, "--private-key", privateKey == null ? null : privateKey.toString());
    add(out, "--scopes", scopes);
    add(out, "--auth-mode", authMode);
    return out;
  }

  private static void add(List<String> out, String flag, String value) {
    if (value != null) {
      out.add(flag);
      out.add(value);
    }
  }
}
