package dev.oktair.contain;

import dev.oktair.okta.Management;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The checks before the first call of an apply: each subject is re-read and must still have the
 * id and login the plan names (never overridable), and acting on a super administrator or on the
 * credential's own user needs an explicit override.
 *
 * @param mismatches subjects the tenant no longer matches: applying is refused
 * @param needOverride risky subjects: applying needs the override
 */
public record Guards(List<String> mismatches, List<String> needOverride) {
  public Guards {
    mismatches = List.copyOf(mismatches);
    needOverride = List.copyOf(needOverride);
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
      if (okta.roles(s.userId()).stream().anyMatch(r -> "SUPER_ADMIN".equals(r.path("type").asString()))) {
        risky.add(s.login() + " is a super administrator");
      }
      if (s.userId().equals(self)) {
        risky.add(s.login() + " is the user whose credential okta-ir is using");
      }
    }
    return new Guards(mismatches, risky);
  }
}
