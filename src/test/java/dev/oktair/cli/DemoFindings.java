package dev.oktair.cli;

import dev.oktair.detect.Citation;
import dev.oktair.detect.Finding;
import dev.oktair.detect.FindingsFile;
import dev.oktair.detect.Severity;
import dev.oktair.events.LogEvent;
import dev.oktair.sim.TenantSeed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings for a simulated scenario, taken from its ground truth (the story), each citing the
 * scenario's own events: what the demo contains until the detections write findings.json
 * themselves. Never used against a live org.
 */
final class DemoFindings {
  private DemoFindings() {}

  /** Returns findings.json content for {@code seed}: window from the attack's start, open-ended. */
  static FindingsFile.Contents of(TenantSeed seed) {
    TenantSeed.Story story = seed.story();
    List<Finding> out = new ArrayList<>();
    String victim = userId(seed, story.victimLogin());
    int n = 0;
    for (String ip : story.attackerIps()) {
      out.add(finding("F-demo-ip" + (++n), "attacker-infrastructure", Severity.HIGH, story.victimLogin(),
          "Sign-ins through the attacker's address " + ip, cite(seed, "client.ipAddress", ip),
          Map.of("userId", victim, "ip", ip, "attacker", "true")));
    }
    n = 0;
    for (String factorId : story.rogueFactorIds()) {
      out.add(finding("F-demo-factor" + (++n), "rogue-factor", Severity.HIGH, story.victimLogin(),
          "A factor enrolled from the attacker's session", cite(seed, "target.id", factorId),
          Map.of("userId", victim, "factorId", factorId, "attacker", "true")));
    }
    for (String tokenId : story.rogueApiTokenIds()) {
      out.add(finding("F-demo-token", "api-token-created", Severity.CRITICAL, story.victimLogin(),
          "An API token minted from the attacker's session", cite(seed, "target.id", tokenId),
          Map.of("userId", victim, "tokenId", tokenId, "attacker", "true")));
    }
    n = 0;
    for (String other : story.otherVictimLogins()) {
      out.add(finding("F-demo-victim" + (++n), "push-fatigue", Severity.HIGH, other,
          "Push-bombed from the attacker's infrastructure until approved", cite(seed, "actor.alternateId", other),
          Map.of("userId", userId(seed, other))));
    }
    return new FindingsFile.Contents(new FindingsFile.Window(story.attackStart(), null, "override"), out);
  }

  private static Finding finding(String id, String detection, Severity severity, String subject, String title,
      Citation evidence, Map<String, String> facts) {
    return new Finding(id, detection, severity, title, title + " (" + subject + ")", subject, null, null, null,
        "contain the user", List.of(evidence), new HashMap<>(facts));
  }

  /** Cites the first attack-window event whose {@code path} is {@code value}, else the object itself. */
  private static Citation cite(TenantSeed seed, String path, String value) {
    for (LogEvent e : seed.events()) {
      if (!e.published().isBefore(seed.story().attackStart()) && e.values(path).stream()
          .anyMatch(v -> value.equalsIgnoreCase(v.asString()))) {
        return new Citation.Event(e.uuid(), e.published(), e.eventType());
      }
    }
    return new Citation.ApiObject("object", value);
  }

  private static String userId(TenantSeed seed, String login) {
    return seed.users().stream().filter(u -> login.equalsIgnoreCase(u.path("profile").path("login").asString()))
        .map(u -> u.path("id").asString()).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the scenario has no user " + login));
  }
}
