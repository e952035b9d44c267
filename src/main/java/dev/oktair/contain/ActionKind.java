package dev.oktair.contain;

import dev.oktair.downstream.SpIdentity;
import dev.oktair.downstream.Step;
import java.util.Map;
import java.util.function.Function;
import static dev.oktair.contain.Action.*;
import static dev.oktair.contain.ReadBack.split;

/** The kinds of {@link Action}, each with its plan.json name and how to rebuild one from its params. */
public enum ActionKind {
  CLEAR_SESSIONS("clear-sessions", p -> new ClearSessions(p.get("userId"), p.get("login"))),
  SUSPEND_USER("suspend-user", p -> new SuspendUser(p.get("userId"), p.get("login"))),
  UNSUSPEND_USER("unsuspend-user", p -> new UnsuspendUser(p.get("userId"), p.get("login"))),
  DELETE_FACTOR("delete-factor", p -> new DeleteFactor(p.get("userId"), p.get("factorId"), p.get("display"))),
  RESET_FACTORS("reset-factors", p -> new ResetFactors(p.get("userId"), p.get("login"))),
  REVOKE_GRANT("revoke-grant", p -> new RevokeGrant(p.get("userId"), p.get("grantId"), p.get("display"))),
  REVOKE_REFRESH_TOKENS("revoke-refresh-tokens",
      p -> new RevokeRefreshTokens(p.get("userId"), p.get("clientId"), p.get("display"))),
  REVOKE_API_TOKEN("revoke-api-token", p -> new RevokeApiToken(p.get("tokenId"), p.get("display"))),
  REMOVE_APP_ASSIGNMENT("remove-app-assignment",
      p -> new RemoveAppAssignment(p.get("appId"), p.get("userId"), p.get("display"))),
  REMOVE_GROUP_MEMBERSHIP("remove-group-membership",
      p -> new RemoveGroupMembership(p.get("groupId"), p.get("userId"), p.get("display"))),
  REMOVE_ADMIN_ROLE("remove-admin-role", p -> new RemoveAdminRole(p.get("userId"), p.get("roleId"), p.get("display"))),
  DEACTIVATE_IDP("deactivate-idp", p -> new DeactivateIdp(p.get("idpId"), p.get("display"))),
  BLOCK_IPS("block-ips", p -> new BlockIps(p.get("zone"), split(p.get("ips")))),
  UNBLOCK_IPS("unblock-ips", p -> new UnblockIps(p.get("zone"), split(p.get("ips")))),
  UNIVERSAL_LOGOUT("universal-logout", p -> new UniversalLogout(p.get("userId"), p.get("login"))),
  REVOKE_DOWNSTREAM("revoke-downstream", p -> new RevokeDownstream(p.get("sp"), p.get("appId"),
      new SpIdentity(p.get("userName"), split(p.get("roles"))), Step.valueOf(p.get("step"))));

  private final String label;
  private final Function<Map<String, String>, Action> factory;

ActionKind(String label, Function<Map<String, String>, Action> factory) {
    this.label = label;
    this.factory = factory;
  }

  /** Returns the name plan.json and the journal use. */
  public String label() {
    return label;
  }

  /** Rebuilds an action of this kind from its params. */
  Action create(Map<String, String> params) {
    return factory.apply(params);
  }

  /** Returns the kind named {@code label}. */
  static ActionKind of(String label) {
    for (ActionKind k : values()) {
      if (k.label.equals(label)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown action '" + label + "'");
  }
}
