package dev.oktair.bench;

import dev.oktair.sim.SimEvent;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a large JSONL file of realistic System Log events for the reader benchmark: every
 * top-level key as Okta serialises it ({@link SimEvent}), a mix of event types close to a busy
 * tenant's (about 15% {@code user.session.start}), thousands of users, spread over 90 days in
 * time order. Deterministic for a seed.
 */
final class BenchEvents {
  /** Event types and their share in permille; user.session.start is 150. */
  private static final String[][] MIX = {
    {"user.session.start", "150", "User login to Okta"},
    {"user.authentication.sso", "250", "User single sign on to app"},
    {"policy.evaluate_sign_on", "150", "Evaluation of sign-on policy"},
    {"user.authentication.auth_via_mfa", "100", "Authentication of user via MFA"},
    {"app.oauth2.token.grant.access_token", "100", "OAuth2 access token is granted"},
    {"system.push.send_factor_verify_push", "70", "A push notification was sent"},
    {"user.authentication.verify", "60", "Verify user identity"},
    {"user.session.end", "50", "User logout from Okta"},
    {"user.account.update_profile", "30", "Update user profile for Okta"},
    {"group.user_membership.add", "20", "Add user to group membership"},
    {"user.mfa.okta_verify.deny_push", "20", "User rejected Okta push verify"},
  };
  private static final String[] AGENTS = {
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "OktaVerify/9.12.0 (Android 14; Pixel 8)",
  };
  private static final String[][] CLIENT = {
    {"Mac OS X", "CHROME", "Computer"}, {"Windows 10", "EDGE_CHROMIUM", "Computer"},
    {"iOS", "SAFARI", "Mobile"}, {"Android", "UNKNOWN", "Mobile"},
  };
  private static final SimEvent.Place[] PLACES = {
    new SimEvent.Place("Oslo", "Oslo", "Norway", "0150", 59.91, 10.75),
    new SimEvent.Place("Seattle", "Washington", "United States", "98101", 47.61, -122.33),
    new SimEvent.Place("London", "England", "United Kingdom", "EC1A", 51.51, -0.13),
    new SimEvent.Place("Frankfurt am Main", "Hesse", "Germany", "60311", 50.11, 8.68),
    new SimEvent.Place("Singapore", null, "Singapore", null, 1.29, 103.85),
  };
  private static final String[] APPS = {"Microsoft Office 365", "Salesforce.com", "Slack", "GitHub Enterprise Cloud", "AWS IAM Identity Center"};

  private BenchEvents() {}

  /** Writes events to {@code file} until it holds at least {@code targetBytes}; returns the event count. */
  static long generate(Path file, long targetBytes, long seed) throws IOException {
    Random random = new Random(seed);
    Instant end = Instant.parse("2026-11-28T00:00:00Z");
    Instant start = end.minus(Duration.ofDays(90));
    long perEvent = 1_500; // rough size, to spread the times over the window
    long total = targetBytes / perEvent;
    long written = 0;
    long events = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      while (written < targetBytes) {
        Instant at = start.plusMillis(Math.min(events, total) * Duration.ofDays(90).toMillis() / total
            + random.nextInt(1000));
        byte[] raw = one(random, at).raw();
        out.write(raw);
        out.write('\n');
        written += raw.length + 1;
        events++;
      }
    }
    return events;
  }

  private static dev.oktair.events.LogEvent one(Random r, Instant at) {
    String[] type = pick(r);
    int user = r.nextInt(5000);
    int device = r.nextInt(CLIENT.length);
    String ip = String.format(Locale.ROOT, "%d.%d.%d.%d", 20 + r.nextInt(180), r.nextInt(256), r.nextInt(256), 1 + r.nextInt(254));
    String uuid = new java.util.UUID(r.nextLong(), r.nextLong()).toString();
    String session = "102" + Long.toHexString(r.nextLong());
    SimEvent e = SimEvent.of(uuid, at, type[0])
        .displayMessage(type[2])
        .legacyEventType(type[0].startsWith("user.session.start") ? "core.user_auth.login_success" : null)
        .actor(String.format(Locale.ROOT, "00u%017d", user), "User",
            String.format(Locale.ROOT, "user%d@contoso.example", user), "User " + user)
        .client(ip, AGENTS[device], CLIENT[device][0], CLIENT[device][1], CLIENT[device][2], PLACES[user % PLACES.length])
        .session(session, null)
        .credentialType(r.nextInt(4) == 0 ? "PASSWORD" : null)
        .network(7018L + user % 40, "AT&T Services, Inc.", "AT&T", "att.net", Boolean.FALSE)
        .result(r.nextInt(20) == 0 ? "FAILURE" : "SUCCESS", r.nextInt(20) == 0 ? "INVALID_CREDENTIALS" : null)
        .transaction("WEB", Long.toHexString(r.nextLong()))
        .debug("requestUri", "/idp/idx/identify")
        .debug("threatSuspected", "false")
        .debug("deviceFingerprint", Long.toHexString(r.nextLong()))
        .debug("url", "/idp/idx/identify?");
    if (type[0].startsWith("user.authentication.sso") || type[0].startsWith("app.")) {
      String app = APPS[r.nextInt(APPS.length)];
      e.target("0oa" + Math.abs(app.hashCode()), "AppInstance", app, app);
    }
    if (type[0].startsWith("group.")) {
      e.target("00g" + r.nextInt(100), "UserGroup", "Engineering", "Engineering");
    }
    return e.build();
  }

  private static String[] pick(Random r) {
    int n = r.nextInt(1000);
    for (String[] t : MIX) {
      n -= Integer.parseInt(t[1]);
      if (n < 0) {
        return t;
      }
    }
    return MIX[0];
  }
}
