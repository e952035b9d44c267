package dev.oktair.contain;

import dev.oktair.detect.Finding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The facts of a set of findings the planner acts on: who, which objects, which addresses. */
final class Facts {
  private final List<Finding> findings;

  private Facts(List<Finding> findings) {
    this.findings = List.copyOf(findings);
  }

  static Facts of(List<Finding> findings) {
    return new Facts(findings);
  }

  /** Returns the users (id, else login) named by findings of medium severity or above, in order. */
  List<String> subjects() {
    Set<String> out = new LinkedHashSet<>();
    for (Finding f : findings) {
      if (f.severity().atLeast(Planner.SUBJECT_SEVERITY)) {
        String who = f.facts().getOrDefault("userId", f.subject());
        if (who != null && !who.isBlank()) {
          out.add(who);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** Returns the ids of findings about the user (by id or login). */
  List<String> findingsOfUser(String userId, String login) {
    List<String> out = new ArrayList<>();
    for (Finding f : findings) {
      boolean byId = userId.equals(f.facts().get("userId"));
      boolean byLogin = f.subject() != null && login != null && f.subject().toLowerCase(Locale.ROOT)
          .equals(login.toLowerCase(Locale.ROOT));
      if (byId || byLogin) {
        out.add(f.id());
      }
    }
    return out;
  }

  /**
   * Returns the ids of findings of medium severity or above whose fact {@code key} is
   * {@code value}: a low or info finding (a factor the user enrolled at home last week) is context,
   * and the planner removes what findings name.
   */
  List<String> naming(String key, String value) {
    return findings.stream().filter(f -> f.severity().atLeast(Planner.SUBJECT_SEVERITY) && value.equals(f.facts().get(key)))
        .map(Finding::id).toList();
  }

  /**
   * Returns the ids of findings about user {@code userId} whose fact {@code key} is {@code value}
   * and that attribute it to the attacker: what may be removed without guessing.
   */
  List<String> attributed(String userId, String key, String value) {
    return findings.stream().filter(f -> value.equals(f.facts().get(key)) && userId.equals(f.facts().get("userId"))
        && "true".equals(f.facts().get("attacker"))).map(Finding::id).toList();
  }

  /** Returns every distinct value of fact {@code key}. */
  List<String> values(String key) {
    Set<String> out = new LinkedHashSet<>();
    findings.forEach(f -> {
      String v = f.facts().get(key);
      if (v != null && !v.isBlank()) {
        out.add(v);
      }
    });
    return new ArrayList<>(out);
  }

  /** Returns the addresses of findings that attribute activity to the attacker. */
  List<String> attackerIps() {
    Set<String> out = new LinkedHashSet<>();
    for (Finding f : findings) {
      String ip = f.facts().get("ip");
      if (ip != null && "true".equals(f.facts().get("attacker"))) {
        out.add(ip);
      }
    }
    return new ArrayList<>(out);
  }
}
