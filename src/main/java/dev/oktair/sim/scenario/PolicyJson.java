package dev.oktair.sim.scenario;

import static dev.oktair.sim.scenario.TenantJson.F;
import static dev.oktair.sim.scenario.TenantJson.time;

import dev.oktair.sim.scenario.Model.Group;
import dev.oktair.sim.scenario.Model.Policy;
import dev.oktair.sim.scenario.Model.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders the tenant's security configuration as the API returns it: the ThreatInsight
 * configuration, and policies of every type with their rules ({@code OKTA_SIGN_ON} rules carry
 * {@code actions.signon}, {@code ACCESS_POLICY} rules {@code actions.appSignOn}).
 */
final class PolicyJson {
  private final Tenant t;
  private final String zoneId;

  PolicyJson(Tenant t) {
    this.t = t;
    this.zoneId = t.ids.oktaId("nzo");
  }

  JsonNode threatInsight() {
    ObjectNode n = F.objectNode().put("action", t.spec.security().threatInsight());
    n.set("excludeZones", F.arrayNode());
    n.put("created", time(t.orgCreated.plusSeconds(86_400 * 30))).put("lastUpdated", time(t.orgCreated.plusSeconds(86_400 * 30)));
    ObjectNode self = F.objectNode().put("href", t.orgUrl() + "/api/v1/threats/configuration");
    self.set("hints", F.objectNode().set("allow", F.arrayNode().add("GET").add("POST")));
    n.set("_links", F.objectNode().set("self", self));
    return n;
  }

  List<JsonNode> policies() {
    List<JsonNode> out = new ArrayList<>();
    int priority = 1;
    for (Policy p : t.policies) {
      ObjectNode n = F.objectNode().put("id", p.id()).put("status", "ACTIVE").put("name", p.spec().name())
          .put("description", p.spec().description()).put("priority", priority++).put("system", false);
      ObjectNode people = F.objectNode();
      people.set("groups", F.objectNode().set("include", F.arrayNode().add(everyone())));
      n.set("conditions", F.objectNode().set("people", people));
      n.put("created", time(p.created())).put("lastUpdated", time(p.created())).put("type", p.spec().type());
      ObjectNode links = F.objectNode();
      links.set("self", F.objectNode().put("href", t.orgUrl() + "/api/v1/policies/" + p.id()));
      links.set("rules", F.objectNode().put("href", t.orgUrl() + "/api/v1/policies/" + p.id() + "/rules"));
      n.set("_links", links);
      out.add(n);
    }
    return out;
  }

  Map<String, List<JsonNode>> rules() {
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    for (Policy p : t.policies) {
      List<JsonNode> list = new ArrayList<>();
      for (Rule r : p.rules()) {
        list.add(rule(p, r));
      }
      out.put(p.id(), list);
    }
    return out;
  }

  private JsonNode rule(Policy p, Rule r) {
    ScenarioSpec.RuleSpec s = r.spec();
    boolean signOn = "OKTA_SIGN_ON".equals(p.spec().type());
    ObjectNode n = F.objectNode().put("id", r.id()).put("status", "ACTIVE").put("name", s.name())
        .put("priority", r.priority()).put("created", time(p.created())).put("lastUpdated", time(p.created()))
        .put("system", s.system()).put("type", signOn ? "SIGN_ON" : "ACCESS_POLICY");
    ObjectNode conditions = F.objectNode();
    ObjectNode network = F.objectNode().put("connection", s.network() == null ? "ANYWHERE" : s.network());
    if ("ZONE".equals(s.network())) {
      network.set("include", F.arrayNode().add(zoneId));
    }
    conditions.set("network", network);
    // No risk or behaviour condition: a ThreatInsight-flagged source is treated like any other.
    conditions.set("riskScore", F.objectNode().put("level", s.riskLevel() == null ? "ANY" : s.riskLevel()));
    boolean mfa = Boolean.TRUE.equals(s.mfa());
    String access = s.access() == null ? "ALLOW" : s.access();
    ObjectNode actions = F.objectNode();
    if (signOn) {
      conditions.set("authContext", F.objectNode().put("authType", "ANY"));
      ObjectNode signon = F.objectNode().put("access", access).put("requireFactor", mfa);
      if (mfa) {
        signon.put("factorPromptMode", "ALWAYS").put("rememberDeviceByDefault", false);
      }
      int minutes = s.sessionMinutes() == null ? 120 : s.sessionMinutes();
      signon.set("session", F.objectNode().put("usePersistentCookie", false).put("maxSessionIdleMinutes", 120)
          .put("maxSessionLifetimeMinutes", minutes));
      actions.set("signon", signon);
    } else {
      ObjectNode app = F.objectNode().put("access", access);
      app.set("verificationMethod", F.objectNode().put("factorMode", mfa ? "2FA" : "1FA").put("type", "ASSURANCE")
          .put("reauthenticateIn", "PT12H"));
      actions.set("appSignOn", app);
    }
    n.set("conditions", conditions);
    n.set("actions", actions);
    n.set("_links", F.objectNode().set("self", F.objectNode()
        .put("href", t.orgUrl() + "/api/v1/policies/" + p.id() + "/rules/" + r.id())));
    return n;
  }

  private String everyone() {
    for (Group g : t.groups) {
      if ("BUILT_IN".equals(g.spec.type())) {
        return g.id;
      }
    }
    return t.groups.isEmpty() ? null : t.groups.get(0).id;
  }
}
