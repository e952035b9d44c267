package dev.oktair.sim.scenario;

import static dev.oktair.sim.scenario.ByteSink.ascii;
import static dev.oktair.sim.scenario.ByteSink.jsonString;

/**
 * The fixed byte fragments {@link EventWriter} stitches events from: key runs of the envelope,
 * event kinds, outcomes, risk verdicts and targets. Every value here is valid JSON text as is.
 */
final class Fragments {
  private Fragments() {}

  /** An event type's fixed text: display message, type and legacy type. */
  record Kind(byte[] head, byte[] legacy) {
    static Kind of(String display, String type, String legacy) {
      return new Kind(ascii(",\"displayMessage\":" + jsonString(display) + ",\"eventType\":\"" + type + "\",\"outcome\":"),
          ascii(jsonString(legacy)));
    }
  }

  static final Kind POLICY = Kind.of("Evaluation of sign-on policy", "policy.evaluate_sign_on", null);
  static final Kind SSO = Kind.of("User single sign on to app", "user.authentication.sso", "app.auth.sso");
  static final Kind TOKEN = Kind.of("OAuth2 access token is granted", "app.oauth2.as.token.grant.access_token",
      "app.oauth2.as.token.grant.access_token_success");
  static final Kind START_OK = Kind.of("User login to Okta", "user.session.start", "core.user_auth.login_success");
  static final Kind START_FAIL = Kind.of("User login to Okta", "user.session.start", "core.user_auth.login_failed");
  static final Kind VERIFY = Kind.of("Verify user identity", "user.authentication.verify", "core.user_auth.login_success");
  static final Kind CODE = Kind.of("OIDC authorization code request", "app.oauth2.authorize.code",
      "app.oauth2.authorize.code_success");
  static final Kind MFA_OK = Kind.of("Authentication of user via MFA", "user.authentication.auth_via_mfa",
      "core.user.factor.attempt_success");
  static final Kind MFA_FAIL = Kind.of("Authentication of user via MFA", "user.authentication.auth_via_mfa",
      "core.user.factor.attempt_fail");
  static final Kind END = Kind.of("User logout from Okta", "user.session.end", "core.user_auth.logout_success");
  static final Kind THREAT = Kind.of("Request from suspicious actor", "security.threat.detected", "security.threat.detected");
  static final Kind ACTIVATE = Kind.of("Activate factor or authenticator enrollment method for user",
      "user.mfa.factor.activate", "core.user.factor.activate");
  static final Kind DEACTIVATE = Kind.of("Reset factor for user", "user.mfa.factor.deactivate", "core.user.factor.deactivate");
  static final Kind GROUP_ADD = Kind.of("Add user to group membership", "group.user_membership.add",
      "core.user_group_member.user_add");
  static final Kind APP_ADD = Kind.of("Add user to application membership", "application.user_membership.add",
      "app.user_management.user_added");
  static final Kind PASSWORD = Kind.of("User update password for Okta", "user.account.update_password",
      "core.user.config.password_update.success");
  static final Kind API_TOKEN = Kind.of("Create API token", "system.api_token.create", "api.token.create");
  static final Kind CONSENT = Kind.of("User granted consent to app", "app.oauth2.as.consent.grant",
      "app.oauth2.as.consent.grant_success");

