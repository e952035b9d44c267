package dev.oktair.sim.scenario;

import dev.oktair.sim.SimEvent;
import dev.oktair.sim.scenario.Model.Person;
import dev.oktair.sim.scenario.ScenarioSpec.Step;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

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

  /**
   * An administrator's step, read once from the generic step record into a small record that
   * validates its own fields; the visit (session, actor, origin) still comes from the step.
   */
  sealed interface AdminStep permits RoleGrant, IdpCreate {
    void run(AdminSteps steps, Step s, Instant at, boolean attack);
  }

  /** {@code role.grant}: the acting admin grants {@code role} (SUPER_ADMIN, ORG_ADMIN, ...) to {@code user}. */
  record RoleGrant(String user, String role) implements AdminStep {
    RoleGrant {
      require("role.grant", user, "user");
      require("role.grant", role, "name");
    }

    @Override
    public void run(AdminSteps steps, Step s, Instant at, boolean attack) {
      steps.roleGrant(this, s, at, attack);
    }
  }

  /** {@code idp.create}: the acting admin adds identity provider {@code name} and routes sign-ins to it. */
  record IdpCreate(String name) implements AdminStep {
    IdpCreate {
      require("idp.create", name, "name");
    }

    @Override
    public void run(AdminSteps steps, Step s, Instant at, boolean attack) {
      steps.idpCreate(this, s, at, attack);
    }
  }

  /** Each step kind by its {@code do} name: an open set registered by name. */
  private static final Map<String, Function<Step, AdminStep>> BY_NAME = Map.of(
      "role.grant", s -> new RoleGrant(s.user(), s.name()),
      "idp.create", s -> new IdpCreate(s.name()));

  void run(Step s, Instant at, boolean attack) {
    Function<Step, AdminStep> kind = BY_NAME.get(s.action());
    if (kind == null) {
      throw new IllegalArgumentException("unknown step action '" + s.action() + "' at " + s.at()
          + " (the step actions are listed in docs/scenarios.md)");
    }
    AdminStep step;
    try {
      step = kind.apply(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + " (step at " + s.at() + ")", e);
    }
    step.run(this, s, at, attack);
  }

  private void roleGrant(RoleGrant g, Step s, Instant at, boolean attack) {
    Visit v = actions.visit(s, at, attack);
    Person p = tenant.person(g.user());
    Model.Role role = new Model.Role(tenant.ids.oktaId("ra1"), g.role(), at);
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
   * Creates a SAML identity provider, activates it, and adds an IdP routing rule sending sign-ins
   * to it: the cross-tenant impersonation persistence.
   */
  private void idpCreate(IdpCreate c, Step s, Instant at, boolean attack) {
    Visit v = actions.visit(s, at, attack);
    String name = c.name();
    String idpId = tenant.ids.oktaId("0oa");
    if (attack) {
      story.foothold(Foothold.Kind.IDP, idpId, v.user(), "identity provider " + name);
    }
    story.identityProviders.add(idp(idpId, name, at));
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

  /** The IdP as {@code GET /api/v1/idps/{id}} returns it: an active SAML 2.0 IdP, JIT provisioning on. */
  private tools.jackson.databind.JsonNode idp(String id, String name, Instant at) {
    tools.jackson.databind.node.ObjectNode n = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        .put("id", id).put("type", "SAML2").put("issuerMode", "ORG_URL").put("name", name).put("status", "ACTIVE")
        .put("created", TenantJson.time(at)).put("lastUpdated", TenantJson.time(at.plusSeconds(20)));
    n.putObject("protocol").put("type", "SAML2");
    n.putObject("policy").putObject("provisioning").put("action", "AUTO");
    n.putObject("_links").putObject("users").put("href", tenant.orgUrl() + "/api/v1/idps/" + id + "/users");
    return n;
  }

  private static void require(String action, String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("step '" + action + "' needs '" + field + "'");
    }
  }
}
