package dev.oktair.sim;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small tenant for simulator tests: an admin (alice, SUPER_ADMIN), a victim (bob) with factors,
 * grants, refresh tokens and app assignments, a suspended user (carol), apps, a rogue API token,
 * policies, and {@code eventCount} System Log events spread over the last 30 days.
 */
final class TestTenant {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final String ALICE = "00ualice000000000001";
  static final String BOB = "00ubob00000000000002";
  static final String CAROL = "00ucarol000000000003";
  static final String O365 = "0oaoffice36500000001";
  static final String SALESFORCE = "0oasalesforce0000002";
  static final String CLIENT = "0oaclientrogue000003";
  static final String GROUP = "00gengineering000001";

  private TestTenant() {}

  static TenantSeed seed(int eventCount) {
    return seed(events(eventCount, NOW.minus(Duration.ofDays(30)), NOW));
  }

  static TenantSeed seed(List<LogEvent> events) {
    String t = "2026-01-01T00:00:00.000Z";
    Map<String, List<JsonNode>> factors = Map.of(BOB, List.of(
        factor("mfa_sms_bob_000000001", "sms", "OKTA", "+1 555-0100"),
        factor("opf_push_bob_00000001", "push", "OKTA", null),
        factor("mfa_totp_bob_00000001", "token:software:totp", "OKTA", null),
        factor("fwf_webauthn_bob_0001", "webauthn", "FIDO", null)));
    return new TenantSeed(
        NOW,
        List.of(user(ALICE, "alice@contoso.com", "Alice", "Admin", "ACTIVE"),
            user(BOB, "bob@contoso.com", "Bob", "Victim", "ACTIVE"),
            user(CAROL, "carol@contoso.com", "Carol", "Gone", "SUSPENDED")),
        List.of(obj("{\"id\":\"" + GROUP + "\",\"type\":\"OKTA_GROUP\",\"profile\":{\"name\":\"Engineering\"}}")),
        Map.of(GROUP, List.of(BOB)),
        List.of(app(O365, "office365", "Microsoft Office 365"), app(SALESFORCE, "salesforce", "Salesforce.com")),
        Map.of(O365, List.of(appUser(BOB, "USER", "2026-02-27T10:00:00.000Z"), appUser(ALICE, "GROUP", t)),
            SALESFORCE, List.of(appUser(BOB, "GROUP", t))),
        factors,
        Map.of(ALICE, List.of(obj("{\"id\":\"ra1superadmin0000001\",\"type\":\"SUPER_ADMIN\",\"label\":\"Super Administrator\","
                + "\"status\":\"ACTIVE\",\"assignmentType\":\"USER\",\"created\":\"" + t + "\",\"lastUpdated\":\"" + t + "\"}")),
            BOB, List.of(obj("{\"id\":\"ra1appadmin000000002\",\"type\":\"APP_ADMIN\",\"label\":\"Application Administrator\","
                + "\"status\":\"ACTIVE\",\"assignmentType\":\"USER\",\"created\":\"" + t + "\",\"lastUpdated\":\"" + t + "\"}"))),
        Map.of(BOB, List.of(grant("oag1grant00000000001", "okta.users.read"), grant("oag2grant00000000002", "offline_access"))),
        List.of(obj("{\"client_id\":\"" + CLIENT + "\",\"client_name\":\"Mail Helper\",\"client_uri\":null,\"logo_uri\":null}")),
        Map.of(BOB, List.of(refreshToken("oar1token00000000001"), refreshToken("oar2token00000000002"))),
        List.of(obj("{\"id\":\"00Trogue000000000001\",\"name\":\"backup\",\"userId\":\"" + BOB + "\",\"clientName\":\"Okta API\","
            + "\"created\":\"2026-02-27T11:00:00.000Z\",\"tokenWindow\":\"P30D\",\"network\":{\"connection\":\"ANYWHERE\"}}")),
        obj("{\"action\":\"block\",\"excludeZones\":[],\"created\":\"" + t + "\",\"lastUpdated\":\"" + t + "\"}"),
        List.of(obj("{\"id\":\"00pglobalsession0001\",\"type\":\"OKTA_SIGN_ON\",\"name\":\"Default Policy\",\"status\":\"ACTIVE\"}"),
            obj("{\"id\":\"rstaccess00000000001\",\"type\":\"ACCESS_POLICY\",\"name\":\"Office 365\",\"status\":\"ACTIVE\"}")),
        Map.of("00pglobalsession0001", List.of(obj("{\"id\":\"0prdefault0000000001\",\"name\":\"Default Rule\",\"actions\":{\"signon\":{\"access\":\"ALLOW\"}}}"))),
        events,
        new TenantSeed.Story("test", "bob@contoso.com", List.of(), NOW.minus(Duration.ofDays(2)), List.of("203.0.113.9"),
            List.of("198.51.100.7"), List.of(9009L), List.of(), List.of("00Trogue000000000001"), List.of()));
  }