  static final byte[] OK = ascii("{\"result\":\"SUCCESS\",\"reason\":null}");
  static final byte[] ALLOW = ascii("{\"result\":\"ALLOW\",\"reason\":\"Sign-on policy evaluation resulted in ALLOW\"}");
  static final byte[] BAD_PASSWORD = ascii("{\"result\":\"FAILURE\",\"reason\":\"INVALID_CREDENTIALS\"}");
  static final byte[] NO_ANSWER = ascii("{\"result\":\"UNANSWERED\",\"reason\":\"User did not respond to the push notification\"}");
  static final byte[] THREAT_OUTCOME = ascii("{\"result\":\"ALLOW\",\"reason\":\"Login failures with high unknown users count, Login Failures\"}");
  static final byte[] NULL = ascii("null");
  static final byte[] PASSWORD_CRED = ascii("\"PASSWORD\"");
  static final byte[] OTP_CRED = ascii("\"OTP\"");
  static final byte[] KNOWN = ascii(",\"behaviors\":\"{New Geo-Location=NEGATIVE, New Device=NEGATIVE, New IP=NEGATIVE, "
      + "New State=NEGATIVE, New Country=NEGATIVE, Velocity=NEGATIVE, New City=NEGATIVE}\",\"risk\":\"{level=LOW}\"");
  static final byte[] KNOWN_LOG_ONLY = ascii(",\"logOnlySecurityData\":" + jsonString("{\"risk\":{\"level\":\"LOW\"},"
      + "\"behaviors\":{\"New Geo-Location\":\"NEGATIVE\",\"New Device\":\"NEGATIVE\",\"New IP\":\"NEGATIVE\",\"New State\":\"NEGATIVE\","
      + "\"New Country\":\"NEGATIVE\",\"Velocity\":\"NEGATIVE\",\"New City\":\"NEGATIVE\"}}"));
  static final byte[] NEW = ascii(",\"behaviors\":\"{New Geo-Location=POSITIVE, New Device=POSITIVE, New IP=POSITIVE, "
      + "New State=POSITIVE, New Country=POSITIVE, Velocity=POSITIVE, New City=POSITIVE}\","
      + "\"risk\":\"{reasons=Anomalous Device, Anomalous Location, level=HIGH}\"");
  static final byte[] NEW_LOG_ONLY = ascii(",\"logOnlySecurityData\":" + jsonString("{\"risk\":{\"level\":\"HIGH\"},"
      + "\"behaviors\":{\"New Geo-Location\":\"POSITIVE\",\"New Device\":\"POSITIVE\",\"New IP\":\"POSITIVE\",\"New State\":\"POSITIVE\","
      + "\"New Country\":\"POSITIVE\",\"Velocity\":\"POSITIVE\",\"New City\":\"POSITIVE\"}}"));

