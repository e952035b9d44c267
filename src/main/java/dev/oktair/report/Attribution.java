package dev.oktair.report;

import dev.oktair.detect.Citation;
import dev.oktair.detect.Finding;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the findings attribute to the attacker: the IPs (facts.ip) and sessions (facts.sessionId)
 * of findings that say {@code facts.attacker=true} or name an IP, and the events they cite.
 *
 * @param ips attacker IP -> ids of the findings naming it, in order of first mention
 * @param sessions attacker session ids
 * @param events uuids of events cited by attacker-attributed findings
 */
record Attribution(Map<String, List<String>> ips, Set<String> sessions, Set<String> events) {

  static Attribution of(List<Finding> findings) {
    Map<String, Set<String>> ips = new LinkedHashMap<>();
    Set<String> sessions = new LinkedHashSet<>();
    Set<String> events = new LinkedHashSet<>();
    for (Finding f : findings) {
      String ip = f.facts().get("ip");
      if (!"true".equalsIgnoreCase(f.facts().get("attacker")) && ip == null) {
        continue;
      }
      if (ip != null) {
        // One finding may name several IPs of the same infrastructure, comma separated.
        for (String one : ip.split(",")) {
          if (!one.isBlank()) {
            ips.computeIfAbsent(one.trim(), k -> new LinkedHashSet<>()).add(f.id());
          }
        }
      }
      String session = f.facts().get("sessionId");
      if (session != null) {
        sessions.add(session);
      }
      for (Citation c : f.evidence()) {
        if (c instanceof Citation.Event e) {
          events.add(e.uuid());
        }
      }
    }
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    ips.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new Attribution(java.util.Collections.unmodifiableMap(frozen), Set.copyOf(sessions), Set.copyOf(events));
  }

  /**
   * Returns true when an attacker-attributed finding cites the event {@code uuid}; false for an
   * event without a uuid, which a finding cannot cite (and which the frozen set would refuse to look up).
   */
  boolean cites(String uuid) {
    return uuid != null && events.contains(uuid);
  }

  /** Returns true when any finding attributes anything to the attacker. */
  boolean any() {
    return !ips.isEmpty() || !sessions.isEmpty() || !events.isEmpty();
  }
}
