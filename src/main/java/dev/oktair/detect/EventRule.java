package dev.oktair.detect;

import dev.oktair.events.LogEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A detection of single events: those of some event types that pass a test, one finding per
 * event or per group of related events (e.g. the scopes of one consent). Keeps only the matching
 * events, packed ({@link KeptViews}): usually rare, they were half of the real-shaped 1 GB. Immutable.
 */
final class EventRule implements Detection {
  private final String id;
  private final String title;
  private final Severity base;
  private final Severity severity;
  private final String technique;
  private final String recommendation;
  private final Set<String> types;
  private final Predicate<Seen> test;
  private final Function<Seen, String> group;
  private final Function<Seen, Severity> baseOf;

  private EventRule(Builder b) {
    this.id = b.id;
    this.title = b.title;
    this.base = b.base;
    this.severity = b.severity;
    this.technique = b.technique;
    this.recommendation = b.recommendation;
    this.types = b.types;
    this.test = b.test;
    this.group = b.group;
    this.baseOf = b.baseOf;
  }

  static Builder rule(String id, String title, String technique, String... types) {
    return new Builder(id, title, technique, Set.of(types));
  }

  @Override public String id() { return id; }
  @Override public String title() { return title; }
  @Override public Severity severity() { return severity; }
  @Override public String technique() { return technique; }
  @Override public String recommendation() { return recommendation; }

  @Override
  public boolean wants(String eventType) {
    return types.contains(eventType);
  }

  @Override
  public Scan start() {
    return start(new KeptViews());
  }

  /**
   * Returns a scan that packs what it keeps into {@code store}: a pass gives its rules one, so they
   * share its chunks and its strings (a store per rule left most of each rule's chunk empty).
   */
  Scan start(KeptViews store) {
    Groups groups = group == BY_EVENT ? new ByEvent(store) : new ByKey(store, group);
    return new Scan() {
      @Override
      public void see(Seen e, Infra infra) {
        if (types.contains(e.type()) && test.test(e)) {
          groups.add(e);
        }
      }

      @Override
      public void finish(Infra infra, Drafts out) {
        KeptGroups kept = groups.kept;
        for (int g = 0; g < kept.size(); g++) {
          List<Seen> events = kept.group(g);
          Seen e = events.get(0);
          Severity b = baseOf != null ? baseOf.apply(e) : base;
          out.add(EventRule.this, b, e.subject(), summary(events), events, facts(events));
        }
      }
    };
  }

  /**
   * The groups of a rule's matches, packed ({@link KeptViews}): on a case where most events match
   * a rule, the views kept as objects were most of the collector's work in the pass.
   */
  private abstract static class Groups {
    final KeptGroups kept;

    Groups(KeptViews store) {
      this.kept = new KeptGroups(store);
    }

    abstract void add(Seen e);
  }

  /**
   * Groups by a key of the event. Keys get dense ids ({@link StringIds}), so a group costs an int
   * rather than a map entry and a boxed index, as its views cost no objects.
   */
  private static final class ByKey extends Groups {
    private final StringIds keys = new StringIds();
    /** One more than the group of the key of each id; 0 until the key has one. */
    private int[] groupOf = new int[16];
    private final Function<Seen, String> key;

    ByKey(KeptViews store, Function<Seen, String> key) {
      super(store);
      this.key = key;
    }

    @Override
    void add(Seen e) {
      int id = keys.id(key.apply(e));
      if (id == groupOf.length) {
        groupOf = Arrays.copyOf(groupOf, id * 2);
      }
      if (groupOf[id] == 0) {
        groupOf[id] = kept.begin(e) + 1;
      } else {
        kept.join(groupOf[id] - 1, e);
      }
    }
  }

  /**
   * Groups by citation, so only copies of one event join: a copy has its time, and the pass sees
   * events in time order, so only the matches of the current instant are looked up. On a case
   * where most events match a rule, a map over every match cost a sixth of the pass's thread.
   */
  private static final class ByEvent extends Groups {
    /** The citation of the current instant's first match, and its group: most instants have one match. */
    private String sole;
    private int soleGroup;
    /** The citations of the current instant's other matches, to their groups. */
    private final Map<String, Integer> now = new HashMap<>();
    private Instant instant;
    private boolean first = true;

    ByEvent(KeptViews store) {
      super(store);
    }

