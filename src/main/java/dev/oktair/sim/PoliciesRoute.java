package dev.oktair.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * Policies: {@code GET /api/v1/policies?type=...} ({@code type} required), one policy, and its
 * rules. Read-only.
 */
final class PoliciesRoute implements Router.Routes {
  static final Set<String> TYPES = Set.of(
      "ACCESS_POLICY", "ENTITY_RISK", "IDP_DISCOVERY", "MFA_ENROLL", "OKTA_SIGN_ON", "PASSWORD", "POST_AUTH_SESSION",
      "PROFILE_ENROLLMENT", "DEVICE_SIGNAL_COLLECTION", "SESSION_VIOLATION_DETECTION", "CLIENT_UPDATE",
      "IDENTITY_CLAIM_SOURCING");

  private final Tenant tenant;

  PoliciesRoute(Tenant tenant) {
    this.tenant = tenant;
  }

  @Override
  public void register(Router router) {
    router.get("/api/v1/policies", "okta.policies.read", this::list);
    router.get("/api/v1/policies/{policyId}", "okta.policies.read", r -> Response.ok(policy(r.param("policyId"))));
    router.get("/api/v1/policies/{policyId}/rules", "okta.policies.read", r -> {
      String id = policy(r.param("policyId")).path("id").asString();
      return Paging.all(tenant.policyRules.getOrDefault(id, List.of()));
    });
  }

  private Response list(Request r) {
    String type = r.query("type");
    if (type == null || type.isEmpty()) {
      throw ApiException.validation("type", "type: The type parameter is required.");
    }
    if (!TYPES.contains(type)) {
      throw ApiException.validation("type", "type: '" + type + "' is not a valid policy type.");
    }
    String status = r.query("status");
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode p : tenant.policies.values()) {
      if (type.equals(p.path("type").asString()) && (status == null || status.equals(p.path("status").asString()))) {
        out.add(p);
      }
    }
    return Paging.all(out);
  }

  private ObjectNode policy(String id) {
    ObjectNode p = tenant.policies.get(id);
    if (p == null) {
      throw ApiException.notFound(id, "Policy");
    }
    return p;
  }
}