  static final byte[] U_API_INTERNAL_TOKENS = ascii("/api/internal/tokens");
  static final byte[] U_API_V1_APPS = ascii("/api/v1/apps");
  static final byte[] U_API_V1_GROUPS = ascii("/api/v1/groups");
  static final byte[] U_IDP_IDX_AUTHENTICATORS_POLL = ascii("/idp/idx/authenticators/poll");
  static final byte[] U_IDP_IDX_CHALLENGE_ANSWER = ascii("/idp/idx/challenge/answer");
  static final byte[] U_IDP_IDX_IDENTIFY = ascii("/idp/idx/identify");
  static final byte[] U_IDP_MYACCOUNT_AUTHENTICATORS = ascii("/idp/myaccount/authenticators");
  static final byte[] U_IDP_MYACCOUNT_PASSWORD = ascii("/idp/myaccount/password");
  static final byte[] U_LOGIN_SIGNOUT = ascii("/login/signout");
  static final byte[] U_OAUTH2_DEFAULT_V1_AUTHORIZE = ascii("/oauth2/default/v1/authorize");
  static final byte[] U_OAUTH2_DEFAULT_V1_TOKEN = ascii("/oauth2/default/v1/token");
  static final byte[] U_OAUTH2_V1_AUTHORIZE = ascii("/oauth2/v1/authorize");
  static final byte[] ALPHABET = ascii("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
  static final byte[] P_ACTOR = ascii("{\"actor\":");
  static final byte[] P_CLIENT = ascii(",\"client\":");
  static final byte[] P_DEVICE = ascii(",\"device\":");
  static final byte[] P_AUTH = ascii(",\"authenticationContext\":{\"authenticationProvider\":null,"
      + "\"credentialProvider\":null,\"credentialType\":");
  static final byte[] P_AUTH_ROOT = ascii(",\"issuer\":null,\"interface\":null,\"authenticationStep\":0,\"rootSessionId\":");
  static final byte[] P_AUTH_EXT = ascii(",\"externalSessionId\":");
  static final byte[] P_PUBLISHED = ascii(",\"published\":\"");
  static final byte[] P_SECURITY = ascii("\",\"securityContext\":");
  static final byte[] P_INFO = ascii(",\"severity\":\"INFO\"");
  static final byte[] P_WARN = ascii(",\"severity\":\"WARN\"");
  static final byte[] P_DEBUG = ascii(",\"debugContext\":{\"debugData\":{\"requestId\":\"");
  static final byte[] P_URI = ascii("\",\"requestUri\":\"");
  static final byte[] P_URL = ascii("\",\"url\":\"");
  static final byte[] P_DTHASH = ascii("?\",\"dtHash\":\"");
  static final byte[] P_CLEAN = ascii("\",\"threatSuspected\":\"false\"");
  static final byte[] P_SUSPECT = ascii("\",\"threatSuspected\":\"true\"");
  static final byte[] P_LEGACY = ascii("}},\"legacyEventType\":");
  static final byte[] P_TX = ascii(",\"transaction\":{\"type\":\"WEB\",\"id\":\"");
  static final byte[] P_UUID = ascii("\",\"detail\":{}},\"uuid\":\"");
  static final byte[] P_REQUEST = ascii("\",\"version\":\"0\",\"request\":");
  static final byte[] P_TARGET = ascii(",\"target\":");
  static final byte[] P_CLOSE = ascii("}\n");
  static final byte[] P_AUTHN = ascii(",\"authnRequestId\":\"");
  static final byte[] P_SIGN_ON_MODE = ascii(",\"signOnMode\":\"");
  static final byte[] P_INITIATION = ascii(",\"initiationType\":\"IDP_INITIATED\"");
  static final byte[] P_REFRESH_GRANT = ascii(",\"grantType\":\"refresh_token\",\"requestedScopes\":"
      + "\"openid, profile, email, offline_access\",\"grantedScopes\":\"openid, profile, email, offline_access\",\"userId\":\"");
  static final byte[] P_REFRESH_ID = ascii(",\"refreshTokenId\":\"oar");
  static final byte[] P_ACCESS_TOKEN = ascii(",{\"id\":\"AT.");
  static final byte[] P_ACCESS_TOKEN_DETAIL = ascii("\",\"type\":\"access_token\",\"alternateId\":null,"
      + "\"displayName\":\"Access Token\",\"detailEntry\":{\"expires\":\"");
  static final byte[] P_SUBJECT = ascii("\",\"subject\":\"");
  static final byte[] P_ACCESS_TOKEN_END = ascii("\"}}]");
  static final byte[] P_FINGERPRINT = ascii(",\"deviceFingerprint\":\"");
  static final byte[] P_ORIGIN = ascii("\",\"origin\":\"");
  static final byte[] P_LOGIN_RESULT = ascii(",\"loginResult\":\"INVALID_CREDENTIALS\"");
  static final byte[] P_PASSWORD_PRE = ascii("[{\"id\":\"");
  static final byte[] P_PASSWORD_POST = ascii("\",\"type\":\"AuthenticatorEnrollment\",\"alternateId\":\"unknown\","
      + "\"displayName\":\"Password\",\"detailEntry\":null}");
  static final byte[] P_USER_ID = ascii("\",\"userId\":\"");
  static final byte[] P_CODE = ascii(",{\"id\":\"");
  static final byte[] P_CODE_END = ascii("\",\"type\":\"code\",\"alternateId\":null,\"displayName\":\"Authorization Code\","
      + "\"detailEntry\":null}]");
  static final byte[] P_PUSH_FACTOR = ascii(",\"factor\":\"OKTA_VERIFY_PUSH\",\"factorIntent\":\"LOGIN\",\"pushOnlyResponseType\":");
  static final byte[] P_ENDED = ascii(",\"endedSessionId\":\"");
  static final byte[] P_TERMINATION = ascii("\",\"terminationReason\":\"USER_LOGOUT\"");
  static final byte[] P_SET_UP = ascii("{\"result\":\"SUCCESS\",\"reason\":\"User set up OKTA_VERIFY_PUSH factor\"}");
  static final byte[] P_RESET = ascii("{\"result\":\"SUCCESS\",\"reason\":\"User reset OKTA_VERIFY_PUSH factor\"}");
  static final byte[] P_FACTOR_PUSH = ascii(",\"factor\":\"OKTA_VERIFY_PUSH\"");
  static final byte[] P_NEW_FACTOR = ascii("{\"id\":\"opf");
  static final byte[] P_NEW_FACTOR_END = ascii("\",\"type\":\"AuthenticatorEnrollment\",\"alternateId\":\"unknown\","
      + "\"displayName\":\"Okta Verify\",\"detailEntry\":{\"methodTypeUsed\":\"PUSH\"}}");
  static final byte[] P_DETECTIONS = ascii(",\"threatDetections\":" + jsonString(
      "{\"Login failures with high unknown users count\":\"HIGH\",\"Login Failures\":\"MEDIUM\"}"));
  static final byte[] P_ANYWHERE = ascii(",\"networkConnection\":\"ANYWHERE\"");
  static final byte[] P_TOKEN = ascii("[{\"id\":\"00T");
  static final byte[] P_TOKEN_END = ascii("\",\"type\":\"Token\",\"alternateId\":\"unknown\",\"displayName\":\"backup-sync\","
      + "\"detailEntry\":null}]");
  static final byte[] P_SCOPE = ascii(",\"scope\":\"okta.users.read\"");
}
