package dev.oktair.contain;

import dev.oktair.okta.Management;
import dev.oktair.okta.OktaResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** okta-ir's own blocklist zone, found by name: read its addresses, add to it, take from it. */
final class Zones {
  private Zones() {}

  static List<String> listed(Management okta, String name) {
    return find(okta, name).map(Management::gatewayIps).orElse(List.of());
  }

  static OktaResponse block(Management okta, String name, List<String> ips) {
    Optional<JsonNode> zone = find(okta, name);
    if (zone.isEmpty()) {
      return okta.createBlocklistZone(name, ips);
    }
    Set<String> all = new LinkedHashSet<>(Management.gatewayIps(zone.get()));
    all.addAll(ips);
    return okta.replaceZoneGateways(zone.get(), new ArrayList<>(all));
  }

  static OktaResponse unblock(Management okta, String name, List<String> ips) {
    JsonNode zone = find(okta, name).orElseThrow(() -> new IllegalStateException("no zone named " + name));
    List<String> left = new ArrayList<>(Management.gatewayIps(zone));
    left.removeAll(ips);
    return okta.replaceZoneGateways(zone, left);
  }

  private static Optional<JsonNode> find(Management okta, String name) {
    return okta.blocklistZones().stream().filter(z -> name.equals(z.path("name").asString())).findFirst();
  }
}
