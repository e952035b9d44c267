package dev.oktair.sim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scenario file as read from YAML: the org, its people, apps and habits, and the timeline of
 * changes and attack steps. Values only; {@link Engine} gives them meaning. Missing optional
 * sections read as empty.
 */
record ScenarioSpec(
    String name,
    String description,
    Org org,
    List<Network> networks,
    List<DeviceProfile> devices,
    Users users,
    List<GroupSpec> groups,
    List<AppSpec> apps,
    Security security,
    Baseline baseline,
    Attack attack) {
  ScenarioSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(baseline, "baseline");
    networks = list(networks);
    devices = list(devices);
    groups = list(groups);
    apps = list(apps);
    security = security == null ? new Security("audit", "default", List.of(), List.of()) : security;
    attack = attack == null ? new Attack("0m", List.of(), List.of()) : attack;
  }

  static <T> List<T> list(List<T> value) {
    return value == null ? List.of() : List.copyOf(value);
  }

  /** Keeps the file's order: weighted picks and probabilities iterate it, so it must not vary. */
  static <K, V> Map<K, V> map(Map<K, V> value) {
    return value == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(value));
  }

  /** The organisation: names, the Okta domain, its local time zone and age. */
  record Org(String name, String domain, String oktaDomain, String timezone, String age) {}

  /** A network people or attackers come from; {@code zone} names the Okta network zone it is in. */
  record Network(
      String key, String kind, List<String> ips, String prefix, Long asNumber, String asOrg,
      String isp, String domain, Boolean isProxy, String zone, List<PlaceSpec> places) {
    Network {
      ips = list(ips);
      places = list(places);
      if (places.isEmpty()) {
        throw new IllegalArgumentException("network " + key + " needs at least one place");
      }
      if (ips.isEmpty() && prefix == null) {
        throw new IllegalArgumentException("network " + key + " needs ips or a prefix");
      }
    }
  }

  /** A place, as Okta's geographicalContext. */
  record PlaceSpec(String city, String state, String country, String postalCode, double lat, double lon) {}

  /** A browser on a laptop, or a phone. {@code name} may contain {@code {n}} for a number. */
  record DeviceProfile(
      String key, String kind, String userAgent, String os, String browser, String clientDevice,
      String name, String platform, String osVersion, boolean managed, Boolean registered) {}

  /** How many users, how they are drawn, and the named ones the story needs. */
  record Users(
      int count,
      Map<String, Integer> networks,
      Map<String, Integer> laptops,
      Map<String, Integer> phones,
      Map<String, Double> factors,
      List<Department> departments,
      List<String> firstNames,
      List<String> lastNames,
      List<NamedUser> named) {
    Users {
      networks = map(networks);
      laptops = map(laptops);
      phones = map(phones);
      factors = map(factors);
      departments = list(departments);
      firstNames = list(firstNames);
      lastNames = list(lastNames);
      named = list(named);
    }
  }

  /** A department and its share of generated users. */
  record Department(String name, int weight, String title) {}

  /** A user the story refers to by login. */
  record NamedUser(
      String login, String firstName, String lastName, String department, String title,
      String home, String laptop, String phone, List<String> factors, List<String> roles, String age) {
    NamedUser {
      Objects.requireNonNull(login, "login");
      factors = list(factors);
      roles = list(roles);
    }
  }

  /** A group; {@code members} is {@code all}, {@code {department: X}} or {@code {logins: [...]}}. */
  record GroupSpec(String name, String type, String description, Object members) {}

  /** An app and who is assigned to it. */
  record AppSpec(
      String key, String name, String label, String signOnMode, boolean builtIn, boolean selfService, List<String> groups,
      double use, OAuth oauth, String userName, List<String> samlRoles) {
    AppSpec {
      groups = list(groups);
      samlRoles = list(samlRoles);
    }

    /**
     * Returns the app user's SP-side name for {@code login}: the {@code userName} template with
     * {@code {login}}, {@code {local}} (before the @) and {@code {handle}} (local part, dots as
     * dashes), or the login itself, since SPs often name users differently from Okta.
     */
    String userNameFor(String login) {
      if (userName == null) {
        return login;
      }
      String local = login.contains("@") ? login.substring(0, login.indexOf('@')) : login;
      return userName.replace("{login}", login).replace("{local}", local).replace("{handle}", local.replace('.', '-'));
    }
  }

  /** The OAuth side of an OIDC app. */
  record OAuth(String type, List<String> scopes, boolean refreshTokens, String consent) {
    OAuth {
      scopes = list(scopes);
    }
  }

  /** ThreatInsight mode, the custom authorization server, sign-on policies and API tokens. */
  record Security(
      String threatInsight, String authorizationServer, List<PolicySpec> policies, List<ApiTokenSpec> apiTokens) {
    Security {
      policies = list(policies);
      apiTokens = list(apiTokens);
    }
  }

  /** An API token that exists before the story: its name, creator's login, age and network. */
  record ApiTokenSpec(String name, String creator, String age, String network) {}

  /** A policy of a type ({@code OKTA_SIGN_ON}, {@code ACCESS_POLICY}) and its ordered rules. */
  record PolicySpec(String name, String type, String description, List<RuleSpec> rules) {
    PolicySpec {
      rules = list(rules);
    }
  }

  /**
   * A policy rule; {@code gap} marks the rule that lets a ThreatInsight-flagged source in (no
   * risk or behaviour condition, so remote sign-ins land on it).
   */
  record RuleSpec(
      String name, String network, String zone, String access, Boolean mfa, Integer sessionMinutes,
      String riskLevel, boolean gap, boolean system) {}

  /** The everyday rhythm of the org and the background changes. */
  record Baseline(
      int days, String workStart, String workEnd, double presence, double weekend, double office,
      double secondSignIn, double passwordTypo, double mfaTimeout, double logout, int mobileRefresh,
      List<Step> changes) {
    Baseline {
      changes = list(changes);
      if (days < 1 || days > 90) {
        throw new IllegalArgumentException("baseline.days must be 1..90 (Okta keeps 90 days), got " + days);
      }
    }
  }

  /** When the attack starts (before the anchor), its victims, and its steps. */
  record Attack(String start, List<String> victims, List<Step> steps) {
    Attack {
      victims = list(victims);
      steps = list(steps);
    }
  }

  /**
   * One thing that happens: {@code do} names the action, {@code at} when (relative to the attack
   * start, or for baseline changes the day before the anchor with {@code time} of day), and the
   * rest are the action's parameters.
   */
  record Step(
      String at, String time, @JsonProperty("do") String action, String user, String actor,
      String from, String device, String session, String factor, String phone, String app,
      List<String> apps, String group, List<String> scopes, String name, String token,
      String every, Integer unanswered, Integer denied, Boolean threatSuspected, String risk,
      Map<String, String> behaviors, String reasons, Map<String, String> detections, boolean rogue) {
    Step {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(action, "do");
      apps = list(apps);
      scopes = list(scopes);
      behaviors = map(behaviors);
      detections = map(detections);
    }
  }
}
