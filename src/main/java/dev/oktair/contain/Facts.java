package dev.oktair.contain;

import dev.oktair.detect.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The facts of a set of findings the planner acts on: who, which objects, which addresses.
 * Findings are indexed once by user, login and fact value (a 1M-event case has 300k findings and
 * thousands of users: a scan per question was quadratic), and answers are findings in their
 * findings.json order. Not thread-safe (the planner asks from one thread).
 */
final class Facts {
  /** The most finding ids an action, subject or listed object cites; the count says how many there are. */
  static final int CITED = 20;

  private final List<Finding> findings;
  private final Map<String, Positions> byUserId = new HashMap<>();
  private final Map<String, Positions> byLogin = new HashMap<>();
  /** Fact key to value to the medium-or-above findings with it, built when the key is first asked for. */
  private final Map<String, Map<String, Positions>> naming = new HashMap<>();

  private Facts(List<Finding> findings) {
    this.findings = List.copyOf(findings);
    for (int i = 0; i < this.findings.size(); i++) {
      Finding f = this.findings.get(i);
      String userId = f.facts().get("userId");
      if (userId != null) {
        byUserId.computeIfAbsent(userId, k -> new Positions()).add(i);
      }
      if (f.subject() != null) {
        byLogin.computeIfAbsent(f.subject().toLowerCase(Locale.ROOT), k -> new Positions()).add(i);
      }
    }
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

  /** Returns the findings about the user (by id or login). */
  List<Finding> findingsOfUser(String userId, String login) {
    Positions byId = byUserId.getOrDefault(userId, Positions.NONE);
    Positions named = login == null ? Positions.NONE : byLogin.getOrDefault(login.toLowerCase(Locale.ROOT), Positions.NONE);
    return resolve(byId.union(named));
  }

  /**
   * Returns the findings of medium severity or above whose fact {@code key} is {@code value}: a
   * low or info finding (a factor the user enrolled at home last week) is context, and the planner
   * removes what findings name.
   */
  List<Finding> naming(String key, String value) {
    Map<String, Positions> index = naming.computeIfAbsent(key, this::index);
    return resolve(index.getOrDefault(value, Positions.NONE));
  }

  private Map<String, Positions> index(String key) {
    Map<String, Positions> out = new HashMap<>();
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      String v = f.facts().get(key);
      if (v != null && f.severity().atLeast(Planner.SUBJECT_SEVERITY)) {
        out.computeIfAbsent(v, k -> new Positions()).add(i);
      }
    }
    return out;
  }

  /**
   * Returns the findings about user {@code userId} whose fact {@code key} is {@code value} and
   * that attribute it to the attacker: what may be removed without guessing.
   */
  List<Finding> attributed(String userId, String key, String value) {
    return resolve(byUserId.getOrDefault(userId, Positions.NONE)).stream()
        .filter(f -> value.equals(f.facts().get(key)) && "true".equals(f.facts().get("attacker"))).toList();
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

  /**
   * Returns what a plan cites of {@code found}: every id, in order, when there are at most
   * {@link #CITED}; else the {@link #CITED} most severe (the earliest first among equals), with the
   * count of all. A responder reads twenty ids; 67,000 per action made plan.json 100s of MB.
   */
  static Plan.Cited cite(List<Finding> found) {
    List<Finding> chosen = found;
    if (found.size() > CITED) {
      chosen = found.stream().sorted(Comparator.comparing((Finding f) -> f.severity()).reversed()).limit(CITED).toList();
    }
    return new Plan.Cited(chosen.stream().map(Finding::id).toList(), found.size());
  }

  private List<Finding> resolve(Positions p) {
    List<Finding> out = new ArrayList<>(p.size);
    for (int k = 0; k < p.size; k++) {
      out.add(findings.get(p.at[k]));
    }
    return out;
  }

  /** Ascending positions in {@link #findings}, without boxing (300k findings, a list each per value). */
  private static final class Positions {
    static final Positions NONE = new Positions();
    int[] at = new int[2];
    int size;

    void add(int i) {
      if (size == at.length) {
        at = Arrays.copyOf(at, size * 2);
      }
      at[size++] = i;
    }

    /** Returns the positions in either, ascending, each once. */
    Positions union(Positions other) {
      Positions out = new Positions();
      int i = 0;
      int j = 0;
      while (i < size || j < other.size) {
        int next = j >= other.size || (i < size && at[i] <= other.at[j]) ? at[i] : other.at[j];
        out.add(next);
        while (i < size && at[i] == next) {
          i++;
        }
        while (j < other.size && other.at[j] == next) {
          j++;
        }
      }
      return out;
    }
  }
}
