package dev.oktair.sim.scenario;

import dev.oktair.sim.SimEvent;
import dev.oktair.sim.scenario.Flows.Answer;
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
import dev.oktair.sim.scenario.Model.RefreshToken;
import dev.oktair.sim.scenario.ScenarioSpec.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the steps of a scenario file (background changes and attack steps): each emits the events
 * real Okta writes for it and changes the tenant the way the API would then show it. Named
 * sessions let later steps act inside an earlier sign-in. Not thread-safe.
 */
final class Actions {
  private final Flows flows;
  private final Events ev;
  private final Tenant tenant;
  private final Rand rand;
  private final StoryLog story;
  private final Map<String, Visit> sessions = new HashMap<>();
  private final AdminSteps admin;

  Actions(Flows flows, StoryLog story) {
    this.flows = flows;
    this.ev = flows.events();
    this.tenant = ev.tenant();
    this.rand = ev.rand();
    this.story = story;
    this.admin = new AdminSteps(this, ev, story);
  }

  /** Runs one step at {@code at}; {@code attack} marks what it creates as the attacker's. */
  void run(Step s, Instant at, boolean attack) {
    if (attack) {
      story.attackAt(at);
    }
    switch (s.action()) {
      case "threat.detected" -> threat(s, at);
      case "signin" -> signIn(s, at, attack);
      case "push-fatigue" -> pushFatigue(s, at, attack);
      case "admin.console" -> adminConsole(s, at);
      case "factor.activate" -> activate(s, at, attack);
      case "factor.deactivate" -> deactivate(s, at, attack);
      case "app.assign" -> assign(s, at, attack);
      case "group.add" -> groupAdd(s, at, attack);
      case "oauth.consent" -> consent(s, at, attack);
      case "api-token.create" -> apiToken(s, at, attack);
      case "api-token.use" -> apiTokenUse(s, at);
      case "password.change" -> passwordChange(s, at, attack);
      case "sso" -> sso(s, at);
      case "token.refresh" -> refresh(s, at);
      case "password.reset" -> adminChange(s, at, attack, "user.account.reset_password", "Reset password for user",
          "core.user.config.password_reset");
      default -> admin.run(s, at, attack);
    }
  }

  /** The visit a step acts in: its named session, or a fresh sign-in of the acting person. */
  Visit visit(Step s, Instant at, boolean attack) {
    if (s.session() != null && sessions.containsKey(s.session())) {
      Visit v = sessions.get(s.session());
      Origin o = s.from() != null ? origin(v.user(), s.from()) : v.origin();
      Device d = s.device() != null ? tenant.device(s.device()) : v.device();
      if (attack) {
        story.attacker(o); // a session replayed from elsewhere: no sign-in, but the attacker's address
      }
      return new Visit(v.user(), o, d, v.sessionId(), v.threatSuspected(), v.behaviors(), v.risk());
    }
    Person p = tenant.person(s.actor() != null ? s.actor() : s.user());
    Origin o = origin(p, s.from() == null ? "home" : s.from());
    Device d = s.device() != null ? tenant.device(s.device()) : p.laptop;
    Visit v = Visit.usual(p, o, d);
    if (Boolean.TRUE.equals(s.threatSuspected()) || !s.behaviors().isEmpty()) {
      v = new Visit(p, o, d, null, Boolean.TRUE.equals(s.threatSuspected()),
          s.behaviors().isEmpty() ? Visit.KNOWN : s.behaviors(), s.risk() == null ? "{level=LOW}" : s.risk());
    }
    // Someone else acting from their own network in the story (a help desk talked into a reset) acts
    // for the attacker unknowingly: their sign-in is not a foothold and their network is not the attacker's.
    boolean deceived = s.actor() != null && !s.actor().equalsIgnoreCase(s.user())
        && java.util.Set.of("home", "office", "mobile").contains(s.from() == null ? "home" : s.from());
    boolean theirs = attack && !deceived;
    if (theirs) {
      story.attacker(o);
    }
    // A step outside a named session happens in a fresh sign-in of the acting person.
    String session = flows.signIn(v, at.minusSeconds(90 + rand.nextInt(200)), secondFactor(p, at), false, Answer.APPROVE);
    if (theirs) {
      story.foothold(Foothold.Kind.SESSION, session, p, "Okta session");
    }
    return v.session(session);
  }

  private Origin origin(Person p, String from) {
    return switch (from) {
      case "home" -> p.home;
      case "office" -> p.office;
      case "mobile" -> p.cellular;
      default -> tenant.fixedOrigin(from);
    };
  }

  static Factor secondFactor(Person p, Instant at) {
    for (Factor f : p.activeFactors(at)) {
      if (!f.rogue) {
        return f;
      }
    }
    return null;
  }

