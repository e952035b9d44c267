package dev.oktair.sim.scenario;

import dev.oktair.sim.SimEvent;
import dev.oktair.sim.scenario.Flows.Answer;
import dev.oktair.sim.scenario.Model.App;
import dev.oktair.sim.scenario.Model.Assignment;
import dev.oktair.sim.scenario.Model.Factor;
import dev.oktair.sim.scenario.Model.Group;
import dev.oktair.sim.scenario.Model.Person;
import dev.oktair.sim.scenario.Model.RefreshToken;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Everyday life in the tenant over the baseline window: each person signs in on working days
 * from home or the office on their own laptop, SSOs into their apps through the day, now and then
 * mistypes a password or misses a push, signs out, reads mail on the phone in the evening, and
 * their mobile app refreshes its tokens. New hires are created, added to groups and enrol factors.
 */
final class Baseline {
  private final Flows flows;
  private final Events ev;
  private final Tenant tenant;
  private final Rand rand;
  private final ScenarioSpec.Baseline habits;
  private final Instant windowStart;
  // parsed once: a parse per person and day was a twentieth of the build (issue 16)
  private final LocalTime workStart;
  private final LocalTime workEnd;
  private static final LocalTime MORNING = LocalTime.of(7, 0);

  Baseline(Flows flows, Rand rand) {
    this.flows = flows;
    this.ev = flows.events();
    this.tenant = ev.tenant();
    this.rand = rand;
    this.habits = tenant.spec.baseline();
    this.windowStart = tenant.anchor.minus(Duration.ofDays(habits.days()));
    this.workStart = LocalTime.parse(habits.workStart());
    this.workEnd = LocalTime.parse(habits.workEnd());
  }

