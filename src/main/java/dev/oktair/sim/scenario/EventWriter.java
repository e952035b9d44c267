package dev.oktair.sim.scenario;

import static dev.oktair.sim.scenario.ByteSink.ascii;
import static dev.oktair.sim.scenario.Fragments.*;

import dev.oktair.sim.scenario.GenPopulation.GenApp;
import dev.oktair.sim.scenario.GenPopulation.Orig;
import dev.oktair.sim.scenario.GenPopulation.User;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * The generator's event templates: each writes one event, key for key as {@code SimEvent}
 * serialises it (every top-level key, Okta's order), from precomputed fragments plus fresh ids.
 * Not thread-safe.
 */
final class EventWriter {
  static final byte[] APPROVE = ascii("\"OV_RESPONSE_APPROVE\"");
  static final byte[] UNANSWERED = ascii("\"OV_RESPONSE_ERROR\"");

  private final GenPopulation pop;
  private final SplittableRandom r;
  private final byte[] rid = new byte[27];
  private final byte[] dashboardScopes;
  private ByteSink s;
  private byte[] hourPrefix;
  private byte[] nextHourPrefix;
  private long hourStart;

  EventWriter(GenPopulation pop, SplittableRandom r) {
    this.pop = pop;
    this.r = r;
    String scopes = "\"openid, profile, email, okta.users.read.self, okta.enduser.dashboard.read\"";
    this.dashboardScopes = ascii(",\"grantType\":\"authorization_code\",\"grantedScopes\":" + scopes + ",\"requestedScopes\":"
        + scopes + ",\"redirectUri\":\"" + new String(pop.orgUrl) + "/enduser/callback\",\"responseMode\":\"query\","
        + "\"responseType\":\"code\",\"state\":\"");
  }

  void sink(ByteSink sink) {
    this.s = sink;
  }

  /** Sets the hour events are now written in: its start and the text of it and of the next hour. */
  void hour(byte[] prefix, byte[] nextPrefix, long start) {
    this.hourPrefix = prefix;
    this.nextHourPrefix = nextPrefix;
    this.hourStart = start;
  }

  // ---- the common envelope -------------------------------------------------------------------

  /** Writes from the actor to the open debugData (request id, endpoint, device hash, verdict). */
  private void begin(byte[] actor, Orig o, byte[] clientId, byte[] cred, byte[] session, Kind k, byte[] outcome,
      long ts, boolean warn, byte[] uri, boolean suspect) throws IOException {
    s.raw(P_ACTOR).raw(actor).raw(P_CLIENT).raw(o.clientPre()).raw(clientId == null ? NULL : clientId).raw(o.clientPost())
        .raw(P_DEVICE).raw(o.device()).raw(P_AUTH).raw(cred).raw(P_AUTH_ROOT);
    sessionValue(session);
    s.raw(P_AUTH_EXT);
    sessionValue(session);
    s.raw((byte) '}').raw(k.head()).raw(outcome).raw(P_PUBLISHED);
    time(ts, false);
    s.raw(P_SECURITY).raw(o.security()).raw(warn ? P_WARN : P_INFO);
    requestId();
    s.raw(P_DEBUG).raw(rid).raw(P_URI).raw(uri).raw(P_URL).raw(uri).raw(P_DTHASH).raw(o.dtHash())
        .raw(suspect ? P_SUSPECT : P_CLEAN);
  }

  /** Closes debugData and writes legacy type, transaction, uuid, version, request and the target key. */
  private void end(Kind k, byte[] uuid, Orig o) throws IOException {
    s.raw(P_LEGACY).raw(k.legacy()).raw(P_TX).raw(rid).raw(P_UUID).raw(uuid).raw(P_REQUEST).raw(o.request()).raw(P_TARGET);
  }

  private void sessionValue(byte[] session) throws IOException {
    if (session == null) {
      s.raw(NULL);
    } else {
      s.raw((byte) '"').raw(session).raw((byte) '"');
    }
  }

  private void requestId() {
    for (int i = 0; i < 22; i++) {
      rid[i] = ALPHABET[r.nextInt(62)];
    }
    rid[22] = 'A';
    rid[23] = 'A';
    rid[24] = (byte) ('A' + r.nextInt(8));
    rid[25] = ALPHABET[r.nextInt(62)];
    rid[26] = ALPHABET[r.nextInt(62)];
  }

  /** Writes {@code yyyy-MM-ddTHH:mm:ss.SSSZ}; {@code nextHour} for a time one hour later. */
  private void time(long ts, boolean nextHour) throws IOException {
    int ms = (int) (ts - hourStart);
    s.raw(nextHour ? nextHourPrefix : hourPrefix).digits(ms / 60_000, 2).raw((byte) ':').digits(ms / 1000 % 60, 2)
        .raw((byte) '.').digits(ms % 1000, 3).raw((byte) 'Z');
  }

  private void extra(byte[] key, byte[] value) throws IOException {
    s.raw(key).raw(value).raw((byte) '"');
  }

  private void authn() throws IOException {
    s.raw(P_AUTHN).alnum(r, 27).raw((byte) '"');
  }

  private void close() throws IOException {
    s.raw(P_CLOSE);
  }

  private void appUser(User u, GenApp app) throws IOException {
    s.raw(u.appUserPre()).raw(app.id(), 14, 6).raw(u.appUserPost());
  }

  // ---- everyday events ---------------------------------------------------------------------

  void policyEvaluation(User u, Orig o, byte[] session, long ts, byte[] uuid, GenApp app) throws IOException {
    begin(u.actor(), o, null, NULL, session, POLICY, ALLOW, ts, false, app.ssoUri(), false);
    s.raw(KNOWN).raw(KNOWN_LOG_ONLY);
    end(POLICY, uuid, o);
    s.raw((byte) '[').raw(app.plainTarget()).raw((byte) ',').raw(pop.accessPolicy).raw((byte) ']');
    close();
  }

  void sso(User u, Orig o, byte[] session, long ts, byte[] uuid, GenApp app) throws IOException {
    begin(u.actor(), o, null, NULL, session, SSO, OK, ts, false, app.ssoUri(), false);
    extra(P_SIGN_ON_MODE, app.signOnMode());
    s.raw(P_INITIATION);
    end(SSO, uuid, o);
    s.raw((byte) '[').raw(app.target()).raw((byte) ',');
    appUser(u, app);
    s.raw((byte) ']');
    close();
  }

  void tokenRefresh(User u, Orig phone, long ts, byte[] uuid, GenApp app) throws IOException {
    begin(app.clientActor(), phone, app.clientId(), NULL, null, TOKEN, OK, ts, false, U_OAUTH2_DEFAULT_V1_TOKEN, false);
    s.raw(P_REFRESH_GRANT).raw(u.id()).raw((byte) '"').raw(KNOWN).raw(P_REFRESH_ID).raw(u.id(), 3, 17).raw((byte) '"');
    end(TOKEN, uuid, phone);
    s.raw((byte) '[').raw(u.userTarget()).raw(P_ACCESS_TOKEN).alnum(r, 40).raw(P_ACCESS_TOKEN_DETAIL);
    time(ts, true);
    s.raw(P_SUBJECT).raw(u.id()).raw(P_ACCESS_TOKEN_END);
    close();
  }

  void sessionStart(User u, Orig o, byte[] session, long ts, byte[] uuid, boolean success) throws IOException {
    Kind k = success ? START_OK : START_FAIL;
    begin(u.actor(), o, pop.dashboardClientId, PASSWORD_CRED, session, k, success ? OK : BAD_PASSWORD, ts, false,
        U_IDP_IDX_IDENTIFY, false);
    authn();
    s.raw(P_FINGERPRINT).raw(o.fingerprint()).raw(P_ORIGIN).raw(pop.orgUrl).raw((byte) '"').raw(KNOWN_LOG_ONLY);
    if (o.okta() != null) {
      s.raw(o.okta());
    }
    if (!success) {
      s.raw(P_LOGIN_RESULT);
    }
    end(k, uuid, o);
    s.raw(P_PASSWORD_PRE).raw(u.passwordId()).raw(P_PASSWORD_POST).raw((byte) ',').raw(pop.dashboardTarget).raw((byte) ']');
    close();
  }

  void verify(User u, Orig o, long ts, byte[] uuid) throws IOException {
    begin(u.actor(), o, pop.dashboardClientId, PASSWORD_CRED, null, VERIFY, OK, ts, false, U_IDP_IDX_CHALLENGE_ANSWER, false);
    authn();
    end(VERIFY, uuid, o);
    s.raw((byte) '[').raw(u.userTarget()).raw((byte) ',').raw(P_PASSWORD_PRE, 1, P_PASSWORD_PRE.length - 1)
        .raw(u.passwordId()).raw(P_PASSWORD_POST).raw((byte) ']');
    close();
  }

  void dashboardCode(User u, Orig o, byte[] session, long ts, byte[] uuid) throws IOException {
    begin(pop.dashboardActor, o, pop.dashboardClientId, NULL, session, CODE, OK, ts, false, U_OAUTH2_V1_AUTHORIZE, false);
    authn();
    s.raw(dashboardScopes).alnum(r, 32).raw(P_USER_ID).raw(u.id()).raw((byte) '"').raw(KNOWN);
    end(CODE, uuid, o);
    s.raw((byte) '[').raw(u.userTarget()).raw(P_CODE).alnum(r, 43).raw(P_CODE_END);
    close();
  }

  void mfa(User u, Orig o, byte[] session, long ts, byte[] uuid, byte[] answer) throws IOException {
    boolean ok = answer == APPROVE;
    Kind k = ok ? MFA_OK : MFA_FAIL;
    begin(u.actor(), o, pop.dashboardClientId, OTP_CRED, ok ? session : null, k, ok ? OK : NO_ANSWER, ts, false,
        U_IDP_IDX_AUTHENTICATORS_POLL, false);
    authn();
    s.raw(P_PUSH_FACTOR).raw(answer);
    end(k, uuid, o);
    s.raw((byte) '[').raw(u.factorTarget()).raw((byte) ']');
    close();
  }

  void signOut(User u, Orig o, byte[] session, long ts, byte[] uuid) throws IOException {
    begin(u.actor(), o, null, NULL, session, END, OK, ts, false, U_LOGIN_SIGNOUT, false);
    s.raw(P_ENDED).raw(session).raw(P_TERMINATION);
    end(END, uuid, o);
    s.raw(NULL);
    close();
  }

  /** Rare administrative and self-service changes: the noise attack detections must ignore. */
  void change(User u, Orig o, byte[] session, long ts, byte[] uuid, int which) throws IOException {
    User admin = pop.users.get(0);
    switch (which) {
      case 0 -> factorChange(u, o, session, ts, uuid, ACTIVATE, false);
      case 1 -> {
        begin(admin.actor(), admin.office(), null, NULL, session, GROUP_ADD, OK, ts, false, U_API_V1_GROUPS, false);
        end(GROUP_ADD, uuid, admin.office());
        s.raw((byte) '[').raw(u.userTarget()).raw((byte) ',').raw(pop.groupTarget).raw((byte) ']');
        close();
      }
      case 2 -> {
        GenApp app = pop.apps.get(u.apps()[0]);
        begin(admin.actor(), admin.office(), null, NULL, session, APP_ADD, OK, ts, false, U_API_V1_APPS, false);
        end(APP_ADD, uuid, admin.office());
        s.raw((byte) '[');
        appUser(u, app);
        s.raw((byte) ',').raw(app.target()).raw((byte) ',').raw(u.userTarget()).raw((byte) ']');
        close();
      }
      case 3 -> password(u, o, session, ts, uuid, false);
      default -> factorChange(u, o, session, ts, uuid, DEACTIVATE, false);
    }
  }

  private void factorChange(User u, Orig o, byte[] session, long ts, byte[] uuid, Kind k, boolean attacker) throws IOException {
    boolean on = k == ACTIVATE;
    begin(u.actor(), o, null, NULL, session, k, on ? P_SET_UP : P_RESET, ts, false, U_IDP_MYACCOUNT_AUTHENTICATORS, attacker);
    s.raw(P_FACTOR_PUSH);
    end(k, uuid, o);
    s.raw((byte) '[').raw(u.userTarget()).raw((byte) ',');
    if (on) {
      s.raw(P_NEW_FACTOR).alnum(r, 14).raw(u.id(), 17, 3).raw(P_NEW_FACTOR_END);
    } else {
      s.raw(u.factorTarget());
    }
    s.raw((byte) ']');
    close();
  }

  private void password(User u, Orig o, byte[] session, long ts, byte[] uuid, boolean attacker) throws IOException {
    begin(u.actor(), o, null, PASSWORD_CRED, session, PASSWORD, OK, ts, false, U_IDP_MYACCOUNT_PASSWORD, attacker);
    end(PASSWORD, uuid, o);
    s.raw((byte) '[').raw(u.userTarget()).raw((byte) ']');
    close();
  }

  // ---- attack sequences --------------------------------------------------------------------

  /** Writes step {@code a.step} of an attack; returns false after the last step. */
  boolean attackStep(Generator.Attack a, long ts, byte[] uuid) throws IOException {
    User v = pop.users.get(a.victim);
    Orig o = pop.attackers.get(a.source);
    byte[] sid = a.session;
    switch (a.step++) {
      case 0 -> {
        byte[] ip = pop.attackerIps.get(a.source);
        byte[] actor = ascii("{\"id\":\"" + new String(ip) + "\",\"type\":\"IP address\",\"alternateId\":\"unknown\",\"displayName\":\""
            + new String(ip) + "\",\"detailEntry\":null}");
        begin(actor, o, null, NULL, null, THREAT, THREAT_OUTCOME, ts, true, U_IDP_IDX_IDENTIFY, true);
        s.raw(P_DETECTIONS);
        end(THREAT, uuid, o);
        s.raw(NULL);
        close();
      }
      case 1 -> {
        begin(v.actor(), o, pop.dashboardClientId, NULL, null, POLICY, ALLOW, ts, false, U_IDP_IDX_IDENTIFY, true);
        s.raw(NEW).raw(NEW_LOG_ONLY);
        end(POLICY, uuid, o);
        s.raw((byte) '[').raw(pop.globalPolicyRemote).raw((byte) ']');
        close();
      }
      case 2 -> {
        begin(v.actor(), o, pop.dashboardClientId, OTP_CRED, sid, MFA_OK, OK, ts, false, U_IDP_IDX_AUTHENTICATORS_POLL, true);
        authn();
        s.raw(P_PUSH_FACTOR).raw(APPROVE);
        end(MFA_OK, uuid, o);
        s.raw((byte) '[').raw(v.factorTarget()).raw((byte) ']');
        close();
      }
      case 3 -> {
        begin(v.actor(), o, pop.dashboardClientId, PASSWORD_CRED, sid, START_OK, OK, ts, false, U_IDP_IDX_IDENTIFY, true);
        authn();
        s.raw(P_FINGERPRINT).raw(o.fingerprint()).raw(P_ORIGIN).raw(pop.orgUrl).raw((byte) '"').raw(NEW_LOG_ONLY);
        end(START_OK, uuid, o);
        s.raw(P_PASSWORD_PRE).raw(v.passwordId()).raw(P_PASSWORD_POST).raw((byte) ',').raw(pop.dashboardTarget).raw((byte) ']');
        close();
      }
      case 4 -> factorChange(v, o, sid, ts, uuid, ACTIVATE, true);
      case 5 -> factorChange(v, o, sid, ts, uuid, DEACTIVATE, true);
      case 6 -> {
        begin(v.actor(), o, null, NULL, sid, API_TOKEN, OK, ts, false, U_API_INTERNAL_TOKENS, true);
        s.raw(P_ANYWHERE);
        end(API_TOKEN, uuid, o);
        s.raw(P_TOKEN).alnum(r, 14).raw(v.id(), 17, 3).raw(P_TOKEN_END);
        close();
      }
      case 7 -> {
        GenApp app = pop.apps.get(pop.apps.size() - 1);
        begin(v.actor(), o, app.clientId(), NULL, sid, CONSENT, OK, ts, false, U_OAUTH2_DEFAULT_V1_AUTHORIZE, true);
        s.raw(P_SCOPE);
        end(CONSENT, uuid, o);
        s.raw((byte) '[').raw(v.userTarget()).raw((byte) ',').raw(app.target()).raw((byte) ']');
        close();
      }
      case 8 -> password(v, o, sid, ts, uuid, true);
      default -> {
        GenApp app = pop.apps.get(v.apps()[(a.step - 10) % v.apps().length]);
        begin(v.actor(), o, null, NULL, sid, SSO, OK, ts, false, app.ssoUri(), true);
        extra(P_SIGN_ON_MODE, app.signOnMode());
        s.raw(P_INITIATION);
        end(SSO, uuid, o);
        s.raw((byte) '[').raw(app.target()).raw((byte) ',');
        appUser(v, app);
        s.raw((byte) ']');
        close();
      }
    }
    return a.step < 12;
  }
}
