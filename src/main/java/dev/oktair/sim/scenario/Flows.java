package dev.oktair.sim.scenario;

import dev.oktair.sim.SimEvent;
import dev.oktair.sim.scenario.Model.App;
import dev.oktair.sim.scenario.Model.Assignment;
import dev.oktair.sim.scenario.Model.Factor;
import dev.oktair.sim.scenario.Model.FactorKind;
import dev.oktair.sim.scenario.Model.Policy;
import dev.oktair.sim.scenario.Model.Rule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event sequences Okta Identity Engine writes for what people do: sign in (policy, password,
 * second factor, session), SSO into an app, answer or ignore a push, refresh a token, sign out.
 * Each returns when it ended so callers can chain them.
 */
final class Flows {
  private final Events ev;
  private final Tenant tenant;
  private final Rand rand;

  Flows(Events ev) {
    this.ev = ev;
    this.tenant = ev.tenant();
    this.rand = ev.rand();
  }

  Events events() {
    return ev;
  }

  /** How a push (or other factor challenge) ended. */
  enum Answer { APPROVE, DENY, UNANSWERED }

  /**
   * A sign-in with password and {@code second} factor (skipped when the policy asks for one
   * factor, or {@code second} is null). Returns the new session id, or null when the password
   * was wrong or the factor challenge was not approved.
   */
  String signIn(Visit v, Instant at, Factor second, boolean wrongPassword, Answer answer) {
    String authn = rand.alnum(27);
    Rule global = rule("OKTA_SIGN_ON", v);
    boolean mfa = global != null && Boolean.TRUE.equals(global.spec().mfa());
    Visit pre = v.session(null);
    policy(pre, at, "OKTA_SIGN_ON", global, mfa ? "CHALLENGE" : "ALLOW", null, authn, "/idp/idx/identify");
    Instant t = at.plusMillis(2000 + rand.nextInt(5000));
    SimEvent verify = ev.request("user.authentication.verify", t, pre, "/idp/idx/challenge/answer")
        .displayMessage("Verify user identity").legacyEventType("core.user_auth.login_success")
        .credentialType("PASSWORD").debug("authnRequestId", authn).clientId(tenant.dashboardClientId);
    ev.userTarget(verify, v.user()).target(v.user().passwordEnrollmentId, "AuthenticatorEnrollment", "unknown", "Password");
    if (wrongPassword) {
      verify.result("FAILURE", "INVALID_CREDENTIALS").legacyEventType("core.user_auth.login_failed");
      ev.emit(t, verify);
      SimEvent failed = sessionStart(pre, t.plusMillis(40), authn).result("FAILURE", "INVALID_CREDENTIALS")
          .legacyEventType("core.user_auth.login_failed").debug("loginResult", "INVALID_CREDENTIALS");
      ev.emit(t.plusMillis(40), failed);
      return null;
    }
    ev.emit(t, verify);
    String session = rand.sessionId();
    Visit in = v.session(session);
    if (mfa && second != null) {
      t = t.plusMillis(4000 + rand.nextInt(14000));
      if (answer != Answer.APPROVE) {
        factor(pre, t, second, answer, authn);
        return null;
      }
      factor(in, t, second, Answer.APPROVE, authn);
    }
    t = t.plusMillis(300 + rand.nextInt(900));
    ev.emit(t, sessionStart(in, t, authn));
    if (ev.inWindow(t) && (v.user().lastLogin == null || t.isAfter(v.user().lastLogin))) {
      v.user().lastLogin = t;
    }
    t = t.plusMillis(200 + rand.nextInt(500));
    ev.emit(t, dashboardCode(in, t, authn));
    return session;
  }

  private SimEvent sessionStart(Visit v, Instant at, String authn) {
    SimEvent e = ev.request("user.session.start", at, v, "/idp/idx/identify")
        .displayMessage("User login to Okta").legacyEventType("core.user_auth.login_success")
        .credentialType("PASSWORD").clientId(tenant.dashboardClientId)
        .debug("authnRequestId", authn).debug("deviceFingerprint", v.device().fingerprint())
        .debug("origin", tenant.orgUrl()).debug("logOnlySecurityData", v.logOnlySecurityData());
    if (v.device().mobile()) {
      e.debug("oktaUserAgentExtended", "okta-devices-swift/1.6.0 OktaVerify/9.20.0 " + v.device().profile().platform()
          + "/" + v.device().profile().osVersion());
    }
    e.target(v.user().passwordEnrollmentId, "AuthenticatorEnrollment", "unknown", "Password");
    App dashboard = dashboard();
    return e.target(dashboard.id(), "AppInstance", dashboard.label(), dashboard.label());
  }

