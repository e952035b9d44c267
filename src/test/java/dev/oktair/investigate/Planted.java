package dev.oktair.investigate;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import dev.oktair.sim.TenantSeed;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hunt test data on a scenario: the attacker's own equipment (a device id and user agent they
 * used from one of their addresses), and a bystander's sign-in that shares only that equipment
 * (the bystander's own address, a session of its own), which only a hunt by equipment collects.
 */
public final class Planted {
  private Planted() {}

  /** Returns a successful sign-in of the story's victim from one of the attacker's addresses, with a user agent. */
  public static LogEvent attackerEvent(TenantSeed seed) {
    TenantSeed.Story story = seed.story();
    return seed.events().stream()
        .filter(e -> e.client().ipAddress() != null && story.attackerIps().contains(e.client().ipAddress())
            && e.eventType().equals("user.authentication.sso") && "SUCCESS".equals(e.outcome().result())
            && e.text("client.userAgent.rawUserAgent") != null)
        .findFirst().orElseThrow(() -> new AssertionError("the scenario's attacker never signed in"));
  }

  /** Returns a login of the seed that the story leaves untouched and that signed in on a baseline day. */
  public static LogEvent bystanderSignIn(TenantSeed seed) {
    TenantSeed.Story story = seed.story();
    Set<String> touched = new java.util.HashSet<>(story.otherVictimLogins());
    touched.add(story.victimLogin());
    return seed.events().stream()
        .filter(e -> e.eventType().equals("user.session.start") && "SUCCESS".equals(e.outcome().result())
            && e.actor().alternateId() != null && !touched.contains(e.actor().alternateId().toLowerCase())
            && e.client().ipAddress() != null && !story.attackerIps().contains(e.client().ipAddress()))
        .findFirst().orElseThrow();
  }

  /**
   * Returns {@code template} (a bystander's sign-in) again at {@code at} in a new session, with
   * {@code deviceId} and {@code userAgent} (either may be null: kept as it was).
   */
  public static LogEvent reuse(LogEvent template, Instant at, String deviceId, String userAgent) {
    ObjectNode json = (ObjectNode) Json.MAPPER.readTree(new String(template.raw(), java.nio.charset.StandardCharsets.UTF_8));
    json.put("uuid", UUID.nameUUIDFromBytes((template.uuid() + at + deviceId + userAgent).getBytes()).toString());
    json.put("published", dev.oktair.okta.LogQuery.format(at));
    ((ObjectNode) json.get("authenticationContext")).put("externalSessionId", "idxPlanted" + Math.abs(at.hashCode()));
    if (deviceId != null) {
      ObjectNode device = json.has("device") && json.get("device").isObject() ? (ObjectNode) json.get("device") : json.putObject("device");
      device.put("id", deviceId);
    }
    if (userAgent != null) {
      ((ObjectNode) json.get("client").get("userAgent")).put("rawUserAgent", userAgent);
    }
    return LogEvent.parse(json.toString());
  }

  /** Returns the bystander's sign-in of {@code template}, at two times, as a list. */
  public static List<LogEvent> twice(LogEvent template, Instant at, String deviceId, String userAgent) {
    return List.of(reuse(template, at, deviceId, userAgent), reuse(template, at.plusSeconds(600), deviceId, userAgent));
  }
}
