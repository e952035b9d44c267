package dev.oktair.sim.sp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import dev.oktair.events.Json;
import java.time.Clock;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AWS IAM's Query API as the SDK speaks it: form-encoded {@code POST /} with {@code Action},
 * SigV4 {@code Authorization} naming the configured access key, XML answers; {@code PutRolePolicy}
 * and {@code GetRolePolicy} on the roles the scenario's {@code samlRoles} name. The signature
 * itself is not recomputed: the fake checks who signed, the SDK is trusted to sign.
 */
final class AwsFake extends FakeSp {
  private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";

  private final String accessKeyId;
  /** The fake's users, filled in from the seed when first needed: their roles are the ones IAM knows. */
  private final Map<String, SpUser> users;
  /** role name to policy name to document. */
  final Map<String, Map<String, String>> policies = new LinkedHashMap<>();

  AwsFake(Clock clock, SpJournal journal, String accessKeyId, Map<String, SpUser> users) {
    super("aws", clock, journal);
    this.accessKeyId = accessKeyId;
    this.users = users;
  }

  /** Returns whether a user's SAML roles name {@code role}; read when asked, as the users are filled in after start. */
  private boolean knownRole(String role) {
    for (SpUser u : users.values()) {
      for (String arn : u.roles) {
        if (arn.substring(arn.lastIndexOf('/') + 1).equals(role)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A federated AWS session cannot be ended, only denied: revoked once every role of the user
   * carries an inline policy denying everything to the user's role sessions issued before a time
   * that is not in the future.
   */
  @Override
  boolean sessionsRevoked(SpUser u) {
    if (u.roles.isEmpty()) {
      return false;
    }
    for (String arn : u.roles) {
      Map<String, String> onRole = policies.getOrDefault(arn.substring(arn.lastIndexOf('/') + 1), Map.of());
      if (onRole.values().stream().noneMatch(doc -> deniesOlderSessions(doc, u.userName))) {
        return false;
      }
    }
    return true;
  }

  private boolean deniesOlderSessions(String document, String userName) {
    try {
      JsonNode st = Json.MAPPER.readTree(document).path("Statement");
      JsonNode one = st.isArray() ? st.path(0) : st;
      JsonNode cond = one.path("Condition");
      String who = cond.path("StringLike").path("aws:userid").asString("");
      String before = cond.path("DateLessThan").path("aws:TokenIssueTime").asString("");
      return "Deny".equals(one.path("Effect").asString()) && "*".equals(one.path("Action").asString())
          && (who.equals("*") || who.equals("*:" + userName)) && !before.isEmpty()
          && !Instant.parse(before).isAfter(clock.instant());
    } catch (RuntimeException e) {
      return false; // a document the fake cannot read denies nothing it can vouch for
    }
  }

  @Override
  boolean isTokenRequest(Req r) {
    return false;
  }

  @Override
  Res serve(Req r) {
    String auth = r.authorization();
    if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/")) {
      return error(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
    }
    Map<String, String> f = r.form();
    String role = f.get("RoleName");
    String action = f.getOrDefault("Action", "");
    if (!action.equals("PutRolePolicy") && !action.equals("GetRolePolicy")) {
      return error(400, "InvalidAction", "Could not find operation " + action + " for version 2010-05-08");
    }
    if (role == null || !knownRole(role)) {
      return error(404, "NoSuchEntity", "The role with name " + role + " cannot be found.");
    }
    String name = f.get("PolicyName");
    if (action.equals("PutRolePolicy")) {
      policies.computeIfAbsent(role, k -> new LinkedHashMap<>()).put(name, f.get("PolicyDocument"));
      return Res.xml(200, "<PutRolePolicyResponse xmlns=\"" + NS + "\">" + meta() + "</PutRolePolicyResponse>");
    }
    String doc = policies.getOrDefault(role, Map.of()).get(name);
    if (doc == null) {
      return error(404, "NoSuchEntity", "The role policy with name " + name + " cannot be found.");
    }
    return Res.xml(200, "<GetRolePolicyResponse xmlns=\"" + NS + "\"><GetRolePolicyResult><PolicyName>" + name
        + "</PolicyName><RoleName>" + role + "</RoleName><PolicyDocument>"
        + URLEncoder.encode(doc, StandardCharsets.UTF_8).replace("+", "%20")
        + "</PolicyDocument></GetRolePolicyResult>" + meta() + "</GetRolePolicyResponse>");
  }

  private String meta() {
    return "<ResponseMetadata><RequestId>" + issueToken("") + "</RequestId></ResponseMetadata>";
  }

  @Override
  Res error(int status, String code, String message) {
    String c = status == 401 ? "InvalidClientTokenId" : status == 403 && code.equals("not_an_admin") ? "AccessDenied"
        : status == 500 ? "ServiceFailure" : code;
    int s = status == 401 ? 403 : status;
    return Res.xml(s, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>" + (s >= 500 ? "Receiver" : "Sender")
        + "</Type><Code>" + c + "</Code><Message>" + message + "</Message></Error><RequestId>r1</RequestId></ErrorResponse>");
  }
}
