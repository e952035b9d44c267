package dev.oktair.sim.scenario;

import dev.oktair.sim.SimEvent;
import dev.oktair.sim.scenario.Model.App;
import dev.oktair.sim.scenario.Model.Device;
import dev.oktair.sim.scenario.Model.FactorKind;
import dev.oktair.sim.scenario.Model.Group;
import dev.oktair.sim.scenario.Model.Origin;
import dev.oktair.sim.scenario.Model.Person;
import dev.oktair.sim.scenario.Model.Policy;
import dev.oktair.sim.scenario.Model.RefreshToken;
import dev.oktair.sim.scenario.Model.Role;
import dev.oktair.sim.scenario.Model.Rule;
import dev.oktair.sim.scenario.ScenarioSpec.DeviceProfile;
import dev.oktair.sim.scenario.ScenarioSpec.NamedUser;
import dev.oktair.sim.scenario.ScenarioSpec.Network;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills a {@link Tenant} from a spec as it stood before the baseline window opens: people with
 * their habits and factors, groups, apps, assignments, roles, OAuth grants, tokens, policies.
 */
final class TenantBuilder {
  private final ScenarioSpec spec;
  private final Tenant tenant;
  private final Rand rand;
  private final Instant windowStart;
  private int deviceNumber = 1000;

  private TenantBuilder(ScenarioSpec spec, long seed, Instant anchor) {
    this.spec = spec;
    this.rand = Rand.stream(seed, "tenant");
    Rand ids = Rand.stream(seed, "ids");
    Instant orgCreated = anchor.minus(Durations.parse(spec.org().age() == null ? "1000d" : spec.org().age()));
    this.tenant = new Tenant(spec, anchor, orgCreated, ids, "okta." + ids.uuid(orgCreated));
    this.windowStart = anchor.minus(Duration.ofDays(spec.baseline().days()));
  }

  /** Returns the tenant of {@code spec} for {@code seed}, as it stood when the window opened. */
  static Tenant build(ScenarioSpec spec, long seed, Instant anchor) {
    TenantBuilder b = new TenantBuilder(spec, seed, anchor);
    spec.networks().forEach(n -> b.tenant.networks.put(n.key(), n));
    b.people();
    b.sharedDevices();
    b.groupsAndApps();
    b.oauth();
    b.apiTokens();
    b.policies();
    return b.tenant;
  }

  static SimEvent.Place place(ScenarioSpec.PlaceSpec p) {
    return new SimEvent.Place(p.city(), p.state(), p.country(), p.postalCode(), p.lat(), p.lon());
  }

  private void people() {
    Set<String> logins = new HashSet<>();
    for (NamedUser n : spec.users().named()) {
      logins.add(n.login());
      add(n, n.age() == null ? randomAge() : Durations.parse(n.age()));
    }
    Map<String, Integer> weights = new LinkedHashMap<>();
    spec.users().departments().forEach(d -> weights.put(d.name(), d.weight()));
    while (tenant.people.size() < spec.users().count()) {
      String first = rand.pick(spec.users().firstNames());
      String last = rand.pick(spec.users().lastNames());
      String login = (first + "." + last + "@" + spec.org().domain()).toLowerCase(java.util.Locale.ROOT);
      if (!logins.add(login)) {
        continue;
      }
      String dept = rand.weighted(weights);
      String title = spec.users().departments().stream().filter(d -> d.name().equals(dept))
          .findFirst().map(ScenarioSpec.Department::title).orElse("Employee");
      List<String> factors = new ArrayList<>();
      spec.users().factors().forEach((k, p) -> {
        if (rand.chance(p)) {
          factors.add(k);
        }
      });
      if (factors.isEmpty()) {
        factors.add("push");
      }
      add(new NamedUser(login, first, last, dept, title, null, null, null, factors, List.of(), null), randomAge());
    }
  }