  private void threat(Step s, Instant at) {
    Origin o = tenant.fixedOrigin(s.from());
    story.attacker(o);
    Device d = s.device() != null ? tenant.device(s.device()) : tenant.devices.values().iterator().next();
    Visit v = new Visit(null, o, d, null, true, Visit.KNOWN, "{level=HIGH}");
    SimEvent e = ev.request("security.threat.detected", at, v, "/idp/idx/identify")
        .actor(o.ip(), "IP address", "unknown", o.ip()).displayMessage("Request from suspicious actor")
        .legacyEventType("security.threat.detected").severity("WARN")
        .result("block".equals(tenant.spec.security().threatInsight()) ? "DENY" : "ALLOW", s.reasons());
    StringBuilder json = new StringBuilder("{");
    s.detections().forEach((k, val) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(val).append('"'));
    e.debug("threatDetections", json.append('}').toString());
    ev.emit(at, e);
  }

  private void signIn(Step s, Instant at, boolean attack) {
    Person p = tenant.person(s.user());
    Origin o = origin(p, s.from());
    Device d = s.device() != null ? tenant.device(s.device()) : p.laptop;
    Visit v = new Visit(p, o, d, null, Boolean.TRUE.equals(s.threatSuspected()),
        s.behaviors().isEmpty() ? Visit.KNOWN : s.behaviors(), s.risk() == null ? "{level=LOW}" : s.risk());
    if (attack) {
      story.attacker(o);
    }
    Factor f = s.factor() == null ? secondFactor(p, at) : p.activeFactor(FactorKind.of(s.factor()).key, at);
    String session = flows.signIn(v, at, f, false, Answer.APPROVE);
    if (attack) {
      story.foothold(Foothold.Kind.SESSION, session, p, "Okta session");
    }
    remember(s, v.session(session));
  }

  private void remember(Step s, Visit v) {
    if (s.session() != null) {
      sessions.put(s.session(), v);
    }
  }

  /** Push bombing: unanswered pushes, denied pushes, then the victim gives in. */
  private void pushFatigue(Step s, Instant at, boolean attack) {
    Person p = tenant.person(s.user());
    Origin o = origin(p, s.from());
    story.attacker(o);
    Device d = s.device() != null ? tenant.device(s.device()) : p.laptop;
    Visit v = new Visit(p, o, d, null, Boolean.TRUE.equals(s.threatSuspected()),
        s.behaviors().isEmpty() ? Visit.KNOWN : s.behaviors(), s.risk() == null ? "{level=LOW}" : s.risk());
    Factor push = p.activeFactor("push", at);
    Duration every = s.every() == null ? Duration.ofSeconds(60) : Durations.parse(s.every());
    Instant t = at;
    int unanswered = s.unanswered() == null ? 0 : s.unanswered();
    int denied = s.denied() == null ? 0 : s.denied();
    for (int i = 0; i < unanswered + denied; i++) {
      flows.signIn(v, t, push, false, i < unanswered ? Answer.UNANSWERED : Answer.DENY);
      t = t.plus(every).plusSeconds(rand.nextInt(20));
    }
    String session = flows.signIn(v, t, push, false, Answer.APPROVE);
    if (attack) {
      story.foothold(Foothold.Kind.SESSION, session, p, "Okta session");
    }
    remember(s, v.session(session));
  }

  private void adminConsole(Step s, Instant at) {
    Visit v = visit(s, at, false);
    App console = flows.adminConsole();
    flows.policy(v, at, "ACCESS_POLICY", flows.rule("ACCESS_POLICY", v), "ALLOW", console, null, "/admin/sso/request");
    Instant t = at.plusMillis(700);
    SimEvent e = ev.request("user.session.access_admin_app", t, v, "/admin/sso/request")
        .displayMessage("User accessing Okta admin app").legacyEventType("app.admin.sso.login.success");
    e.target(console.id(), "AppInstance", console.label(), console.label());
    ev.emit(t, e);
  }

  private void activate(Step s, Instant at, boolean attack) {
    Visit v = visit(s, at, attack);
    Person p = tenant.person(s.user());
    FactorKind kind = FactorKind.of(s.factor());
    Device device = s.device() != null ? tenant.device(s.device()) : kind == FactorKind.WEBAUTHN ? p.laptop : p.phone;
    boolean rogue = attack && s.rogue();
    Factor f = tenant.enrol(p, kind, at, kind == FactorKind.SMS ? s.phone() : null, device, rogue);
    if (rogue) {
      story.rogueFactor(f.id);
    }
    if (attack) {
      story.foothold(Foothold.Kind.FACTOR, f.id, p, kind.key + " factor");
    }
    flows.factorChange(v, at, f, true, "/idp/myaccount/authenticators");
  }

