package dev.oktair.store;

import dev.oktair.sim.SimEvent;
import dev.oktair.sim.SimEvent.Place;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A fast, deterministic generator of realistic System Log traffic for the load benchmark, used
 * while the scenario generator is not available: many users signing in (policy evaluation,
 * verify, MFA, session start), SSO into their apps, sign-outs, failed sign-ins, ThreatInsight
 * detections and admin changes, every event built by {@link SimEvent} as Okta serialises it.
 */
final class BenchEvents {
  private static final String[][] AGENTS = {
    {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", "Windows 10", "CHROME", "Computer"},
    {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", "Mac OS X", "CHROME", "Computer"},
    {"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Mac OS X", "SAFARI", "Computer"},
    {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87", "Windows 10", "EDGE_CHROMIUM", "Computer"},
    {"Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0", "Linux", "FIREFOX", "Computer"},
    {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "iOS", "MOBILE_SAFARI", "Mobile"},
    {"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.122 Mobile Safari/537.36", "Android", "CHROME", "Mobile"},
    {"Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17726; Pro)", "Windows 10", "UNKNOWN", "Computer"},
  };
  private static final Place[] PLACES = {
    new Place("New York", "New York", "United States", "10013", 40.7157, -74.0),
    new Place("San Francisco", "California", "United States", "94107", 37.77, -122.39),
    new Place("Austin", "Texas", "United States", "78701", 30.27, -97.74),
    new Place("Chicago", "Illinois", "United States", "60601", 41.88, -87.62),
    new Place("London", "England", "United Kingdom", "EC1A", 51.51, -0.09),
    new Place("Paris", "Ile-de-France", "France", "75001", 48.86, 2.35),
    new Place("Berlin", "Land Berlin", "Germany", "10115", 52.52, 13.4),
    new Place("Toronto", "Ontario", "Canada", "M5H", 43.65, -79.38),
  };
  private static final Object[][] NETWORKS = {
    {7922L, "comcast", "Comcast Cable Communications, LLC", "comcast.net"},
    {701L, "verizon", "Verizon Business", "verizon.net"},
    {7018L, "at&t", "AT&T Services, Inc.", "att.net"},
    {2856L, "british telecommunications plc", "BT Public Internet Service", "bt.net"},
    {3215L, "orange", "Orange S.A.", "orange.fr"},
    {3320L, "deutsche telekom ag", "Deutsche Telekom AG", "telekom.de"},
    {812L, "rogers communications canada inc.", "Rogers Communications", "rogers.com"},
  };
  private static final Object[][] HOSTILE = {
    {14061L, "digitalocean llc", "DigitalOcean, LLC", null},
    {16509L, "amazon.com, inc.", "Amazon.com, Inc.", "amazonaws.com"},
    {9009L, "m247 europe srl", "M247 Europe SRL", null},
  };
  private static final String[] APPS = {
    "Microsoft Office 365", "Salesforce.com", "Slack", "GitHub Enterprise Cloud", "AWS IAM Identity Center",
    "Google Workspace", "Zoom", "Atlassian Cloud", "Workday", "ServiceNow", "Box", "DocuSign", "Okta Dashboard",
    "Okta Admin Console", "Tableau Cloud", "Zendesk",
  };

  private final SplittableRandom rnd;
  private final Instant start;
  private final long spanMillis;
  private final List<User> users = new ArrayList<>();
  private final HexFormat hex = HexFormat.of();

  private record User(String id, String login, String name, String ip, String[] agent, Place place, Object[] net,
      String deviceId, List<Integer> apps) {}

  BenchEvents(long seed, Instant anchor, int userCount) {
    this.rnd = new SplittableRandom(seed);
    this.start = anchor.minus(Duration.ofDays(90));
    this.spanMillis = Duration.ofDays(90).toMillis();
    for (int i = 0; i < userCount; i++) {
      List<Integer> apps = new ArrayList<>();
      for (int a = 0; a < APPS.length; a++) {
        if (rnd.nextInt(3) == 0 || a == 12) {
          apps.add(a);
        }
      }
      users.add(new User("00u" + id(17), "user" + i + "@contoso.com", "User " + i, ip(), AGENTS[rnd.nextInt(AGENTS.length)],
          PLACES[rnd.nextInt(PLACES.length)], NETWORKS[rnd.nextInt(NETWORKS.length)], "guo" + id(17), apps));
    }
  }

  /** Writes about {@code count} events (whole sign-in flows) as JSONL. */
  void write(long count, OutputStream out) throws IOException {
    long written = 0;
    while (written < count) {
      List<SimEvent> flow = flow();
      for (SimEvent e : flow) {
        if (written++ >= count) {
          break;
        }
        e.build().writeRaw(out);
        out.write('\n');
      }
    }
  }

  private List<SimEvent> flow() {
    Instant t = start.plusMillis(rnd.nextLong(spanMillis));
    int kind = rnd.nextInt(100);
    if (kind < 3) {
      return List.of(threat(t));
    }
    if (kind < 10) {
      return List.of(failedLogin(t, users.get(rnd.nextInt(users.size()))));
    }
    if (kind < 13) {
      return List.of(admin(t, users.get(rnd.nextInt(users.size())), users.get(rnd.nextInt(users.size()))));
    }
    return signIn(t, users.get(rnd.nextInt(users.size())));
  }

  private List<SimEvent> signIn(Instant t, User u) {
    String session = "idx" + id(22);
    String authn = id(20);
    List<SimEvent> out = new ArrayList<>();
    out.add(base(t, "policy.evaluate_sign_on", u, null).displayMessage("Evaluation of sign-on policy")
        .result("ALLOW", "Sign-on policy evaluation resulted in ALLOW").debug("authnRequestId", authn)
        .target("00p" + id(17), "PolicyEntity", "unknown", "Default Policy")
        .target("0pr" + id(17), "PolicyRule", "unknown", "Catch-all Rule"));
    out.add(base(t.plusMillis(400), "user.authentication.verify", u, null).displayMessage("Verify user identity")
        .credentialType("PASSWORD").debug("authnRequestId", authn)
        .target("lae" + id(17), "AuthenticatorEnrollment", "unknown", "Password", Map.of("methodTypeUsed", "Password")));
    out.add(base(t.plusMillis(5200), "user.authentication.auth_via_mfa", u, session).displayMessage("Authentication of user via MFA")
        .debug("factor", "OKTA_VERIFY_PUSH").debug("pushOnlyResponseType", "OV_RESPONSE_APPROVE")
        .target("pfd" + id(17), "AuthenticatorEnrollment", "unknown", "Okta Verify", Map.of("methodTypeUsed", "Okta Verify Push")));
    out.add(base(t.plusMillis(5600), "user.session.start", u, session).displayMessage("User login to Okta")
        .legacyEventType("core.user_auth.login_success").debug("authnRequestId", authn));
    long at = 6000;
    int ssos = 1 + rnd.nextInt(5);
    for (int i = 0; i < ssos; i++) {
      at += rnd.nextInt(600_000);
      int app = u.apps().get(rnd.nextInt(u.apps().size()));
      out.add(base(t.plusMillis(at), "user.authentication.sso", u, session).displayMessage("User single sign on to app")
          .legacyEventType("app.auth.sso").debug("signOnMode", "SAML 2.0").debug("initiationType", "IDP_INITIATED")
          .target("0oa" + Integer.toString(1000 + app), "AppInstance", APPS[app].toLowerCase().replace(' ', '_'), APPS[app],
              Map.of("signOnModeType", "SAML_2_0"))
          .target(u.id(), "AppUser", u.login(), u.name()));
    }
    if (rnd.nextInt(4) == 0) {
      out.add(base(t.plusMillis(at + 3_600_000), "user.session.end", u, session).displayMessage("User logout from Okta")
          .legacyEventType("core.user_auth.logout_success").debug("terminationReason", "User requested"));
    }
    return out;
  }

  private SimEvent failedLogin(Instant t, User u) {
    return base(t, "user.session.start", u, null).displayMessage("User login to Okta").result("FAILURE", "INVALID_CREDENTIALS")
        .legacyEventType("core.user_auth.login_failed");
  }

  private SimEvent admin(Instant t, User actor, User target) {
    String[] types = {"user.account.update_profile", "group.user_membership.add", "user.mfa.factor.activate", "application.user_membership.add"};
    String type = types[rnd.nextInt(types.length)];
    return base(t, type, actor, "idx" + id(22)).displayMessage("Admin change: " + type)
        .target(target.id(), "User", target.login(), target.name());
  }

  private SimEvent threat(Instant t) {
    String ip = ip();
    Object[] net = HOSTILE[rnd.nextInt(HOSTILE.length)];
    return SimEvent.of(UUID.nameUUIDFromBytes(id(24).getBytes()).toString(), t, "security.threat.detected")
        .displayMessage("Request from suspicious actor").severity("WARN")
        .actor(ip, "IP address", "unknown", ip)
        .client(ip, "python-requests/2.31.0", "Unknown", "UNKNOWN", "Unknown", PLACES[rnd.nextInt(PLACES.length)])
        .network((Long) net[0], (String) net[1], (String) net[2], (String) net[3], rnd.nextInt(4) == 0)
        .result("DENY", "Password Spray, Login failures with high unknown users count")
        .debug("threatSuspected", "true")
        .debug("threatDetections", "{\"Password Spray\":\"HIGH\",\"Login Failures\":\"MEDIUM\"}")
        .debug("requestUri", "/idp/idx/identify").debug("url", "/idp/idx/identify?")
        .transaction("WEB", id(27));
  }

  private SimEvent base(Instant t, String type, User u, String session) {
    SimEvent e = SimEvent.of(UUID.nameUUIDFromBytes(id(24).getBytes()).toString(), t, type)
        .actor(u.id(), "User", u.login(), u.name())
        .client(u.ip(), u.agent()[0], u.agent()[1], u.agent()[2], u.agent()[3], u.place())
        .network((Long) u.net()[0], (String) u.net()[1], (String) u.net()[2], (String) u.net()[3], false)
        .transaction("WEB", id(27))
        .debug("requestUri", "/idp/idx/authenticators/poll").debug("url", "/idp/idx/authenticators/poll?")
        .debug("threatSuspected", "false")
        .debug("dtHash", hex.formatHex(bytes(32)))
        .debug("deviceFingerprint", hex.formatHex(bytes(16)))
        .debug("behaviors", "{New Geo-Location=NEGATIVE, New Device=NEGATIVE, New IP=NEGATIVE, New State=NEGATIVE, New Country=NEGATIVE, Velocity=NEGATIVE, New City=NEGATIVE}")
        .debug("risk", "{level=LOW}")
        .debug("logOnlySecurityData", "{\"risk\":{\"level\":\"LOW\"},\"behaviors\":{\"New Geo-Location\":\"NEGATIVE\",\"New Device\":\"NEGATIVE\",\"New IP\":\"NEGATIVE\",\"New State\":\"NEGATIVE\",\"New Country\":\"NEGATIVE\",\"Velocity\":\"NEGATIVE\",\"New City\":\"NEGATIVE\"}}")
        .session(session, session);
    if (u.agent()[3].equals("Computer") && rnd.nextBoolean()) {
      e.device(u.deviceId(), "MacBookPro18,1", "OSX", "14.5.0", true);
    }
    return e;
  }

  private String ip() {
    return (11 + rnd.nextInt(200)) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254));
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  private String id(int n) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = alphabet.charAt(rnd.nextInt(alphabet.length()));
    }
    return new String(c);
  }
}