  private Duration randomAge() {
    return Duration.ofDays(rand.between(spec.baseline().days() + 15, 1200)).plusMinutes(rand.nextInt(600));
  }

  private void add(NamedUser n, Duration age) {
    Instant created = tenant.anchor.minus(age);
    if (created.isBefore(tenant.orgCreated)) {
      created = tenant.orgCreated.plus(Duration.ofDays(1 + rand.nextInt(30)));
    }
    String homeNet = n.home() != null ? n.home() : rand.weighted(spec.users().networks());
    Device laptop = device(n.laptop() != null ? n.laptop() : rand.weighted(spec.users().laptops()));
    Device phone = device(n.phone() != null ? n.phone() : rand.weighted(spec.users().phones()));
    Person p = new Person(tenant.ids.oktaId("00u"), n.login(), n.firstName(), n.lastName(), n.department(),
        n.title(), created, personal(homeNet), office(), personal(kind("mobile")), laptop, phone,
        tenant.ids.oktaId("lae"), tenant.ids.alnum(4));
    p.passwordChanged = created.plus(Duration.ofMinutes(20 + rand.nextInt(600)));
    if (p.passwordChanged.isAfter(tenant.anchor)) {
      p.passwordChanged = created;
    }
    for (String f : n.factors()) {
      FactorKind kind = FactorKind.of(f);
      Instant at = created.plus(Duration.ofMinutes(25 + rand.nextInt(2000)));
      if (created.isBefore(windowStart) && at.isAfter(windowStart)) {
        at = windowStart.minus(Duration.ofHours(1));
      }
      tenant.enrol(p, kind, at, kind == FactorKind.SMS ? phoneNumber() : null,
          kind == FactorKind.WEBAUTHN ? laptop : phone, false);
    }
    for (String r : n.roles()) {
      p.roles.add(new Role(tenant.ids.oktaId("ra1"), r, created.plus(Duration.ofDays(1))));
    }
    p.lastUpdated = p.passwordChanged.isAfter(p.lastUpdated) ? p.passwordChanged : p.lastUpdated;
    tenant.people.add(p);
    tenant.byLogin.put(p.login, p);
  }

  private String phoneNumber() {
    return "+1617555" + String.format(java.util.Locale.ROOT, "%04d", 100 + rand.nextInt(100));
  }

  private String kind(String kind) {
    for (Network n : spec.networks()) {
      if (kind.equals(n.kind())) {
        return n.key();
      }
    }
    throw new IllegalArgumentException("scenario " + spec.name() + " has no network of kind " + kind);
  }

  private Origin office() {
    Network n = tenant.network(kind("office"));
    return new Origin(rand.pick(n.ips()), n, place(n.places().get(0)));
  }

  /** A personal address: stable per person, under the network's prefix. */
  private Origin personal(String key) {
    Network n = tenant.network(key);
    String ip = n.ips().isEmpty()
        ? n.prefix() + rand.between(1, 254) + "." + rand.between(2, 254)
        : rand.pick(n.ips());
    return new Origin(ip, n, place(rand.pick(n.places())));
  }

  private Device device(String key) {
    DeviceProfile profile = spec.devices().stream().filter(d -> d.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("scenario " + spec.name() + " names unknown device '" + key + "'"));
    String name = profile.name() == null ? "" : profile.name().replace("{n}", Integer.toString(deviceNumber++));
    return new Device(profile, tenant.ids.oktaId("guo"), name, rand.hex(64), rand.hex(32));
  }

  /** Devices no person owns (the attacker's) exist once, by their profile key. */
  private void sharedDevices() {
    Set<String> owned = new HashSet<>();
    spec.users().laptops().keySet().forEach(owned::add);
    spec.users().phones().keySet().forEach(owned::add);
    for (NamedUser n : spec.users().named()) {
      owned.add(n.laptop());
      owned.add(n.phone());
    }
    for (DeviceProfile d : spec.devices()) {
      if (!owned.contains(d.key())) {
        tenant.devices.put(d.key(), device(d.key()));
      }
    }
  }

