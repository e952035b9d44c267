package dev.oktair.contain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A containment plan: the subjects it acts on and an ordered graph of actions, each with the
 * finding ids that justify it and the earlier actions it waits for; plus what is listed for review
 * but not acted on. Written to plan.json for review before anything changes. Immutable.
 *
 * @param created when it was planned
 * @param org the org's URL
 * @param windowStart the incident window's start
 * @param windowEnd the incident window's end (null: open)
 * @param options the choices the plan was made with
 * @param subjects the users it contains
 * @param actions the actions, each after everything it depends on
 * @param listed objects shown for review but left alone
 * @param downstream the subjects' downstream impact maps the SP actions come from (for review and the report)
 */
public record Plan(
    Instant created,
    String org,
    Instant windowStart,
    Instant windowEnd,
    Options options,
    List<Subject> subjects,
    List<Entry> actions,
    List<Listed> listed,
    List<Downstream> downstream) {
  public Plan {
    downstream = List.copyOf(downstream);
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(options, "options");
    subjects = List.copyOf(subjects);
    actions = List.copyOf(actions);
    listed = List.copyOf(listed);
    Set<String> seen = new HashSet<>();
    for (Entry e : actions) {
      for (String d : e.dependsOn()) {
        if (!seen.contains(d)) {
          throw new IllegalArgumentException("action " + e.id() + " depends on " + d + ", which does not come before it");
        }
      }
      if (!seen.add(e.id())) {
        throw new IllegalArgumentException("two actions are called " + e.id());
      }
    }
  }

  /** Returns a plan with no downstream impact map. */
  public Plan(Instant created, String org, Instant windowStart, Instant windowEnd, Options options, List<Subject> subjects,
      List<Entry> actions, List<Listed> listed) {
    this(created, org, windowStart, windowEnd, options, subjects, actions, listed, List.of());
  }

  /**
   * One subject's downstream impact map.
   *
   * @param userId the subject
   * @param impacts its apps, the SP behind each and what revokes what there
   */
  public record Downstream(String userId, List<dev.oktair.downstream.Impact> impacts) {
    public Downstream {
      Objects.requireNonNull(userId, "userId");
      impacts = List.copyOf(impacts);
    }
  }

  /** Returns the action with this id, or null. */
  public Entry action(String id) {
    return actions.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
  }

  /**
   * The planning choices.
   *
   * @param resetFactors reset every factor instead of deleting the rogue ones
   * @param blockIps add the attacker's addresses to a blocklist zone
   * @param keepAssignments keep the app assignments and group memberships findings attribute to the
   *     attacker (listed for review) instead of removing them
   */
  public record Options(boolean resetFactors, boolean blockIps, boolean keepAssignments) {}

  /**
   * A user the plan contains.
   *
   * @param userId Okta user id
   * @param login the login, as the findings and the tenant agree
   * @param superAdmin true when the user held SUPER_ADMIN before the window, a real administrator
   *     (applying needs an override); a grant of the window the plan removes before the suspend is not
   * @param reasons the findings that name the user
   */
  public record Subject(String userId, String login, boolean superAdmin, List<String> reasons) {
    public Subject {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(login, "login");
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * One planned action.
   *
   * @param id short id, unique in the plan ({@code a1}, {@code a2}, ...)
   * @param action what to do
   * @param reasons the finding ids that justify it, never empty
   * @param dependsOn ids of actions that must be done first
   * @param note what a reviewer should know (consequences, instructions), or null
   */
  public record Entry(String id, Action action, List<String> reasons, List<String> dependsOn, String note) {
    public Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(action, "action");
      reasons = List.copyOf(reasons);
      dependsOn = List.copyOf(dependsOn);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("action " + id + " has no finding to justify it");
      }
    }
  }

  /**
   * Something shown for review and left alone.
   *
   * @param target the object
   * @param why why it is listed and why it is not acted on
   * @param reasons the findings that relate to it (may be empty)
   */
  public record Listed(Target target, String why, List<String> reasons) {
    public Listed {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(why, "why");
      reasons = List.copyOf(reasons);
    }
  }
}
