package dev.oktair.sim.scenario;

import dev.oktair.sim.scenario.Model.Device;
import dev.oktair.sim.scenario.Model.Origin;
import dev.oktair.sim.scenario.Model.Person;
import java.util.Map;

/**
 * Who is making requests, from where, on what, in which session, and what Okta's risk engine
 * and ThreatInsight think of it: the context every event of one visit shares.
 *
 * @param user the signed-in (or signing-in) person
 * @param origin the client address, network and place
 * @param device the browser or phone
 * @param sessionId the Okta session ({@code externalSessionId}), null before sign-in succeeds
 * @param threatSuspected ThreatInsight's verdict on the address
 * @param behaviors behaviour detection results by name (New IP, New Device, ...)
 * @param risk the risk verdict as Okta writes it ({@code {level=LOW}})
 */
record Visit(
    Person user, Origin origin, Device device, String sessionId, boolean threatSuspected,
    Map<String, String> behaviors, String risk) {
  static final Map<String, String> KNOWN = behaviors("NEGATIVE");

  /** A visit from a known place on a known device: every behaviour NEGATIVE, risk LOW. */
  static Visit usual(Person user, Origin origin, Device device) {
    return new Visit(user, origin, device, null, false, KNOWN, "{level=LOW}");
  }

  Visit session(String id) {
    return new Visit(user, origin, device, id, threatSuspected, behaviors, risk);
  }

  String riskLevel() {
    int i = risk.lastIndexOf("level=");
    String rest = i < 0 ? "LOW" : risk.substring(i + 6);
    int end = 0;
    while (end < rest.length() && Character.isLetter(rest.charAt(end))) {
      end++;
    }
    return rest.substring(0, end);
  }

  /** Renders behaviours as Okta's debugData does: a Java {@code Map.toString()}. */
  String behaviorsText() {
    StringBuilder b = new StringBuilder("{");
    behaviors.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append('=').append(v));
    return b.append('}').toString();
  }

  /** Renders {@code logOnlySecurityData}: risk and behaviours as a JSON string. */
  String logOnlySecurityData() {
    StringBuilder b = new StringBuilder("{\"risk\":{\"level\":\"").append(riskLevel()).append("\"},\"behaviors\":{");
    int[] n = {0};
    behaviors.forEach((k, v) -> b.append(n[0]++ > 0 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
    return b.append("}}").toString();
  }

  private static Map<String, String> behaviors(String value) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (String k : new String[] {"New Geo-Location", "New Device", "New IP", "New State", "New Country", "Velocity", "New City"}) {
      m.put(k, value);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
