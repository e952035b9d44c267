package dev.oktair.detect;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which users each device id, exact user agent and AS number was used for, and from which client
 * IPs: how the hunt follows the attacker's equipment past their addresses and sessions without
 * naming bystanders.
 *
 * <p>The rule: a value the attacker used from one of their addresses names the other users it
 * was used for only when it is rare in the case, i.e. used for at most {@value #FEW} users beyond
 * those the attacker's addresses, sessions and tokens already reach, and, for an ASN or a user
 * agent (which a population shares: a cloud or ISP network, a browser build), also for no more
 * than one user in {@value #SHARE} of the case's users. A value used for more users or from more
 * addresses than are counted ({@value #CAP}) is taken as common and names nobody. A wrongly named
 * user would be contained by respond, so the rule errs towards naming too few.
 */
final class Reach {
  static final int FEW = 2;
  static final int SHARE = 20;
  static final int CAP = 16;

  private final Map<String, Use> byDevice = new HashMap<>();
  private final Map<String, Use> byAgent = new HashMap<>();
  private final Map<Long, Use> byAsn = new HashMap<>();

  /**
   * Counts one event of {@code subject} (not null), whose last event's values {@code recent}
   * remembers: a user's next event mostly has the same device, user agent and network, found
   * then by identity (the strings are {@link Canon canonical}) without a lookup.
   */
  void see(Seen e, String subject, Recent recent) {
    String device = e.deviceId();
    if (device != null) {
      if (!device.equals(recent.device)) {
        recent.device = device;
        recent.deviceUse = byDevice.computeIfAbsent(device, k -> new Use());
      }
      recent.deviceUse.add(subject, e.ip());
    }
    String agent = e.userAgent();
    if (agent != null) {
      if (!agent.equals(recent.agent)) {
        recent.agent = agent;
        recent.agentUse = byAgent.computeIfAbsent(agent, k -> new Use());
      }
      recent.agentUse.add(subject, e.ip());
    }
    Long asn = e.asn();
    if (asn != null) {
      if (recent.asnUse == null || recent.asn != asn) {
        recent.asn = asn;
        recent.asnUse = byAsn.computeIfAbsent(asn, k -> new Use());
      }
      recent.asnUse.add(subject, e.ip());
    }
  }

  /** The device id, user agent and AS number of a user's last event, with their uses. */
  static final class Recent {
    private String device;
    private Use deviceUse;
    private String agent;
    private Use agentUse;
    // a primitive: the event's Long would be a young object held by long-lived state
    private long asn;
    private Use asnUse;
  }

  /**
   * Adds to {@code victims} (the users already reached, of {@code users} in the case) the users a
   * rare value reached that the attacker used from an address {@code attackerIp} accepts.
   */
  void addReached(Set<String> victims, int users, Predicate<String> attackerIp) {
    Set<String> reached = new HashSet<>();
    int shared = Math.min(FEW, users / SHARE);
    byDevice.values().forEach(u -> u.reached(victims, FEW, attackerIp, reached));
    byAgent.values().forEach(u -> u.reached(victims, shared, attackerIp, reached));
    byAsn.values().forEach(u -> u.reached(victims, shared, attackerIp, reached));
    victims.addAll(reached);
  }

  /** Returns the device ids the attacker used from an address {@code attackerIp} accepts, not common in the case; sorted. */
  Set<String> attackerDevices(Predicate<String> attackerIp) {
    return attackers(byDevice, attackerIp);
  }

  /** Returns the exact user agents the attacker used from an address {@code attackerIp} accepts, not common in the case; sorted. */
  Set<String> attackerAgents(Predicate<String> attackerIp) {
    return attackers(byAgent, attackerIp);
  }

  private static Set<String> attackers(Map<String, Use> uses, Predicate<String> attackerIp) {
    Set<String> out = new java.util.TreeSet<>();
    uses.forEach((value, u) -> {
      if (!u.common && u.ips.stream().anyMatch(attackerIp)) {
        out.add(value);
      }
    });
    return out;
  }

  /** The users and client IPs one value was used for, counted up to {@link #CAP}. */
  private static final class Use {
    private final Set<String> subjects = new HashSet<>(2);
    private final Set<String> ips = new HashSet<>(2);
    private boolean common;
    private String lastSubject;
    private String lastIp;

    void add(String subject, String ip) {
      // a value is mostly used again by the same user from the same address: two compares, not two set lookups
      if (common || subject.equals(lastSubject) && java.util.Objects.equals(ip, lastIp)) {
        return;
      }
      lastSubject = subject;
      lastIp = ip;
      subjects.add(subject);
      if (ip != null) {
        ips.add(ip);
      }
      if (subjects.size() > CAP || ips.size() > CAP) {
        common = true;
        subjects.clear();
        ips.clear();
      }
    }

    void reached(Set<String> victims, int most, Predicate<String> attackerIp, Set<String> out) {
      if (common || ips.stream().noneMatch(attackerIp)) {
        return;
      }
      Set<String> others = new HashSet<>(subjects);
      others.removeAll(victims);
      if (others.size() <= most) {
        out.addAll(others);
      }
    }
  }
}
