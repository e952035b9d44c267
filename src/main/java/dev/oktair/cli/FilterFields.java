package dev.oktair.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the attributes a filter expression names against the fields of Okta's System Log event
 * (LogEvent schema): a filter on {@code eventtype} is valid grammar but matches nothing, which at
 * 03:00 reads as "no such events". Returns warnings with the likely intended field.
 */
final class FilterFields {
  private static final Pattern QUOTED = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([A-Za-z_][\\w.]*)\\s+(?i:eq|ne|sw|ew|co|gt|ge|lt|le|pr)\\b");
  private static final List<String> FREE = List.of("debugContext.debugData.", "transaction.detail.",
      "target.detailEntry.", "actor.detailEntry.", "target.changeDetails.");
  private static final Set<String> KNOWN = Set.of("uuid", "published", "eventType", "version", "severity",
      "legacyEventType", "displayMessage", "actor.id", "actor.type", "actor.alternateId", "actor.displayName",
      "client.userAgent.rawUserAgent", "client.userAgent.os", "client.userAgent.browser", "client.zone",
      "client.device", "client.id", "client.ipAddress", "client.geographicalContext.city",
      "client.geographicalContext.state", "client.geographicalContext.country",
      "client.geographicalContext.postalCode", "client.geographicalContext.geolocation.lat",
      "client.geographicalContext.geolocation.lon", "device.id", "device.name", "device.os_platform",
      "device.os_version", "device.managed", "device.registered", "device.device_integrator",
      "device.disk_encryption_type", "device.screen_lock_type", "device.jailbreak", "device.secure_hardware_present",
      "authenticationContext.authenticationProvider", "authenticationContext.credentialProvider",
      "authenticationContext.credentialType", "authenticationContext.issuer.id", "authenticationContext.issuer.type",
      "authenticationContext.interface", "authenticationContext.authenticationStep",
      "authenticationContext.rootSessionId", "authenticationContext.externalSessionId", "outcome.result",
      "outcome.reason", "securityContext.asNumber", "securityContext.asOrg", "securityContext.isp",
      "securityContext.domain", "securityContext.isProxy", "transaction.type", "transaction.id",
      "request.ipChain.ip", "request.ipChain.version", "request.ipChain.source",
      "request.ipChain.geographicalContext.city", "request.ipChain.geographicalContext.country", "target.id",
      "target.type", "target.alternateId", "target.displayName");

  private FilterFields() {}

  /** Returns one warning per attribute of {@code expression} that no System Log event has. */
  static List<String> warnings(String expression) {
    List<String> out = new ArrayList<>();
    if (expression == null) {
      return out;
    }
    Matcher m = ATTRIBUTE.matcher(QUOTED.matcher(expression).replaceAll("\"\""));
    while (m.find()) {
      String attr = m.group(1);
      if (!known(attr)) {
        String near = nearest(attr);
        out.add("the filter attribute '" + attr + "' is no field of Okta's System Log events, so it matches nothing"
            + (near == null ? "" : ": did you mean " + near + "?"));
      }
    }
    return out;
  }

  private static boolean known(String attr) {
    if (KNOWN.contains(attr)) {
      return true;
    }
    for (String prefix : FREE) {
      if (attr.startsWith(prefix) && attr.length() > prefix.length()) {
        return true;
      }
    }
    // a parent object ("actor", "client.geographicalContext") is a field too, for pr
    String dotted = attr + ".";
    return KNOWN.stream().anyMatch(k -> k.startsWith(dotted)) || FREE.contains(dotted);
  }

  private static String nearest(String attr) {
    String lower = attr.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = 3;
    for (String k : KNOWN) {
      if (k.equalsIgnoreCase(attr)) {
        return k;
      }
      int d = distance(lower, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best;
  }

  /** Levenshtein distance, for suggestions. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