  private void deactivate(Step s, Instant at, boolean attack) {
    Visit v = visit(s, at, attack);
    Person p = tenant.person(s.user());
    FactorKind kind = FactorKind.of(s.factor());
    Factor f = p.activeFactor(kind.key, at);
    if (f == null) {
      throw new IllegalArgumentException(p.login + " has no active " + kind.key + " factor at step " + s.at());
    }
    f.removed = at;
    p.lastUpdated = at;
    flows.factorChange(v, at, f, false, "/idp/myaccount/authenticators/" + f.id);
  }

  private void assign(Step s, Instant at, boolean attack) {
    Visit v = visit(s, at, attack);
    Person p = tenant.person(s.user());
    App app = tenant.app(s.app());
    Assignment a = tenant.assign(app, p, null, at, attack);
    if (attack) {
      story.foothold(Foothold.Kind.ASSIGNMENT, app.id() + "/" + p.id, p, "assigned " + app.label());
    }
    boolean self = v.user() == p;
    String uri = self ? "/api/v1/users/me/catalog/apps/" + app.id() + "/request" : "/api/v1/apps/" + app.id() + "/users";
    ev.emit(at, membership(ev.request("application.user_membership.add", at, v, uri), a));
  }

  private SimEvent membership(SimEvent e, Assignment a) {
    e.displayMessage("Add user to application membership").legacyEventType("app.user_management.user_added");
    e.target(a.eventId, "AppUser", a.user.login, a.user.displayName());
    ev.appTarget(e, a.app);
    return ev.userTarget(e, a.user);
  }

  private void groupAdd(Step s, Instant at, boolean attack) {
    Visit v = visit(s, at, attack);
    Person p = tenant.person(s.user());
    Group g = tenant.group(s.group());
    int before = tenant.assignments.size();
    tenant.addMember(g, p, at, attack);
    if (attack) {
      story.foothold(Foothold.Kind.GROUP_MEMBERSHIP, g.id + "/" + p.id, p, "member of " + g.name());
    }
    SimEvent e = ev.request("group.user_membership.add", at, v, "/api/v1/groups/" + g.id + "/users/" + p.id)
        .displayMessage("Add user to group membership").legacyEventType("core.user_group_member.user_add");
    ev.userTarget(e, p).target(g.id, "UserGroup", "unknown", g.name());
    ev.emit(at, e);
    List<Assignment> added = tenant.assignments.subList(before, tenant.assignments.size());
    Instant t = at.plusMillis(400);
    for (Assignment a : added) {
      ev.emit(t, membership(ev.system("application.user_membership.add", t), a));
      t = t.plusMillis(150);
    }
  }

  private void consent(Step s, Instant at, boolean attack) {
    Visit v = visit(s, at, attack);
    Person p = tenant.person(s.user());
    App app = tenant.app(s.app());
    boolean rogue = attack && s.rogue();
    Instant t = at;
    for (String scope : s.scopes()) {
      Grant g = new Grant(tenant.ids.oktaId("oag"), p, app, scope, tenant.scopeId(scope), t, rogue);
      tenant.grants.add(g);
      if (rogue) {
        story.rogueGrant(g.id());
      }
      if (attack) {
        story.foothold(Foothold.Kind.GRANT, g.id(), p, "consent " + scope + " to " + app.label());
      }
      SimEvent e = ev.request("app.oauth2.as.consent.grant", t, v, "/oauth2/default/v1/authorize")
          .displayMessage("User granted consent to app").legacyEventType("app.oauth2.as.consent.grant_success")
          .clientId(app.id()).debug("scope", scope).debug("scopeId", g.scopeId()).debug("consentGrantId", g.id());
      ev.userTarget(e, p);
      ev.appTarget(e, app);
      ev.emit(t, e);
      t = t.plusMillis(3);
    }
    t = t.plusMillis(600);
    ev.emit(t, flows.oauth(v, t, app, "app.oauth2.as.authorize.code", "authorization_code"));
    t = t.plusMillis(800);
    RefreshToken rt = new RefreshToken(tenant.ids.oktaId("oar"), p, app, s.scopes(), t, rogue);
    tenant.refreshTokens.add(rt);
    if (attack) {
      story.foothold(Foothold.Kind.REFRESH_TOKEN, rt.id, p, "refresh token of " + app.label());
    }
    SimEvent grant = flows.oauth(v, t, app, "app.oauth2.as.token.grant.refresh_token", "authorization_code");
    grant.displayMessage("OAuth2 refresh token is granted").debug("grantedScopes", String.join(", ", s.scopes()))
        .debug("requestedScopes", String.join(", ", s.scopes())).debug("refreshTokenId", rt.id);
    ev.emit(t, grant);
  }