    @Override
    void add(Seen e) {
      if (first || !Objects.equals(instant, e.published())) {
        first = false;
        instant = e.published();
        sole = null;
        now.clear();
      }
      String uuid = e.citation().uuid();
      if (sole == null) {
        sole = uuid;
        soleGroup = kept.begin(e);
      } else if (sole.equals(uuid)) {
        kept.join(soleGroup, e);
      } else {
        Integer at = now.get(uuid);
        if (at == null) {
          now.put(uuid, kept.begin(e));
        } else {
          kept.join(at, e);
        }
      }
    }
  }

  /** Groups each event by itself (its citation). */
  private static final Function<Seen, String> BY_EVENT = e -> e.citation().uuid();

  private String summary(List<Seen> events) {
    Seen e = events.get(0);
    StringBuilder sb = new StringBuilder(title);
    if (e.subject() != null) {
      sb.append(" for ").append(e.subject());
    }
    if (e.actor() != null && !e.selfService()) {
      sb.append(", by ").append(e.actor());
    }
    if (e.ip() != null) {
      sb.append(", from ").append(e.ip());
      if (e.asn() != null) {
        String asOrg = e.extra().asOrg();
        sb.append(" (AS").append(e.asn()).append(asOrg == null ? "" : " " + asOrg).append(')');
      }
    }
    List<String> objects = new ArrayList<>();
    for (Seen s : events) {
      for (LogEvent.Target t : s.targets()) {
        if (!"User".equals(t.type()) && t.displayName() != null) {
          objects.add(t.displayName());
        }
      }
      String scope = s.extra().scope();
      if (scope != null) {
        objects.add("scope " + scope);
      }
    }
    if (!objects.isEmpty()) {
      sb.append(": ").append(Drafts.join(objects));
    }
    return sb.append(events.size() > 1 ? " (" + events.size() + " events)" : "").append('.').toString();
  }

  /** The documented facts the containment planner acts on, from the targets and debug data. */
  static Map<String, String> facts(List<Seen> events) {
    Map<String, String> f = new LinkedHashMap<>();
    Seen e = events.get(0);
    f.put("userId", e.subjectId());
    f.put("actor", e.actor());
    f.put("sessionId", e.session());
    if (e.type().startsWith("user.mfa.factor.") || e.type().startsWith("system.mfa.factor.")) {
      // the factor a lifecycle event changed; an authentication's enrolment target is only the factor it used,
      // and the planner deletes the factors findings name
      put(f, "factorId", e, "AuthenticatorEnrollment");
    }
    put(f, "appId", e, "AppInstance");
    put(f, "appUserId", e, "AppUser");
    put(f, "groupId", e, "UserGroup");
    put(f, "tokenId", e, "Token");
    put(f, "idpId", e, "IdentityProvider");
    put(f, "zoneId", e, "NetworkZone");
    Seen.Extra extra = e.extra();
    f.put("clientId", extra.clientId());
    f.put("grantId", extra.grantId());
    f.put("roleId", extra.roleId());
    List<String> scopes = new ArrayList<>();
    events.forEach(s -> {
      String scope = s.extra().scope();
      if (scope != null) {
        scopes.add(scope);
      }
    });
    if (!scopes.isEmpty()) {
      f.put("scopes", Drafts.join(scopes));
    }
    return f;
  }

  private static void put(Map<String, String> f, String key, Seen e, String targetType) {
    LogEvent.Target t = e.target(targetType);
    if (t != null && t.id() != null) {
      f.put(key, t.id());
    }
  }

  /** Builds a rule; every rule needs a recommendation and severities. */
  static final class Builder {
    private final String id;
    private final String title;
    private final String technique;
    private final Set<String> types;
    private Severity base = Severity.LOW;
    private Severity severity = Severity.HIGH;
    private String recommendation = "";
    private Predicate<Seen> test = e -> true;
    private Function<Seen, String> group = BY_EVENT;
    private Function<Seen, Severity> baseOf;

    private Builder(String id, String title, String technique, Set<String> types) {
      this.id = id;
      this.title = title;
      this.technique = technique;
      this.types = types;
    }

    Builder severity(Severity base, Severity attributed) {
      this.base = base;
      this.severity = attributed;
      return this;
    }

    Builder baseBy(Function<Seen, Severity> baseOf) {
      this.baseOf = baseOf;
      return this;
    }

    Builder when(Predicate<Seen> test) {
      this.test = test;
      return this;
    }

    Builder groupBy(Function<Seen, String> group) {
      this.group = group;
      return this;
    }

    EventRule recommend(String text) {
      this.recommendation = text;
      return new EventRule(this);
    }
  }
}