  /** The Okta Dashboard's own OIDC sign-in (org authorization server) after a session starts. */
  private SimEvent dashboardCode(Visit v, Instant at, String authn) {
    SimEvent e = ev.request("app.oauth2.authorize.code", at, v, "/oauth2/v1/authorize")
        .displayMessage("OIDC authorization code request").legacyEventType("app.oauth2.authorize.code_success");
    e.actor(tenant.dashboardClientId, "PublicClientApp", tenant.dashboardClientId, "Okta Dashboard")
        .clientId(tenant.dashboardClientId);
    String scopes = "openid, profile, email, okta.users.read.self, okta.enduser.dashboard.read";
    e.debug("authnRequestId", authn).debug("grantType", "authorization_code").debug("grantedScopes", scopes)
        .debug("requestedScopes", scopes).debug("redirectUri", tenant.orgUrl() + "/enduser/callback")
        .debug("responseMode", "query").debug("responseType", "code").debug("state", rand.alnum(32))
        .debug("userId", v.user().id).debug("behaviors", v.behaviorsText()).debug("risk", v.risk());
    ev.userTarget(e, v.user());
    return e.target(rand.alnum(43), "code", null, "Authorization Code");
  }

  /** A second-factor challenge and how it ended (auth_via_mfa; a denied push also deny_push). */
  void factor(Visit v, Instant at, Factor f, Answer answer, String authn) {
    FactorKind k = f.type;
    String uri = k == FactorKind.PUSH ? "/idp/idx/authenticators/poll" : "/idp/idx/challenge/answer";
    SimEvent e = ev.request("user.authentication.auth_via_mfa", at, v, uri)
        .displayMessage("Authentication of user via MFA").debug("authnRequestId", authn)
        .debug("factor", k.logName).debug("factorIntent", "LOGIN").credentialType(k == FactorKind.SMS ? "SMS" : "OTP")
        .clientId(tenant.dashboardClientId);
    if (k == FactorKind.PUSH) {
      e.debug("pushOnlyResponseType", switch (answer) {
        case APPROVE -> "OV_RESPONSE_APPROVE";
        case DENY -> "OV_RESPONSE_DENY";
        case UNANSWERED -> "OV_RESPONSE_ERROR";
      });
    }
    switch (answer) {
      case APPROVE -> e.result("SUCCESS", null).legacyEventType("core.user.factor.attempt_success");
      case DENY -> e.result("FAILURE", "INVALID_CREDENTIALS").legacyEventType("core.user.factor.attempt_fail");
      case UNANSWERED -> e.result("UNANSWERED", "User did not respond to the push notification")
          .legacyEventType("core.user.factor.attempt_fail");
    }
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("methodTypeUsed", k.method);
    detail.put("methodUsedVerifiedProperties", k == FactorKind.WEBAUTHN ? "[USER_VERIFYING, HARDWARE_PROTECTED, PHISHING_RESISTANT]" : "[USER_PRESENCE]");
    e.target(f.id, "AuthenticatorEnrollment", "unknown", k.authenticator, detail);
    ev.emit(at, e);
    if (answer == Answer.DENY) {
      Instant t = at.plusMillis(5);
      SimEvent deny = ev.request("user.mfa.okta_verify.deny_push", t, v, uri)
          .displayMessage("User rejected Okta push verify").legacyEventType("core.user.factor.push_reject")
          .result("FAILURE", "User rejected Okta push verify").debug("authnRequestId", authn)
          .debug("pushOnlyResponseType", "OV_RESPONSE_DENY");
      ev.userTarget(deny, v.user());
      ev.emit(t, deny);
    }
  }

  /** SSO into an assigned app: the app's access policy, then the SSO itself. */
  Instant sso(Visit v, Instant at, Assignment a) {
    App app = a.app;
    Rule rule = rule("ACCESS_POLICY", v);
    SimEvent p = policy(v, at, "ACCESS_POLICY", rule, "ALLOW", app, null, "/app/" + app.spec().name() + "/" + app.id() + "/sso/saml");
    Instant t = at.plusMillis(150 + rand.nextInt(600));
    SimEvent e = ev.request("user.authentication.sso", t, v, ssoUri(app))
        .displayMessage("User single sign on to app").legacyEventType("app.auth.sso")
        .debug("signOnMode", signOnModeText(app)).debug("initiationType", "IDP_INITIATED");
    ev.appTarget(e, app).target(a.eventId, "AppUser", v.user().login, v.user().displayName());
    ev.emit(t, e);
    if (app.oidc()) {
      t = t.plusMillis(300 + rand.nextInt(500));
      ev.emit(t, oauth(v, t, app, "app.oauth2.as.authorize.code", "authorization_code"));
    }
    return t;
  }

  private static String ssoUri(App app) {
    return switch (app.spec().signOnMode()) {
      case "WS_FEDERATION" -> "/app/" + app.spec().name() + "/" + app.id() + "/sso/wsfed/passive";
      case "OPENID_CONNECT" -> "/oauth2/default/v1/authorize";
      default -> "/app/" + app.spec().name() + "/" + app.id() + "/sso/saml";
    };
  }

  private static String signOnModeText(App app) {
    return switch (app.spec().signOnMode()) {
      case "WS_FEDERATION" -> "WS-Federation";
      case "OPENID_CONNECT" -> "OpenID Connect";
      default -> "SAML 2.0";
    };
  }