  private void apiToken(Step s, Instant at, boolean attack) {
    Visit v = visit(s, at, attack);
    Person p = tenant.person(s.user());
    ApiToken token = new ApiToken(tenant.ids.oktaId("00T"), s.name(), p, at, "ANYWHERE", attack && s.rogue());
    tenant.apiTokens.add(token);
    if (token.rogue()) {
      story.rogueToken(token.id());
    }
    if (attack) {
      story.foothold(Foothold.Kind.API_TOKEN, token.id(), p, "API token " + token.name());
    }
    SimEvent e = ev.request("system.api_token.create", at, v, "/api/internal/tokens")
        .displayMessage("Create API token").legacyEventType("api.token.create").debug("networkConnection", "ANYWHERE");
    e.target(token.id(), "Token", "unknown", token.name());
    ev.emit(at, e);
  }

  /** A request made with an API token: everything it does carries the token id. */
  private void apiTokenUse(Step s, Instant at) {
    ApiToken token = tenant.apiTokens.stream().filter(t -> t.name().equals(s.token())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no API token named " + s.token()));
    Person p = tenant.person(s.user());
    Origin o = origin(p, s.from());
    story.attacker(o);
    Device d = tenant.device(s.device());
    Visit v = new Visit(token.creator(), o, d, null, false, Visit.KNOWN, "{level=LOW}");
    App app = tenant.app(s.app());
    Assignment a = tenant.assign(app, p, null, at, true);
    story.foothold(Foothold.Kind.ASSIGNMENT, app.id() + "/" + p.id, p, "assigned " + app.label());
    SimEvent e = ev.request("application.user_membership.add", at, v, "/api/v1/apps/" + app.id() + "/users")
        .transactionDetail("requestApiTokenId", token.id());
    ev.emit(at, membership(e, a));
  }

  private void passwordChange(Step s, Instant at, boolean attack) {
    Visit v = visit(s, at, attack);
    Person p = tenant.person(s.user());
    p.passwordChanged = at;
    p.lastUpdated = at;
    if (attack) {
      p.passwordLostAt = at;
    }
    SimEvent e = ev.request("user.account.update_password", at, v, "/idp/myaccount/password")
        .displayMessage("User update password for Okta").legacyEventType("core.user.config.password_update.success")
        .credentialType("PASSWORD");
    ev.userTarget(e, p);
    ev.emit(at, e);
  }

  private void sso(Step s, Instant at) {
    Visit v = visit(s, at, false);
    Duration every = s.every() == null ? Duration.ofMinutes(1) : Durations.parse(s.every());
    Instant t = at;
    for (String key : s.apps()) {
      App app = tenant.app(key);
      Assignment a = tenant.assignment(v.user(), app, t);
      if (a == null) {
        throw new IllegalArgumentException(v.user().login + " is not assigned to " + key + " at step " + s.at());
      }
      flows.sso(v, t, a);
      t = t.plus(every).plusSeconds(rand.nextInt(30));
    }
  }

  /** Refresh-token grants from {@code at} every {@code every} until the anchor. */
  private void refresh(Step s, Instant at) {
    Person p = tenant.person(s.user());
    App app = tenant.app(s.app());
    RefreshToken token = null;
    for (RefreshToken rt : tenant.refreshTokens) {
      if (rt.user == p && rt.client == app) {
        token = rt;
      }
    }
    if (token == null) {
      throw new IllegalArgumentException(p.login + " holds no refresh token for " + s.app());
    }
    Origin o = origin(p, s.from());
    story.attacker(o);
    Visit v = new Visit(p, o, tenant.device(s.device()), null, false, Visit.KNOWN, "{level=LOW}");
    Duration every = Durations.parse(s.every());
    for (Instant t = at; t.isBefore(tenant.anchor); t = t.plus(every).plusSeconds(rand.nextInt(300))) {
      SimEvent e = flows.oauth(v, t, app, "app.oauth2.as.token.grant.access_token", "refresh_token");
      e.debug("refreshTokenId", token.id);
      ev.emit(t, e);
      token.lastUpdated = t;
    }
  }

  /** An administrator (the step's actor) changes the user's account, e.g. a help-desk password reset. */
  private void adminChange(Step s, Instant at, boolean attack, String type, String message, String legacy) {
    Visit v = visit(s, at, attack);
    Person p = tenant.person(s.user());
    if (type.equals("user.account.reset_password")) {
      p.passwordChanged = at;
      p.lastUpdated = at;
    }
    SimEvent e = ev.request(type, at, v, "/api/v1/users/" + p.id + "/lifecycle/reset_password")
        .displayMessage(message).legacyEventType(legacy);
    ev.userTarget(e, p);
    ev.emit(at, e);
  }
}
