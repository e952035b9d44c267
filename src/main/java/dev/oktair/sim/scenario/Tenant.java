package dev.oktair.sim.scenario;

import dev.oktair.sim.scenario.Model.ApiToken;
import dev.oktair.sim.scenario.Model.App;
import dev.oktair.sim.scenario.Model.Assignment;
import dev.oktair.sim.scenario.Model.Device;
import dev.oktair.sim.scenario.Model.Factor;
import dev.oktair.sim.scenario.Model.FactorKind;
import dev.oktair.sim.scenario.Model.Grant;
import dev.oktair.sim.scenario.Model.Group;
import dev.oktair.sim.scenario.Model.Origin;
import dev.oktair.sim.scenario.Model.Person;
import dev.oktair.sim.scenario.Model.Policy;
import dev.oktair.sim.scenario.Model.RefreshToken;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant's state while a scenario runs, with the lookups steps need and the mutations they
 * make. {@link TenantBuilder} fills it from the spec. Not thread-safe.
 */
final class Tenant {
  final ScenarioSpec spec;
  final Instant anchor;
  final Instant orgCreated;
  final ZoneId zone;
  final Rand ids;
  final Map<String, ScenarioSpec.Network> networks = new LinkedHashMap<>();
  final Map<String, Device> devices = new LinkedHashMap<>();
  final List<Person> people = new ArrayList<>();
  final Map<String, Person> byLogin = new LinkedHashMap<>();
  final List<Group> groups = new ArrayList<>();
  final List<App> apps = new ArrayList<>();
  /** Every assignment in the order made; add through {@link #assign}, which indexes it by user. */
  final List<Assignment> assignments = new ArrayList<>();
  /**
   * Each person's assignments, in the order made: a visit looks its user's up, and a scan of
   * every assignment per visit was a tenth of building a history (issue 16).
   */
  private final Map<Person, List<Assignment>> byUser = new IdentityHashMap<>();
  final List<Grant> grants = new ArrayList<>();
  final List<RefreshToken> refreshTokens = new ArrayList<>();
  final List<ApiToken> apiTokens = new ArrayList<>();
  final List<Policy> policies = new ArrayList<>();
  /** The Okta Dashboard's OAuth client id as it appears in {@code client.id} ({@code okta.<uuid>}). */
  final String dashboardClientId;

  Tenant(ScenarioSpec spec, Instant anchor, Instant orgCreated, Rand ids, String dashboardClientId) {
    this.spec = spec;
    this.anchor = anchor;
    this.orgCreated = orgCreated;
    this.zone = ZoneId.of(spec.org().timezone() == null ? "UTC" : spec.org().timezone());
    this.ids = ids;
    this.dashboardClientId = dashboardClientId;
  }

  String orgUrl() {
    return "https://" + spec.org().oktaDomain();
  }

  String issuer() {
    return orgUrl() + "/oauth2/" + spec.security().authorizationServer();
  }

  Person person(String login) {
    Person p = byLogin.get(login);
    if (p == null) {
      throw new IllegalArgumentException("scenario " + spec.name() + " names unknown user '" + login + "'");
    }
    return p;
  }

  Group group(String name) {
    for (Group g : groups) {
      if (g.name().equals(name)) {
        return g;
      }
    }
    throw new IllegalArgumentException("scenario " + spec.name() + " names unknown group '" + name + "'");
  }

  App app(String key) {
    for (App a : apps) {
      if (a.spec().key().equals(key)) {
        return a;
      }
    }
    throw new IllegalArgumentException("scenario " + spec.name() + " names unknown app '" + key + "'");
  }

  Device device(String key) {
    Device d = devices.get(key);
    if (d == null) {
      throw new IllegalArgumentException("scenario " + spec.name() + " names unknown device '" + key + "'");
    }
    return d;
  }

  ScenarioSpec.Network network(String key) {
    ScenarioSpec.Network n = networks.get(key);
    if (n == null) {
      throw new IllegalArgumentException("scenario " + spec.name() + " names unknown network '" + key + "'");
    }
    return n;
  }

  /** Returns the first address of a network with a fixed list (attacker infrastructure, offices). */
  Origin fixedOrigin(String networkKey) {
    ScenarioSpec.Network n = network(networkKey);
    ScenarioSpec.PlaceSpec p = n.places().get(0);
    return new Origin(n.ips().isEmpty() ? n.prefix() + "0.1" : n.ips().get(0), n, TenantBuilder.place(p));
  }

  /** Returns the person's assignment to the app that exists at {@code at}, or null. */
  Assignment assignment(Person user, App app, Instant at) {
    for (Assignment a : assignmentsOf(user)) {
      if (a.app == app && !a.created.isAfter(at)) {
        return a;
      }
    }
    return null;
  }

  /**
   * Returns the apps the person may use at {@code at}, in the order of the spec: each app once,
   * by its first assignment (an app is one object, its id its own, so identity is its equality).
   */
  List<Assignment> assignmentsOf(Person user, Instant at) {
    List<Assignment> out = new ArrayList<>();
    for (Assignment a : assignmentsOf(user)) {
      if (!a.created.isAfter(at) && !hasApp(out, a.app)) {
        out.add(a);
      }
    }
    return out;
  }

  /** Assigns a user to an app (directly when {@code via} is null) unless already assigned. */
  Assignment assign(App app, Person user, Group via, Instant at, boolean rogue) {
    for (Assignment a : assignmentsOf(user)) {
      if (a.app == app && (via == null) == (a.viaGroup == null)) {
        return a;
      }
    }
    Assignment a = new Assignment(app, user, via, at, ids.oktaId("0ua"), rogue);
    assignments.add(a);
    byUser.computeIfAbsent(user, u -> new ArrayList<>()).add(a);
    return a;
  }

  private static boolean hasApp(List<Assignment> assignments, App app) {
    for (Assignment a : assignments) {
      if (a.app == app) {
        return true;
      }
    }
    return false;
  }

  /** Returns the person's assignments in the order made. */
  private List<Assignment> assignmentsOf(Person user) {
    return byUser.getOrDefault(user, List.of());
  }

  /** Adds a member to a group and assigns the group's apps to them. */
  void addMember(Group g, Person user, Instant at, boolean rogue) {
    g.members.putIfAbsent(user, at);
    g.lastMembershipUpdated = at;
    for (App app : apps) {
      if (app.spec().groups().contains(g.name())) {
        assign(app, user, g, at, rogue);
      }
    }
  }

  private final Map<String, String> scopeIds = new LinkedHashMap<>();

  /** Returns the id of a scope of the authorization server: one id per scope name. */
  String scopeId(String scope) {
    return scopeIds.computeIfAbsent(scope, s -> ids.oktaId("scp"));
  }

  /** Enrols a factor; returns it. */
  Factor enrol(Person user, FactorKind kind, Instant at, String phone, Device device, boolean rogue) {
    Factor f = new Factor(ids.oktaId(kind.idPrefix), kind, user, at, phone, device, rogue);
    user.factors.add(f);
    user.lastUpdated = at;
    return f;
  }
}
