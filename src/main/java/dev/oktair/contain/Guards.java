package dev.oktair.contain;

import dev.oktair.okta.Management;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The checks before the first call of an apply: each subject is re-read and must still have the
 * id and login the plan names (never overridable); acting on the credential's own user needs an
 * explicit override; and suspending a real super administrator (the role held from before the
 * window) can lock the org out, so without the override that one suspend is held back while the
 * rest of the plan (sessions, the attacker's artefacts) still applies. A SUPER_ADMIN grant of the
 * compromise window that the plan removes before the suspend (which waits for it) is the
 * attacker's, not a real administrator's: it holds nothing back.
 *
 * @param mismatches subjects the tenant no longer matches: applying is refused
 * @param needOverride risky subjects (the credential's own user): applying needs the override
 * @param superAdmins real super administrators among the subjects, user id to why: their suspend
 *     needs the override
 */
public record Guards(List<String> mismatches, List<String> needOverride, Map<String, String> superAdmins) {
  public Guards {
    mismatches = List.copyOf(mismatches);
    needOverride = List.copyOf(needOverride);
    superAdmins = Collections.unmodifiableMap(new LinkedHashMap<>(superAdmins));
  }

  /**
   * Returns {@code plan} without the suspend of each real super administrator (and whatever waits
   * for it): what applies without the override.
   */
  public Plan holdBack(Plan plan) {
    Set<String> dropped = new HashSet<>();
    List<Plan.Entry> kept = new ArrayList<>();
    for (Plan.Entry e : plan.actions()) {
      boolean held = e.action() instanceof Action.SuspendUser su && superAdmins.containsKey(su.userId());
      if (held || e.dependsOn().stream().anyMatch(dropped::contains)) {
        dropped.add(e.id());
      } else {
        kept.add(e);
      }
    }
    return new Plan(plan.created(), plan.org(), plan.windowStart(), plan.windowEnd(), plan.options(), plan.subjects(),
        kept, plan.listed(), plan.downstream());
  }

  /** Re-reads every subject of {@code plan} (GETs only); no case subjects to compare against. */
  public static Guards check(Management okta, Plan plan) {
    return check(okta, plan, List.of());
  }

  /**
   * Re-reads every subject of {@code plan} (GETs only) and, when the case names its subjects
   * ({@code caseSubjects}: logins or ids, from case.json), refuses a plan subject the case does not name.
   */
  public static Guards check(Management okta, Plan plan, List<String> caseSubjects) {
    Set<String> named = new HashSet<>();
    caseSubjects.forEach(n -> named.add(n.toLowerCase(Locale.ROOT)));
    List<String> mismatches = new ArrayList<>();
    List<String> risky = new ArrayList<>();
    Map<String, String> admins = new LinkedHashMap<>();
    String self = okta.currentUser().map(u -> u.path("id").asString()).orElse(null);
    for (Plan.Subject s : plan.subjects()) {
      if (!named.isEmpty() && !named.contains(s.userId().toLowerCase(Locale.ROOT))
          && !named.contains(s.login().toLowerCase(Locale.ROOT))) {
        mismatches.add(s.login() + " (" + s.userId() + ") is not a subject of the case (case.json names "
            + String.join(", ", caseSubjects) + ")");
      }
      Optional<JsonNode> user = okta.user(s.userId());
      if (user.isEmpty()) {
        mismatches.add(s.login() + " (" + s.userId() + ") no longer exists in the org");
        continue;
      }
      String login = user.get().path("profile").path("login").asString("");
      if (!login.toLowerCase(Locale.ROOT).equals(s.login().toLowerCase(Locale.ROOT))) {
        mismatches.add("user " + s.userId() + " is now " + login + ", not " + s.login() + " as planned");
      }
      List<JsonNode> held = superAdminRoles(okta.roles(s.userId()));
      Set<String> revokedFirst = revokedBeforeSuspend(plan, s.userId());
      for (JsonNode r : held) {
        if (!inWindow(r, plan.windowStart(), plan.windowEnd()) || !revokedFirst.contains(r.path("id").asString())) {
          admins.put(s.userId(), s.login() + " is a super administrator (role granted " + r.path("created").asString("at an"
              + " unknown time") + (inWindow(r, plan.windowStart(), plan.windowEnd())
                  ? ", which the plan does not remove before the suspend)"
                  : ", before the window): suspending a real super administrator can lock the org out"));
          break;
        }
      }
      if (s.userId().equals(self)) {
        risky.add(s.login() + " is the user whose credential okta-ir is using");
      }
    }
    return new Guards(mismatches, risky, admins);
  }

  /**
   * Returns true when {@code roles} hold SUPER_ADMIN granted before {@code windowStart} (or at an
   * unknown time): a real administrator, whom suspending can lock the org out.
   */
  static boolean heldBefore(List<JsonNode> roles, Instant windowStart) {
    return superAdminRoles(roles).stream().anyMatch(r -> !inWindow(r, windowStart, null));
  }

  private static List<JsonNode> superAdminRoles(List<JsonNode> roles) {
    return roles.stream().filter(r -> "SUPER_ADMIN".equals(r.path("type").asString())).toList();
  }

  /** The role ids of the user's RemoveAdminRole actions that the user's suspend waits for. */
  private static Set<String> revokedBeforeSuspend(Plan plan, String userId) {
    Set<String> waitedFor = new HashSet<>();
    plan.actions().stream().filter(e -> e.action() instanceof Action.SuspendUser su && su.userId().equals(userId))
        .forEach(e -> waitedFor.addAll(e.dependsOn()));
    Set<String> out = new HashSet<>();
    for (Plan.Entry e : plan.actions()) {
      if (waitedFor.contains(e.id()) && e.action() instanceof Action.RemoveAdminRole rr && rr.userId().equals(userId)) {
        out.add(rr.roleId());
      }
    }
    return out;
  }

  /** A grant's {@code created} inside {@code [start, end]} (end null: open); unknown is outside, the safe side. */
  private static boolean inWindow(JsonNode role, Instant start, Instant end) {
    try {
      Instant t = Instant.parse(role.path("created").asString(""));
      return !t.isBefore(start) && (end == null || !t.isAfter(end));
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