  /** Returns {@code n} sign-in events evenly spread over [from, to), several sharing each millisecond. */
  static List<LogEvent> events(int n, Instant from, Instant to) {
    List<LogEvent> out = new ArrayList<>(n);
    long span = Duration.between(from, to).toMillis();
    for (int i = 0; i < n; i++) {
      Instant at = from.plusMillis(span * (i / 3 * 3) / Math.max(1, n));
      out.add(event(String.format("e%07d-0000-4000-8000-000000000000", i), at, i % 2 == 0 ? "user.session.start" : "user.authentication.sso", i % 5 == 0 ? BOB : ALICE));
    }
    return out;
  }

  static LogEvent event(String uuid, Instant at, String type, String actorId) {
    return SimEvent.of(uuid, at, type)
        .displayMessage("User login to Okta")
        .actor(actorId, "User", actorId.equals(BOB) ? "bob@contoso.com" : "alice@contoso.com", "Someone")
        .client("198.51.100.7", "Mozilla/5.0", "Mac OS X", "CHROME", "Computer",
            new SimEvent.Place("Seattle", "Washington", "United States", "98101", 47.6, -122.3))
        .network(7922L, "comcast", "comcast", "comcast.net", false)
        .transaction("WEB", "tx" + uuid)
        .build();
  }

  static ObjectNode obj(String json) {
    return (ObjectNode) Json.MAPPER.readTree(json);
  }

  private static ObjectNode user(String id, String login, String first, String last, String status) {
    return obj("{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"created\":\"2025-01-01T00:00:00.000Z\","
        + "\"activated\":\"2025-01-01T00:00:00.000Z\",\"statusChanged\":\"2025-01-01T00:00:00.000Z\","
        + "\"lastLogin\":\"2026-02-28T09:00:00.000Z\",\"lastUpdated\":\"2025-01-01T00:00:00.000Z\","
        + "\"passwordChanged\":null,\"profile\":{\"login\":\"" + login + "\",\"email\":\"" + login + "\","
        + "\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\"}}");
  }

  private static ObjectNode app(String id, String name, String label) {
    return obj("{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"label\":\"" + label + "\",\"status\":\"ACTIVE\","
        + "\"signOnMode\":\"SAML_2_0\",\"created\":\"2025-01-01T00:00:00.000Z\"}");
  }

  private static ObjectNode appUser(String userId, String scope, String created) {
    ObjectNode au = obj("{\"id\":\"" + userId + "\",\"scope\":\"" + scope + "\",\"status\":\"ACTIVE\","
        + "\"created\":\"" + created + "\",\"lastUpdated\":\"" + created + "\",\"_links\":{}}");
    if (scope.equals("GROUP")) {
      ((ObjectNode) au.get("_links")).putObject("group").put("href", "https://x/api/v1/groups/" + GROUP);
    }
    return au;
  }

  private static ObjectNode factor(String id, String type, String provider, String phone) {
    ObjectNode f = obj("{\"id\":\"" + id + "\",\"factorType\":\"" + type + "\",\"provider\":\"" + provider + "\","
        + "\"vendorName\":\"" + provider + "\",\"status\":\"ACTIVE\",\"created\":\"2025-06-01T00:00:00.000Z\","
        + "\"lastUpdated\":\"2025-06-01T00:00:00.000Z\",\"profile\":{}}");
    if (phone != null) {
      ((ObjectNode) f.get("profile")).put("phoneNumber", phone);
    }
    return f;
  }

  private static ObjectNode grant(String id, String scope) {
    return obj("{\"id\":\"" + id + "\",\"clientId\":\"" + CLIENT + "\",\"userId\":\"" + BOB + "\",\"scopeId\":\"" + scope + "\","
        + "\"issuer\":\"https://contoso.okta.com\",\"source\":\"END_USER\",\"status\":\"ACTIVE\","
        + "\"created\":\"2026-02-27T10:30:00.000Z\",\"lastUpdated\":\"2026-02-27T10:30:00.000Z\"}");
  }

  private static ObjectNode refreshToken(String id) {
    return obj("{\"id\":\"" + id + "\",\"clientId\":\"" + CLIENT + "\",\"userId\":\"" + BOB + "\","
        + "\"issuer\":\"https://contoso.okta.com\",\"scopes\":[\"offline_access\",\"openid\"],\"status\":\"ACTIVE\","
        + "\"created\":\"2026-02-27T10:30:00.000Z\",\"lastUpdated\":\"2026-02-27T10:30:00.000Z\","
        + "\"expiresAt\":\"2026-05-27T10:30:00.000Z\"}");
  }
}
