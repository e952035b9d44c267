package dev.oktair.downstream;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The service providers okta-ir revokes at: their Okta catalog app names, their settings, the
 * actions they offer with what each kills and what survives (downstream.md), and the connector
 * each builds. A closed set; adding an SP means adding a constant and its connector.
 */
enum Sp {
  GRAPH("graph", Set.of("office365"), List.of("tenantId", "clientId"),
      List.of("clientSecret", "privateKey", "certificate", "endpoint", "loginEndpoint"), Set.of("clientSecret", "privateKey"), List.of(
          new PlannedAction("graph revokeSignInSessions", Step.SESSIONS,
              "all refresh tokens and Entra browser session cookies; Exchange, SharePoint and Teams (CAE) drop access tokens within about 15 minutes",
              "access tokens at non-CAE resources until they expire (1 h); sessions other apps issued themselves; Graph answers true either way, so it is requested, not verified", false, false),
          new PlannedAction("graph PATCH accountEnabled=false", Step.DISABLE,
              "new sign-ins to Microsoft 365 (also a CAE critical event)", "non-CAE access tokens until they expire; the user's devices", false, true))),
  GOOGLE("google", Set.of("google"), List.of("serviceAccount", "admin", "privateKey"), List.of("endpoint", "tokenUrl"),
      Set.of("privateKey"), List.of(
          new PlannedAction("google users.signOut", Step.SESSIONS, "web and device sessions and sign-in cookies",
              "third-party OAuth grants, app-specific passwords, installed apps (Gmail, Drive for desktop); Gmail may take up to an hour", false, false),
          new PlannedAction("google delete OAuth tokens and app-specific passwords", Step.TOKENS,
              "every third-party OAuth grant and app-specific password the user holds", "access tokens already minted until they expire (1 h)", false, false))),
  SALESFORCE("salesforce", Set.of("salesforce"), List.of("clientId", "username", "privateKey"), List.of("loginUrl"),
      Set.of("privateKey"), List.of(
          new PlannedAction("salesforce freeze UserLogin", Step.DISABLE, "new logins", "existing sessions and refresh tokens (freezing is not documented to end them)", false, true),
          new PlannedAction("salesforce delete AuthSessions", Step.SESSIONS, "UI and API sessions and the access tokens tied to them",
              "OAuth refresh tokens (revoked by the tokens step)", false, false),
          new PlannedAction("salesforce revoke OAuth tokens", Step.TOKENS, "connected apps' refresh tokens of the user", "nothing the user held through Okta", false, false))),
  AWS("aws", Set.of("amazon_aws"), List.of("accessKeyId", "secretAccessKey"), List.of("region", "endpoint"),
      Set.of("secretAccessKey"), List.of(
          new PlannedAction("aws PutRolePolicy deny older sessions of this user's role session, per role in samlRoles", Step.SESSIONS,
              "STS credentials and console sessions of the user's role sessions issued before now",
              "credentials issued after now (contain Okta first); roles chained earlier; IAM users and access keys the attacker created; other accounts", false, false),
          new PlannedAction("aws hunt CloudTrail for IAM users, access keys and roles the attacker created", null,
              "persistence outside the federated role", "anything not found", true, false))),
  SLACK("slack", Set.of("slack"), List.of("token"), List.of("endpoint"), Set.of("token"), List.of(
      new PlannedAction("slack admin.users.session.reset", Step.SESSIONS, "all web and mobile sessions; the client wipes its cache",
          "tokens of apps the user authorised, bots, webhooks", false, false),
      new PlannedAction("slack review apps and tokens the user authorised (admin console)", null,
          "app and bot tokens", "anything not reviewed", true, false))),
  GITHUB("github", Set.of("githubcloud", "ghecenterprisesaml"), List.of("token", "org"), List.of("endpoint"), Set.of("token"), List.of(
      new PlannedAction("github delete the user's SAML credential authorisations", Step.TOKENS,
          "the org's SSO authorisation of the user's classic PATs and SSH keys",
          "the PATs and keys themselves outside the org; OAuth and GitHub App tokens; fine-grained PATs", false, false),
      new PlannedAction("github revoke the member's active SAML sessions (org People page, UI only)", null,
          "the SAML web session", "the personal github.com session", true, false)));

  private final String id;
  private final Set<String> catalogNames;
  private final List<String> required;
  private final List<String> optional;
  private final Set<String> secrets;
  private final List<PlannedAction> actions;

  Sp(String id, Set<String> catalogNames, List<String> required, List<String> optional, Set<String> secrets, List<PlannedAction> actions) {
    this.id = id;
    this.catalogNames = catalogNames;
    this.required = required;
    this.optional = optional;
    this.secrets = secrets;
    this.actions = actions;
  }

  /** Returns true when the SP revokes per role the app user can assume (AWS federation: {@code samlRoles}). */
  boolean actsPerRole() {
    return this == AWS;
  }

  String id() {
    return id;
  }

  List<String> required() {
    return required;
  }

  List<String> keys() {
    return java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
  }

  boolean secret(String key) {
    return secrets.contains(key);
  }

  List<PlannedAction> actions() {
    return actions;
  }

  /** Returns the SP serving Okta catalog app {@code name}, or null for an app no connector knows. */
  static Sp forCatalogName(String name) {
    for (Sp sp : values()) {
      if (sp.catalogNames.contains(name)) {
        return sp;
      }
    }
    return null;
  }

  static Sp byId(String id) {
    for (Sp sp : values()) {
      if (sp.id.equals(id)) {
        return sp;
      }
    }
    throw new IllegalArgumentException("no service provider " + id);
  }

  /** Builds this SP's connector from validated settings. */
  Connector connector(DownstreamConfig config, SpHttp http, Clock clock) {
    return switch (this) {
      case GRAPH -> new GraphConnector(config, http, clock);
      case GOOGLE -> new GoogleConnector(config, http, clock);
      case SALESFORCE -> new SalesforceConnector(config, http, clock);
      case AWS -> new AwsConnector(config, http, clock);
      case SLACK -> new SlackConnector(config, http);
      case GITHUB -> new GithubConnector(config, http);
    };
  }
}
