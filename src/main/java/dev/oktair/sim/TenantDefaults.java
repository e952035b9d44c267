package dev.oktair.sim;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every Okta org has whatever the scenario says, and what the seed must look like once it is
 * served from loopback: Okta's system network zones, the default sign-on policy marked
 * {@code system: true}, and every {@code _links} href moved onto the simulator's own origin (a
 * scenario writes its real-looking org URL; a client following such a link must stay on loopback).
 */
final class TenantDefaults {
  /** Okta's built-in zones: name, type, usage (F7 in okta-api.md). */
  private static final List<String[]> SYSTEM_ZONES = List.of(
      new String[] {"LegacyIpZone", "IP", "POLICY"},
      new String[] {"BlockedIpZone", "IP", "BLOCKLIST"},
      new String[] {"DefaultEnhancedDynamicZone", "DYNAMIC_V2", "BLOCKLIST"},
      new String[] {"DefaultExemptIpZone", "IP", "POLICY"});

  private TenantDefaults() {}

  /** Returns Okta's system zones, created at {@code created}, with ids stable per name. */
  static List<ObjectNode> systemZones(Instant created) {
    List<ObjectNode> out = new ArrayList<>();
    for (String[] z : SYSTEM_ZONES) {
      ObjectNode n = JsonNodeFactory.instance.objectNode();
      n.put("type", z[1]);
      n.put("id", Ids.derived("nzo", "system-zone:" + z[0]));
      n.put("name", z[0]);
      n.put("status", "ACTIVE");
      n.put("usage", z[2]);
      n.put("created", Ids.time(created));
      n.put("lastUpdated", Ids.time(created));
      n.put("system", true);
      if ("IP".equals(z[1])) {
        n.putNull("gateways");
        n.putNull("proxies");
      } else {
        // Only the anonymiser category: empty asns/locations lists are left out, which the
        // spec allows; Okta's Java SDK 24.0.0 cannot parse asns.include or locations.include
        // lists at all (generated as empty classes), see OktaSdkConformanceTest.
        ObjectNode categories = n.putObject("ipServiceCategories");
        categories.putArray("include").add("ALL_ANONYMIZERS");
        categories.putArray("exclude");
      }
      if ("DefaultExemptIpZone".equals(z[0])) {
        n.put("useAsExemptList", true);
      }
      out.add(n);
    }
    return out;
  }

  /**
   * Marks Okta's default policies {@code system: true}: every policy named "Default Policy", and
   * when no sign-on policy has that name, the last (catch-all) {@code OKTA_SIGN_ON} policy.
   */
  static void markSystemPolicies(Map<String, ObjectNode> policies) {
    boolean signOnMarked = false;
    for (ObjectNode p : policies.values()) {
      if ("Default Policy".equals(p.path("name").asString())) {
        p.put("system", true);
        signOnMarked |= "OKTA_SIGN_ON".equals(p.path("type").asString());
      }
    }
    if (!signOnMarked) {
      policies.values().stream()
          .filter(p -> "OKTA_SIGN_ON".equals(p.path("type").asString()))
          .max(Comparator.comparingInt(p -> p.path("priority").asInt(0)))
          .ifPresent(p -> p.put("system", true));
    }
  }

  /** Rewrites every {@code href} under {@code node} to {@code baseUrl} plus the link's own path and query. */
  static void rebaseLinks(JsonNode node, String baseUrl) {
    if (node instanceof ObjectNode o) {
      JsonNode href = o.get("href");
      if (href != null && href.isString()) {
        o.put("href", rebase(href.asString(), baseUrl));
      }
      o.forEach(child -> rebaseLinks(child, baseUrl));
    } else if (node != null && node.isArray()) {
      node.forEach(child -> rebaseLinks(child, baseUrl));
    }
  }

  private static String rebase(String href, String baseUrl) {
    try {
      URI u = URI.create(href);
      if (u.getScheme() == null || u.getRawPath() == null) {
        return href;
      }
      return baseUrl + u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    } catch (IllegalArgumentException e) {
      return href; // not a URL Okta would write; served as seeded
    }
  }
}
