package dev.oktair.sim.scenario;

import dev.oktair.events.LogEvent;
import dev.oktair.sim.TenantSeed;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** One shared materialisation of contoso-aitm (the engine is deterministic) and lookups for tests. */
final class ScenarioFixture {
  static final Instant ANCHOR = Instant.parse("2025-06-14T15:27:31Z");
  static final long SEED = 42;
  /** Every top-level key of a System Log event as the real API sends it. */
  static final Set<String> TOP_LEVEL_KEYS = Set.of(
      "actor", "client", "device", "authenticationContext", "displayMessage", "eventType", "outcome",
      "published", "securityContext", "severity", "debugContext", "legacyEventType", "transaction",
      "uuid", "version", "request", "target");

  private static TenantSeed seed;

  private ScenarioFixture() {}

  static synchronized TenantSeed seed() {
    if (seed == null) {
      seed = Scenarios.load(Scenarios.DEFAULT, SEED, ANCHOR);
    }
    return seed;
  }

  static List<LogEvent> events(Predicate<LogEvent> p) {
    return seed().events().stream().filter(p).collect(Collectors.toList());
  }

  static Predicate<LogEvent> type(String eventType) {
    return e -> eventType.equals(e.eventType());
  }

  static Predicate<LogEvent> fromAttacker() {
    return e -> e.client().ipAddress() != null && seed().story().attackerIps().contains(e.client().ipAddress());
  }

  static Predicate<LogEvent> actor(String login) {
    return e -> login.equals(e.actor().alternateId());
  }

  static JsonNode user(String login) {
    return seed().users().stream().filter(u -> login.equals(u.path("profile").path("login").asString()))
        .findFirst().orElseThrow();
  }

  static String userId(String login) {
    return user(login).path("id").asString();
  }

  static JsonNode app(String label) {
    return seed().apps().stream().filter(a -> label.equals(a.path("label").asString())).findFirst().orElseThrow();
  }

  static boolean hasTarget(LogEvent e, String id) {
    return e.targets().stream().anyMatch(t -> id.equals(t.id()));
  }
}