  /** A custom-authorization-server OAuth event of an app's client on behalf of the visiting user. */
  SimEvent oauth(Visit v, Instant at, App app, String type, String grantType) {
    String uri = type.endsWith("authorize.code") ? "/oauth2/default/v1/authorize" : "/oauth2/default/v1/token";
    SimEvent e = ev.request(type, at, v, uri).legacyEventType(type + "_success");
    e.actor(app.id(), "PublicClientApp", app.id(), app.label()).clientId(app.id());
    String scopes = String.join(", ", app.spec().oauth().scopes());
    e.debug("grantType", grantType).debug("requestedScopes", scopes).debug("grantedScopes", scopes)
        .debug("userId", v.user().id).debug("behaviors", v.behaviorsText()).debug("risk", v.risk());
    ev.userTarget(e, v.user());
    if (type.endsWith("authorize.code")) {
      e.displayMessage("OAuth2 authorization code request").target(rand.alnum(43), "code", null, "Authorization Code");
    } else {
      Map<String, String> detail = new LinkedHashMap<>();
      detail.put("expires", at.plusSeconds(3600).toString());
      detail.put("subject", v.user().id);
      e.displayMessage("OAuth2 access token is granted").target("AT." + rand.alnum(40), "access_token", null, "Access Token", detail);
    }
    return e;
  }

  /** A policy evaluation with the policy and rule (and app) as targets. */
  SimEvent policy(Visit v, Instant at, String type, Rule rule, String result, App app, String authn, String uri) {
    Policy policy = policyOf(type);
    SimEvent e = ev.request("policy.evaluate_sign_on", at, v, uri).displayMessage("Evaluation of sign-on policy")
        .result(result, "Sign-on policy evaluation resulted in " + result);
    if (authn != null) {
      e.debug("authnRequestId", authn).clientId(tenant.dashboardClientId);
    }
    ev.riskData(e, v);
    String policyType = "OKTA_SIGN_ON".equals(type) ? "OktaSignOn" : "Authentication";
    if (app != null) {
      e.target(app.id(), "AppInstance", app.label(), app.label());
    }
    if (policy != null && rule != null) {
      e.target(policy.id(), "PolicyEntity", "unknown", policy.spec().name(), Map.of("policyType", policyType));
      Map<String, String> detail = new LinkedHashMap<>();
      detail.put("policyType", policyType);
      detail.put("policyRuleFactorMode", Boolean.TRUE.equals(rule.spec().mfa()) ? "2FA" : "1FA");
      e.target(rule.id(), "PolicyRule", policy.id(), rule.spec().name(), detail);
    }
    ev.emit(at, e);
    return e;
  }

  /** Returns the rule of the policy of {@code type} the visit lands on (office zone or anywhere). */
  Rule rule(String type, Visit v) {
    Policy p = policyOf(type);
    if (p == null) {
      return null;
    }
    boolean office = "office".equals(v.origin().net().kind());
    for (Rule r : p.rules()) {
      String net = r.spec().network();
      if (("ZONE".equals(net) && office) || "ANYWHERE".equals(net)) {
        return r;
      }
    }
    return p.rules().get(p.rules().size() - 1);
  }

  private Policy policyOf(String type) {
    for (Policy p : tenant.policies) {
      if (p.spec().type().equals(type)) {
        return p;
      }
    }
    return null;
  }

  private App dashboard() {
    for (App a : tenant.apps) {
      if ("okta_enduser".equals(a.spec().name())) {
        return a;
      }
    }
    return tenant.apps.get(0);
  }

  App adminConsole() {
    for (App a : tenant.apps) {
      if ("saasure".equals(a.spec().name())) {
        return a;
      }
    }
    return dashboard();
  }

  /** A factor enrolled ({@code activate}) or removed ({@code deactivate}) by the visiting user. */
  void factorChange(Visit v, Instant at, Factor f, boolean activate, String uri) {
    FactorKind k = f.type;
    SimEvent e = ev.request(activate ? "user.mfa.factor.activate" : "user.mfa.factor.deactivate", at, v, uri)
        .debug("factor", k.logName);
    if (activate) {
      e.displayMessage("Activate factor or authenticator enrollment method for user")
          .legacyEventType("core.user.factor.activate").result("SUCCESS", "User set up " + k.logName + " factor");
    } else {
      e.displayMessage("Reset factor for user").legacyEventType("core.user.factor.deactivate")
          .result("SUCCESS", "User reset " + k.logName + " factor");
    }
    ev.userTarget(e, f.owner).target(f.id, "AuthenticatorEnrollment", "unknown", k.authenticator,
        Map.of("methodTypeUsed", k.method));
    ev.emit(at, e);
  }

  /** An explicit sign-out. */
  void signOut(Visit v, Instant at) {
    SimEvent e = ev.request("user.session.end", at, v, "/login/signout").displayMessage("User logout from Okta")
        .legacyEventType("core.user_auth.logout_success").debug("endedSessionId", v.sessionId())
        .debug("terminationReason", "USER_LOGOUT");
    ev.emit(at, e);
  }
}
