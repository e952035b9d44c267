package dev.oktair.sim.scenario;

import dev.oktair.sim.SimEvent;
import dev.oktair.sim.scenario.Model.Person;
import dev.oktair.sim.scenario.ScenarioSpec.Step;
import java.time.Instant;

/**
 * The administrator's steps an attacker takes once holding an admin session: granting an admin
 * role and adding an identity provider with a routing rule (persistence that survives a password
 * reset). Kept apart from {@link Actions} so new step kinds land in their own file. Not
 * thread-safe.
 */
final class AdminSteps {
  private final Actions actions;
  private final Events ev;
  private final Tenant tenant;
  private final StoryLog story;

  AdminSteps(Actions actions, Events ev, StoryLog story) {
    this.actions = actions;
    this.ev = ev;
    this.tenant = ev.tenant();
    this.story = story;
  }

  /** The step kinds this class runs, for the scenario file checker. */
  static final java.util.Set<String> KINDS = java.util.Set.of("role.grant", "idp.create");

  void run(Step s, Instant at, boolean attack) {
    switch (s.action()) {
      case "role.grant" -> roleGrant(s, at, attack);
      case "idp.create" -> idpCreate(s, at, attack);
      default -> throw new IllegalArgumentException("unknown step action '" + s.action() + "' at " + s.at());
    }
  }

  /** The acting admin grants role {@code name} (SUPER_ADMIN, ORG_ADMIN, ...) to {@code user}. */
  private void roleGrant(Step s, Instant at, boolean attack) {
    Visit v = actions.visit(s, at, attack);
    Person p = tenant.person(s.user());
    Model.Role role = new Model.Role(tenant.ids.oktaId("ra1"), require(s, s.name(), "name"), at);
    p.roles.add(role);
    p.lastUpdated = at;
    if (attack) {
      story.foothold(Foothold.Kind.ADMIN_ROLE, role.id(), p, role.type() + " role");
    }
    SimEvent e = ev.request("user.account.privilege.grant", at, v, "/api/v1/users/" + p.id + "/roles")
        .displayMessage("Grant user privilege").legacyEventType("core.user.admin_privilege.granted")
        .debug("privilegeGranted", role.type());
    ev.userTarget(e, p);
    ev.emit(at, e);
  }

  /**
   * The acting admin creates a SAML identity provider named {@code name}, activates it, and adds
   * an IdP routing rule sending sign-ins to it: the cross-tenant impersonation persistence.
   */
  private void idpCreate(Step s, Instant at, boolean attack) {
    Visit v = actions.visit(s, at, attack);
    String name = require(s, s.name(), "name");
    String idpId = tenant.ids.oktaId("0oa");
    if (attack) {
      story.foothold(Foothold.Kind.IDP, idpId, v.user(), "identity provider " + name);
    }
    SimEvent create = ev.request("system.idp.lifecycle.create", at, v, "/api/v1/idps")
        .displayMessage("Create IdP").legacyEventType("system.idp.lifecycle.create")
        .debug("idpName", name).debug("protocol", "SAML2").debug("type", "SAML2");
    create.target(idpId, "IdentityProvider", "unknown", name);
    ev.emit(at, create);
    Instant t = at.plusSeconds(20);
    SimEvent activate = ev.request("system.idp.lifecycle.activate", t, v, "/api/v1/idps/" + idpId + "/lifecycle/activate")
        .displayMessage("Activate IdP").legacyEventType("system.idp.lifecycle.activate");
    activate.target(idpId, "IdentityProvider", "unknown", name);
    ev.emit(t, activate);
    t = t.plusSeconds(45);
    String ruleId = tenant.ids.oktaId("0pr");
    SimEvent rule = ev.request("policy.rule.add", t, v, "/api/v1/policies/idp-discovery/rules")
        .displayMessage("Add policy rule").legacyEventType("core.policy.rule.add").debug("idpId", idpId);
    rule.target(ruleId, "PolicyRule", "unknown", "Route to " + name);
    ev.emit(t, rule);
  }

  private static String require(Step s, String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("step '" + s.action() + "' at " + s.at() + " needs '" + field + "'");
    }
    return value;
  }
}
