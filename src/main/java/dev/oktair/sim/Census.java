package dev.oktair.sim;

import dev.oktair.events.LogEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tenant a System Log implies, counted event by event ({@link LogTenant}): every {@code User},
 * {@code AppInstance} and {@code UserGroup} an actor or target names (by id; the log's latest login
 * and name), each user's status from its latest lifecycle event and last sign-in, app assignments
 * from membership events and SSO (a user who signed in to an app was assigned to it before the
 * log began), group memberships from membership events, and API tokens created and not revoked.
 * Okta keeps a login unique: when the log gives one login several ids, the id seen last holds it
 * and the others are users since deleted, as when a login is reused. Objects the log does not see
 * created predate it by a day. One user the log does not show is added: a super administrator
 * ({@link #ADMIN_ID}), who owns the simulator's API token. Not thread-safe (the reading thread only).
 */
final class Census {
  /** How long before the log's first event the objects it does not see created were made. */
  static final Duration BEFORE_LOG = Duration.ofDays(1);
  /**
   * The super administrator the simulator's own API token belongs to, one the log need not show:
   * without it the token went to the first active user, often the victim, and a plan revoked the
   * very credential it was made with.
   */
  static final String ADMIN_ID = Ids.derived("00u", "log-rehearsal-admin");
  /** Links point at this origin until the simulator moves them onto its own. */
  private static final String ORIGIN = "https://org.okta.invalid";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Map<String, String> STATUS = Map.of(
      "user.lifecycle.activate", "ACTIVE", "user.lifecycle.reactivate", "ACTIVE",
      "user.lifecycle.unsuspend", "ACTIVE", "user.lifecycle.suspend", "SUSPENDED",
      "user.lifecycle.deactivate", "DEPROVISIONED", "user.account.lock", "LOCKED_OUT",
      "user.account.unlock", "ACTIVE", "user.account.unlock_by_admin", "ACTIVE");
  /** Okta catalog app names by a word of the label, so the fake SPs know the apps they stand for. */
  private static final Map<String, String> CATALOG = new LinkedHashMap<>(Map.of(
      "office 365", "office365", "microsoft", "office365", "salesforce", "salesforce", "aws", "amazon_aws",
      "amazon", "amazon_aws", "slack", "slack", "github", "githubcloud", "google", "google",
      "okta dashboard", "okta_enduser", "okta admin console", "saasure"));

  /** A user as the log shows it. */
  private static final class Person {
    final String id;
    String login;
    String name;
    Instant lastSeen = Instant.MIN;
    Instant lastLogin;
    String status = "ACTIVE";
    Instant statusAt = Instant.MIN;
    Instant created;

    Person(String id) {
      this.id = id;
    }
  }

  /**
   * The latest membership change seen.
   *
   * @param present whether the membership holds after it
   * @param at when (null: it held before the log began)
   */
  private record Change(boolean present, Instant at) {
    boolean after(Change other) {
      return other == null || (at != null && (other.at == null || !at.isBefore(other.at)));
    }
  }

  /** An API token the log shows created, and whether it was revoked. */
  private static final class Token {
    String name;
    String owner;
    Instant created;
    boolean revoked;
  }

  private final Map<String, Person> users = new LinkedHashMap<>();
  private final Map<String, String> apps = new LinkedHashMap<>();
  private final Map<String, String> groups = new LinkedHashMap<>();
  private final Map<String, Map<String, Change>> assignments = new LinkedHashMap<>();
  private final Map<String, Map<String, Change>> members = new LinkedHashMap<>();
  private final Map<String, Token> tokens = new LinkedHashMap<>();
  private Instant first;
  private Instant last;

  /** Counts one event published at {@code at} (null: no time, counted for its objects only). */
  void see(LogTenant.Sighting s, Instant at) {
    if (at != null) {
      first = first == null || at.isBefore(first) ? at : first;
      last = last == null || at.isAfter(last) ? at : last;
    }
    Instant when = at == null ? Instant.MIN : at;
    Person actor = person(s.actor().type(), s.actor().id(), s.actor().alternateId(), s.actor().displayName(), when);
    for (LogEvent.Target t : s.targets()) {
      object(t, when);
    }
    if (s.success() && at != null) {
      changes(s, actor, at);
    }
  }

  Instant first() {
    return first;
  }

  Instant last() {
    return last;
  }

  private void object(LogEvent.Target t, Instant when) {
    if (!LogTenant.present(t.id())) {
      return;
    }
    if ("AppInstance".equals(t.type())) {
      apps.merge(t.id(), label(t), (old, now) -> old);
    } else if ("UserGroup".equals(t.type())) {
      groups.merge(t.id(), label(t), (old, now) -> old);
    } else {
      person(t.type(), t.id(), t.alternateId(), t.displayName(), when);
    }
  }

  private static String label(LogEvent.Target t) {
    return LogTenant.present(t.displayName()) ? t.displayName() : LogTenant.present(t.alternateId()) ? t.alternateId() : t.id();
  }

  /** Notes a {@code User} actor or target; returns it, or null for anything else. */
  private Person person(String type, String id, String login, String name, Instant when) {
    if (!"User".equals(type) || !LogTenant.present(id)) {
      return null;
    }
    Person p = users.computeIfAbsent(id, Person::new);
    if (!when.isBefore(p.lastSeen) || p.login == null) {
      p.login = LogTenant.present(login) ? login : p.login;
      p.name = LogTenant.present(name) ? name : p.name;
    }
    if (when.isAfter(p.lastSeen)) {
      p.lastSeen = when;
    }
    return p;
  }

  /** What a successful event changes: sign-ins, statuses, assignments, memberships, tokens. */
  private void changes(LogTenant.Sighting s, Person actor, Instant at) {
    String type = s.eventType();
    LogEvent.Target user = s.target("User");
    if ("user.session.start".equals(type) && actor != null && (actor.lastLogin == null || at.isAfter(actor.lastLogin))) {
      actor.lastLogin = at;
    }
    Person subject = user == null ? null : users.get(user.id());
    if (subject != null && STATUS.containsKey(type) && !at.isBefore(subject.statusAt)) {
      subject.status = STATUS.get(type);
      subject.statusAt = at;
    }
    if (subject != null && "user.lifecycle.create".equals(type) && (subject.created == null || at.isBefore(subject.created))) {
      subject.created = at;
    }
    LogEvent.Target app = s.target("AppInstance");
    if ("user.authentication.sso".equals(type) && actor != null && app != null) {
      change(assignments, app.id(), actor.id, new Change(true, null));
    }
    if (type.startsWith("application.user_membership.") && subject != null && app != null) {
      change(assignments, app.id(), subject.id, new Change(type.endsWith(".add"), at));
    }
    LogEvent.Target group = s.target("UserGroup");
    if (type.startsWith("group.user_membership.") && subject != null && group != null) {
      change(members, group.id(), subject.id, new Change(type.endsWith(".add"), at));
    }
    token(type, s.target("Token"), actor, at);
  }

  private static void change(Map<String, Map<String, Change>> all, String owner, String userId, Change c) {
    Map<String, Change> m = all.computeIfAbsent(owner, k -> new LinkedHashMap<>());
    if (c.after(m.get(userId))) {
      m.put(userId, c);
    }
  }

  private void token(String type, LogEvent.Target t, Person actor, Instant at) {
    if (t == null || !t.id().startsWith("00T")) {
      return;
    }
    if ("system.api_token.create".equals(type) && actor != null) {
      Token k = tokens.computeIfAbsent(t.id(), id -> new Token());
      k.name = label(t);
      k.owner = actor.id;
      k.created = at;
    } else if ("system.api_token.revoke".equals(type) && tokens.containsKey(t.id())) {
      tokens.get(t.id()).revoked = true;
    }
  }

  /** Returns the tenant counted so far, anchored at {@code anchor}, without a history. */
  TenantSeed seed(Instant anchor) {
    Instant before = (first == null ? anchor : first).minus(BEFORE_LOG);
    List<Person> kept = loginHolders();
    Set<String> ids = new java.util.HashSet<>();
    kept.forEach(p -> ids.add(p.id));
    TenantSeed empty = TenantSeed.empty(anchor);
    String example = kept.stream().max(Comparator.comparing((Person p) -> p.lastSeen)).map(p -> p.login).orElse("nobody@example.invalid");
    List<JsonNode> people = new ArrayList<>(kept.stream().map(p -> user(p, before)).toList());
    Person admin = new Person(ADMIN_ID);
    admin.login = "okta-ir.rehearsal@example.invalid";
    admin.name = "Rehearsal Admin";
    people.add(user(admin, before));
    return new TenantSeed(anchor, people, groupObjects(before), memberships(ids), appObjects(before),
        appUsers(ids, before), Map.of(), Map.of(ADMIN_ID, List.of(superAdmin(before))), Map.of(), List.of(), Map.of(),
        tokenObjects(ids), empty.threatInsight(), List.of(), Map.of(), List.of(),
        new TenantSeed.Story("log", example, List.of(), first == null ? anchor : first, List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of()));
  }

  /** A super administrator's role, held since before the log. */
  private static JsonNode superAdmin(Instant before) {
    return F.objectNode().put("id", Ids.derived("ra1", "log-rehearsal-admin")).put("type", "SUPER_ADMIN")
        .put("label", "Super Administrator").put("status", "ACTIVE").put("assignmentType", "USER")
        .put("created", Ids.time(before)).put("lastUpdated", Ids.time(before));
  }

  /** Returns the users that hold their login: per login, the one seen last. */
  private List<Person> loginHolders() {
    Map<String, Person> byLogin = new HashMap<>();
    for (Person p : users.values()) {
      String key = (p.login == null ? p.id : p.login).toLowerCase(Locale.ROOT);
      Person other = byLogin.get(key);
      if (other == null || p.lastSeen.isAfter(other.lastSeen)) {
        byLogin.put(key, p);
      }
    }
    List<Person> out = new ArrayList<>();
    users.values().forEach(p -> {
      if (byLogin.containsValue(p)) {
        out.add(p);
      }
    });
    return out;
  }

  private static JsonNode user(Person p, Instant before) {
    Instant created = p.created != null ? p.created : before;
    String login = p.login != null ? p.login : p.id;
    String[] name = names(p.name != null ? p.name : login);
    ObjectNode u = F.objectNode().put("id", p.id).put("status", p.status).put("created", Ids.time(created))
        .put("activated", Ids.time(created)).put("statusChanged", Ids.time(p.statusAt.isAfter(created) ? p.statusAt : created))
        .put("lastLogin", p.lastLogin == null ? null : Ids.time(p.lastLogin)).put("lastUpdated", Ids.time(created))
        .putNull("passwordChanged");
    u.putObject("type").put("id", Ids.derived("oty", "default"));
    u.putObject("profile").put("firstName", name[0]).put("lastName", name[1]).putNull("mobilePhone")
        .putNull("secondEmail").put("login", login).put("email", login.contains("@") ? login : login + "@example.invalid");
    ObjectNode cred = u.putObject("credentials");
    cred.putObject("password");
    cred.putObject("provider").put("type", "OKTA").put("name", "OKTA");
    u.set("_links", links("self", "/api/v1/users/" + p.id));
    return u;
  }

  /** "First Last" split at its last space; one word is both. */
  private static String[] names(String display) {
    int space = display.trim().lastIndexOf(' ');
    return space > 0 ? new String[] {display.substring(0, space).trim(), display.substring(space + 1)}
        : new String[] {display.trim(), display.trim()};
  }

  private List<JsonNode> groupObjects(Instant before) {
    List<JsonNode> out = new ArrayList<>();
    groups.forEach((id, name) -> {
      ObjectNode g = F.objectNode().put("id", id).put("created", Ids.time(before)).put("lastUpdated", Ids.time(before))
          .put("lastMembershipUpdated", Ids.time(before)).put("type", "OKTA_GROUP");
      g.putArray("objectClass").add("okta:user_group");
      g.putObject("profile").put("name", name).putNull("description");
      g.set("_links", links("self", "/api/v1/groups/" + id, "users", "/api/v1/groups/" + id + "/users"));
      out.add(g);
    });
    return out;
  }

  private Map<String, List<String>> memberships(Set<String> kept) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    members.forEach((group, changes) -> {
      List<String> ids = new ArrayList<>();
      changes.forEach((user, c) -> {
        if (c.present() && kept.contains(user)) {
          ids.add(user);
        }
      });
      out.put(group, ids);
    });
    return out;
  }

  private List<JsonNode> appObjects(Instant before) {
    List<JsonNode> out = new ArrayList<>();
    apps.forEach((id, label) -> {
      ObjectNode a = F.objectNode().put("id", id).put("name", catalogName(label)).put("label", label)
          .put("status", "ACTIVE").put("lastUpdated", Ids.time(before)).put("created", Ids.time(before))
          .put("signOnMode", "SAML_2_0");
      a.putArray("features");
      a.putObject("credentials").putObject("userNameTemplate").put("template", "${source.login}").put("type", "BUILT_IN");
      a.set("_links", links("self", "/api/v1/apps/" + id, "users", "/api/v1/apps/" + id + "/users"));
      out.add(a);
    });
    return out;
  }

  /** The catalog name of a known app, else the name Okta gives a custom app: its label, in lower case, then "_1". */
  private static String catalogName(String label) {
    String l = label.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> e : CATALOG.entrySet()) {
      if (l.contains(e.getKey())) {
        return e.getValue();
      }
    }
    String slug = l.replaceAll("[^a-z0-9]+", "");
    return (slug.isEmpty() ? "app" : slug) + "_1";
  }

  private Map<String, List<JsonNode>> appUsers(Set<String> kept, Instant before) {
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    assignments.forEach((app, changes) -> {
      List<JsonNode> list = new ArrayList<>();
      changes.forEach((user, c) -> {
        if (c.present() && kept.contains(user) && apps.containsKey(app)) {
          String created = Ids.time(c.at() == null ? before : c.at());
          ObjectNode au = F.objectNode().put("id", user).putNull("externalId").put("created", created)
              .put("lastUpdated", created).put("scope", "USER").put("status", "ACTIVE").put("statusChanged", created)
              .putNull("passwordChanged").put("syncState", "DISABLED");
          au.putObject("credentials").put("userName", users.get(user).login == null ? user : users.get(user).login);
          au.putObject("profile");
          au.set("_links", links("app", "/api/v1/apps/" + app, "user", "/api/v1/users/" + user));
          list.add(au);
        }
      });
      out.put(app, list);
    });
    return out;
  }

  private List<JsonNode> tokenObjects(Set<String> kept) {
    List<JsonNode> out = new ArrayList<>();
    tokens.forEach((id, k) -> {
      if (!k.revoked && kept.contains(k.owner)) {
        ObjectNode t = F.objectNode().put("id", id).put("name", k.name).put("userId", k.owner)
            .put("clientName", "Okta API").put("created", Ids.time(k.created)).put("lastUpdated", Ids.time(k.created))
            .put("expiresAt", Ids.time(k.created.plus(Duration.ofDays(30)))).put("tokenWindow", "P30D");
        t.putObject("network").put("connection", "ANYWHERE");
        t.set("_links", links("user", "/api/v1/users/" + k.owner));
        out.add(t);
      }
    });
    return out;
  }

  private static ObjectNode links(String... relAndPath) {
    ObjectNode l = F.objectNode();
    for (int i = 0; i < relAndPath.length; i += 2) {
      l.putObject(relAndPath[i]).put("href", ORIGIN + relAndPath[i + 1]);
    }
    return l;
  }
}