  void run() {
    LocalDate first = windowStart.atZone(tenant.zone).toLocalDate();
    LocalDate last = tenant.anchor.atZone(tenant.zone).toLocalDate();
    for (Person p : tenant.people) {
      if (p.created.isAfter(windowStart)) {
        onboard(p);
      }
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        day(p, d);
      }
    }
  }

  private Instant local(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(tenant.zone).toInstant();
  }

  private void day(Person p, LocalDate day) {
    boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    boolean works = rand.chance(weekend ? habits.weekend() : habits.presence());
    refreshMobile(p, day, works ? habits.mobileRefresh() : 1);
    Instant start = local(day, workStart).plusSeconds(rand.between(-40 * 60, 50 * 60));
    if (!works || start.isBefore(p.created.plus(Duration.ofHours(2)))) {
      return;
    }
    Visit v = Visit.usual(p, !weekend && rand.chance(habits.office()) ? p.office : p.home, p.laptop);
    if (p.passwordLostAt != null && start.isAfter(p.passwordLostAt)) {
      // Someone else changed the password: the person's own attempts now fail.
      flows.signIn(v, start, null, true, Answer.APPROVE);
      flows.signIn(v, start.plusSeconds(20 + rand.nextInt(60)), null, true, Answer.APPROVE);
      return;
    }
    Instant end = weekend ? start.plus(Duration.ofMinutes(30 + rand.nextInt(90)))
        : local(day, workEnd).plusSeconds(rand.between(-50 * 60, 60 * 60));
    String session = signIn(v, start);
    if (session != null) {
      work(v.session(session), start, end, false);
      if (rand.chance(habits.logout())) {
        flows.signOut(v.session(session), end);
      }
    }
    if (rand.chance(habits.secondSignIn())) {
      Instant evening = end.plus(Duration.ofMinutes(60 + rand.nextInt(180)));
      Visit phone = Visit.usual(p, rand.chance(0.5) ? p.home : p.cellular, p.phone);
      String s2 = signIn(phone, evening);
      if (s2 != null) {
        work(phone.session(s2), evening, evening.plus(Duration.ofMinutes(10 + rand.nextInt(40))), true);
      }
    }
  }

  private String signIn(Visit v, Instant at) {
    Factor f = pickFactor(v.user(), at);
    if (rand.chance(habits.passwordTypo())) {
      flows.signIn(v, at.minusSeconds(25 + rand.nextInt(40)), f, true, Answer.APPROVE);
    }
    if (f != null && "push".equals(f.kind) && rand.chance(habits.mfaTimeout())) {
      flows.signIn(v, at.minusSeconds(120 + rand.nextInt(60)), f, false, Answer.UNANSWERED);
    }
    return flows.signIn(v, at, f, false, Answer.APPROVE);
  }

  /** Push most of the time, else whatever else the person has (never the attacker's factors). */
  private Factor pickFactor(Person p, Instant at) {
    List<Factor> own = new ArrayList<>();
    for (Factor f : p.activeFactors(at)) {
      if (!f.rogue) {
        own.add(f);
      }
    }
    if (own.isEmpty()) {
      return null;
    }
    for (Factor f : own) {
      if ("push".equals(f.kind) && rand.chance(0.75)) {
        return f;
      }
    }
    return rand.pick(own);
  }

  /** SSO into the person's apps at random moments of the session. */
  private void work(Visit v, Instant start, Instant end, boolean light) {
    long span = Math.max(60, Duration.between(start, end).getSeconds() - 60);
    List<Map.Entry<Instant, Assignment>> plan = new ArrayList<>();
    for (Assignment a : tenant.assignmentsOf(v.user(), start)) {
      double use = a.app.spec().use() * (light ? 0.3 : 1.0);
      if (a.rogue || a.app.spec().builtIn() || !rand.chance(use)) {
        continue;
      }
      int times = light ? 1 : 1 + (use > 0.6 ? rand.nextInt(3) : 0);
      for (int i = 0; i < times; i++) {
        plan.add(Map.entry(start.plusSeconds(60 + rand.nextLong(span)), a));
      }
    }
    plan.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
    for (Map.Entry<Instant, Assignment> e : plan) {
      flows.sso(v, e.getKey(), e.getValue());
    }
  }

  private void refreshMobile(Person p, LocalDate day, int count) {
    for (RefreshToken rt : tenant.refreshTokens) {
      if (rt.user != p || rt.rogue) {
        continue;
      }
      for (int i = 0; i < count; i++) {
        Instant t = local(day, MORNING).plusSeconds(rand.nextLong(15 * 3600));
        if (t.isBefore(rt.created)) {
          continue;
        }
        Visit v = Visit.usual(p, rand.chance(0.6) ? p.cellular : p.home, p.phone);
        SimEvent e = flows.oauth(v, t, rt.client, "app.oauth2.as.token.grant.access_token", "refresh_token");
        ev.emit(t, e.debug("refreshTokenId", rt.id));
        if (ev.inWindow(t) && t.isAfter(rt.lastUpdated)) {
          rt.lastUpdated = t;
        }
      }
    }
  }

  /** A person created inside the window: the admin creates and activates them, groups follow. */
  private void onboard(Person p) {
    Person admin = tenant.people.stream().filter(x -> x.roles.stream().anyMatch(r -> r.type().equals("SUPER_ADMIN")))
        .findFirst().orElse(tenant.people.get(0));
    Visit av = Visit.usual(admin, admin.office, admin.laptop);
    av = av.session(flows.signIn(av, p.created.minusSeconds(300), Actions.secondFactor(admin, p.created), false, Answer.APPROVE));
    SimEvent create = ev.request("user.lifecycle.create", p.created, av, "/api/v1/users")
        .displayMessage("Create Okta user").legacyEventType("core.user.config.user_creation.success");
    ev.emit(p.created, ev.userTarget(create, p));
    Instant t = p.created.plusSeconds(40);
    SimEvent activate = ev.request("user.lifecycle.activate", t, av, "/api/v1/users/" + p.id + "/lifecycle/activate")
        .displayMessage("Activate Okta user").legacyEventType("core.user.config.user_activated");
    ev.emit(t, ev.userTarget(activate, p));
    for (Group g : tenant.groups) {
      Instant joined = g.members.get(p);
      if (joined == null || "BUILT_IN".equals(g.spec.type())) {
        continue;
      }
      SimEvent add = ev.request("group.user_membership.add", joined, av, "/api/v1/groups/" + g.id + "/users/" + p.id)
          .displayMessage("Add user to group membership").legacyEventType("core.user_group_member.user_add");
      ev.emit(joined, ev.userTarget(add, p).target(g.id, "UserGroup", "unknown", g.name()));
    }
    for (Assignment a : tenant.assignments) {
      if (a.user == p && a.viaGroup != null && !a.app.spec().builtIn()) {
        SimEvent e = ev.system("application.user_membership.add", a.created.plusMillis(300))
            .displayMessage("Add user to application membership").legacyEventType("app.user_management.user_added");
        e.target(a.eventId, "AppUser", p.login, p.displayName());
        ev.appTarget(e, a.app);
        ev.emit(a.created.plusMillis(300), ev.userTarget(e, p));
      }
    }
    enrolments(p);
  }

  private void enrolments(Person p) {
    for (Factor f : p.factors) {
      if (f.rogue || f.created.isBefore(p.created.plusSeconds(60))) {
        continue;
      }
      Visit v = Visit.usual(p, p.home, f.device.mobile() ? p.phone : p.laptop).session(rand.sessionId());
      flows.factorChange(v, f.created, f, true, "/idp/idx/challenge/answer");
    }
  }
}