  private void groupsAndApps() {
    for (ScenarioSpec.GroupSpec gs : spec.groups()) {
      boolean builtIn = "BUILT_IN".equals(gs.type());
      Instant created = builtIn ? tenant.orgCreated : tenant.orgCreated.plus(Duration.ofDays(1 + rand.nextInt(60)));
      tenant.groups.add(new Group(gs, tenant.ids.oktaId("00g"), created));
    }
    for (ScenarioSpec.AppSpec as : spec.apps()) {
      Instant created = as.builtIn() ? tenant.orgCreated : tenant.orgCreated.plus(Duration.ofDays(2 + rand.nextInt(90)));
      tenant.apps.add(new App(as, tenant.ids.oktaId("0oa"), created));
    }
    for (Group g : tenant.groups) {
      for (Person p : members(g.spec)) {
        Instant at = latest(p.created, g.created).plus(Duration.ofMinutes(1 + rand.nextInt(90)));
        tenant.addMember(g, p, at, false);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private List<Person> members(ScenarioSpec.GroupSpec g) {
    Object m = g.members();
    if ("all".equals(m)) {
      return tenant.people;
    }
    List<Person> out = new ArrayList<>();
    if (m instanceof Map<?, ?> map && map.get("department") != null) {
      String dept = map.get("department").toString();
      tenant.people.stream().filter(p -> dept.equals(p.department)).forEach(out::add);
    } else if (m instanceof Map<?, ?> map && map.get("logins") instanceof List<?> logins) {
      ((List<String>) logins).forEach(l -> out.add(tenant.person(l)));
    } else if (m != null) {
      throw new IllegalArgumentException("group " + g.name() + ": members must be all, {department: X} or {logins: [...]}");
    }
    return out;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Users who had the native app with refresh tokens consented before the window opened. */
  private void oauth() {
    for (App app : tenant.apps) {
      ScenarioSpec.OAuth o = app.spec().oauth();
      if (o == null || !o.refreshTokens()) {
        continue;
      }
      for (Person p : tenant.people) {
        if (tenant.assignment(p, app, windowStart) == null || !rand.chance(0.8)) {
          continue;
        }
        Instant at = latest(p.created, app.created()).plus(Duration.ofDays(rand.nextInt(20))).plus(Duration.ofMinutes(rand.nextInt(600)));
        if (at.isAfter(windowStart)) {
          continue;
        }
        if ("REQUIRED".equals(o.consent())) {
          for (String scope : o.scopes()) {
            tenant.grants.add(new Model.Grant(tenant.ids.oktaId("oag"), p, app, scope, tenant.scopeId(scope), at, false));
          }
        }
        tenant.refreshTokens.add(new RefreshToken(tenant.ids.oktaId("oar"), p, app, o.scopes(), at, false));
      }
    }
  }

  private void apiTokens() {
    for (ScenarioSpec.ApiTokenSpec t : spec.security().apiTokens()) {
      Instant at = tenant.anchor.minus(Durations.parse(t.age()));
      tenant.apiTokens.add(new Model.ApiToken(tenant.ids.oktaId("00T"), t.name(), tenant.person(t.creator()), at,
          t.network() == null ? "ANYWHERE" : t.network(), false));
    }
  }

  private void policies() {
    for (ScenarioSpec.PolicySpec ps : spec.security().policies()) {
      List<Rule> rules = new ArrayList<>();
      for (ScenarioSpec.RuleSpec rs : ps.rules()) {
        rules.add(new Rule(rs, tenant.ids.oktaId("0pr"), rules.size() + 1));
      }
      tenant.policies.add(new Policy(ps, tenant.ids.oktaId("00p"), tenant.orgCreated.plus(Duration.ofDays(3)), rules));
    }
  }
}
