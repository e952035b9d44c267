package dev.oktair.sim.drill;

import dev.oktair.sim.scenario.Foothold;
import dev.oktair.sim.scenario.Foothold.Kind;
import dev.oktair.sim.scenario.GroundTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the tenant's current state with the ground truth and the state at drill start, and
 * remembers when each foothold was first seen closed. Thread-safe (synchronized).
 *
 * <p>Rules: a session foothold is removed once its user holds no session; an SP session once that
 * SP's revocation for the user has taken effect at the fake; an IdP once deactivated; everything
 * else once its object is gone. Collateral is a legitimate object present at start and gone now, or a
 * non-victim no longer ACTIVE; a victim's refresh tokens and consent grants are not collateral
 * (revoking them is the runbook's kill switch), nor a victim's factor that Okta removed together
 * with a rogue enrolment of the same authenticator (resetting Okta Verify removes every
 * enrolment of it). A further victim is found once their sessions are
 * cleared or their account is no longer ACTIVE.
 */
final class Scorer {
  private final GroundTruth truth;
  private final Snapshot start;
  private final Instant startedAt;
  private final Set<String> footholdKeys = new HashSet<>();
  private final Map<Foothold, Instant> closedAt = new HashMap<>();

  Scorer(GroundTruth truth, Snapshot start, Instant startedAt) {
    this.truth = truth;
    this.start = start;
    this.startedAt = startedAt;
    truth.footholds().forEach(f -> footholdKeys.add(f.kind().json() + ":" + f.id()));
  }

  /** Notes, at {@code now}, which footholds are closed in {@code current}. */
  synchronized void observe(Snapshot current, Instant now) {
    for (Foothold f : truth.footholds()) {
      if (present(f, current)) {
        closedAt.remove(f);
      } else {
        closedAt.putIfAbsent(f, now);
      }
    }
  }

  /** Observes {@code current} at {@code now} and returns the scorecard. */
  synchronized Scorecard score(Snapshot current, Instant now) {
    observe(current, now);
    List<Scorecard.Foothold> footholds = new ArrayList<>();
    for (Foothold f : truth.footholds()) {
      boolean open = !closedAt.containsKey(f);
      footholds.add(new Scorecard.Foothold(f.kind().json(), f.id(), f.label(),
          open ? Scorecard.Foothold.OPEN : Scorecard.Foothold.REMOVED));
    }
    List<Scorecard.Victim> victims = new ArrayList<>();
    for (String id : truth.otherVictimIds()) {
      boolean found = current.sessions.getOrDefault(id, 0) == 0 || !"ACTIVE".equals(current.status.get(id));
      victims.add(new Scorecard.Victim(start.login(id), found));
    }
    Long seconds = null;
    if (closedAt.size() == truth.footholds().size()) {
      Instant last = closedAt.values().stream().max(Instant::compareTo).orElse(startedAt);
      seconds = Math.max(0, Duration.between(startedAt, last).toSeconds());
    }
    return new Scorecard(truth.scenario(), truth.seed(), footholds, collateral(current), victims, seconds);
  }

  private boolean present(Foothold f, Snapshot s) {
    if (f.kind() == Kind.SESSION) {
      return s.sessions.getOrDefault(f.userId(), 0) > 0;
    }
    return s.objects.containsKey(f.kind().json() + ":" + f.id());
  }

  /** A victim's factor that went with a removed rogue enrolment of the same authenticator (Okta Verify). */
  private boolean resetWithRogue(String key, String owner, Snapshot current) {
    String authenticator = start.authenticators.get(key);
    if (authenticator == null) {
      return false;
    }
    for (Foothold f : truth.footholds()) {
      String rogue = Kind.FACTOR.json() + ":" + f.id();
      if (f.kind() == Kind.FACTOR && f.userId().equals(owner) && authenticator.equals(start.authenticators.get(rogue))
          && !current.objects.containsKey(rogue)) {
        return true;
      }
    }
    return false;
  }

  private List<Scorecard.Collateral> collateral(Snapshot current) {
    Set<String> victims = new HashSet<>(truth.otherVictimIds());
    victims.add(truth.victimId());
    List<Scorecard.Collateral> out = new ArrayList<>();
    start.objects.forEach((key, owner) -> {
      if (footholdKeys.contains(key) || current.objects.containsKey(key)) {
        return;
      }
      String kind = key.substring(0, key.indexOf(':'));
      boolean killSwitch = victims.contains(owner) && (kind.equals("refresh-token") || kind.equals("grant"));
      if (!killSwitch && !resetWithRogue(key, owner, current)) {
        out.add(new Scorecard.Collateral(kind, key.substring(kind.length() + 1), start.login(owner), "removed"));
      }
    });
    start.status.forEach((id, before) -> {
      String now = current.status.get(id);
      if (!victims.contains(id) && "ACTIVE".equals(before) && !"ACTIVE".equals(now)) {
        out.add(new Scorecard.Collateral("user", id, start.login(id), now == null ? "deleted" : now));
      }
    });
    return out;
  }
}
