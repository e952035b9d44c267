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
   * The findings cited for an action, a subject or a listed object: a 1M-event case names one user
   * in 67,000 findings, and a responder needs the count and the worst few, not every id.
   *
   * @param ids the finding ids cited: all of them in findings.json order when there are at most
   *     twenty, else the twenty most severe (the earliest first among equals)
   * @param total how many findings there are in all
   */
  public record Cited(List<String> ids, int total) {
    public Cited {
      ids = List.copyOf(ids);
      if (total < ids.size()) {
        throw new IllegalArgumentException("cites " + ids.size() + " findings of " + total);
      }
    }

    /** Returns every id of {@code ids}, cited in full. */
    public static Cited all(List<String> ids) {
      return new Cited(ids, ids.size());
    }
  }

  /**
   * A user the plan contains.
   *
   * @param userId Okta user id
   * @param login the login, as the findings and the tenant agree
   * @param superAdmin true when the user held SUPER_ADMIN before the window, a real administrator
   *     (applying needs an override); a grant of the window the plan removes before the suspend is not
   * @param reasons the findings that name the user (cited: see {@link Cited})
   * @param reasonsTotal how many findings name the user
   */
  public record Subject(String userId, String login, boolean superAdmin, List<String> reasons, int reasonsTotal) {
    public Subject {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(login, "login");
      reasons = List.copyOf(reasons);
      checkTotal(reasons, reasonsTotal);
    }

    /** Returns a subject whose reasons are cited in full. */
    public Subject(String userId, String login, boolean superAdmin, List<String> reasons) {
      this(userId, login, superAdmin, reasons, reasons.size());
    }
  }

  private static void checkTotal(List<String> reasons, int total) {
    if (total < reasons.size()) {
      throw new IllegalArgumentException("cites " + reasons.size() + " findings of " + total);
    }
  }

  /**
   * One planned action.
   *
   * @param id short id, unique in the plan ({@code a1}, {@code a2}, ...)
   * @param action what to do
   * @param reasons the finding ids that justify it, never empty (cited: see {@link Cited})
   * @param dependsOn ids of actions that must be done first
   * @param note what a reviewer should know (consequences, instructions), or null
   * @param reasonsTotal how many findings justify it
   */
  public record Entry(String id, Action action, List<String> reasons, List<String> dependsOn, String note,
      int reasonsTotal) {
    public Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(action, "action");
      reasons = List.copyOf(reasons);
      dependsOn = List.copyOf(dependsOn);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("action " + id + " has no finding to justify it");
      }
      checkTotal(reasons, reasonsTotal);
    }

    /** Returns an action whose reasons are cited in full. */
    public Entry(String id, Action action, List<String> reasons, List<String> dependsOn, String note) {
      this(id, action, reasons, dependsOn, note, reasons.size());
    }
  }

  /**
   * Something shown for review and left alone.
   *
   * @param target the object
   * @param why why it is listed and why it is not acted on
   * @param reasons the findings that relate to it (may be empty; cited: see {@link Cited})
   * @param reasonsTotal how many findings relate to it
   */
  public record Listed(Target target, String why, List<String> reasons, int reasonsTotal) {
    public Listed {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(why, "why");
      reasons = List.copyOf(reasons);
      checkTotal(reasons, reasonsTotal);
    }

    /** Returns a listed object whose reasons are cited in full. */
    public Listed(Target target, String why, List<String> reasons) {
      this(target, why, reasons, reasons.size());
    }

    /** Returns a listed object citing {@code reasons}. */
    public Listed(Target target, String why, Cited reasons) {
      this(target, why, reasons.ids(), reasons.total());
    }
  }
}
