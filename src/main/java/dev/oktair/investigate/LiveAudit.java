package dev.oktair.investigate;

import dev.oktair.detect.Citation;
import dev.oktair.detect.Finding;
import dev.oktair.detect.FindingIds;
import dev.oktair.detect.FindingsFile;
import dev.oktair.detect.Severity;
import dev.oktair.okta.OktaApiException;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The read-only audit of the live tenant for one user: what the attacker may still hold (factors,
 * assignments, grants, refresh tokens, API tokens, roles) judged against the compromise window,
 * and whether ThreatInsight and the sign-on policy let a flagged source in. GETs only.
 */
final class LiveAudit {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

  private final OktaClient okta;
  private final FindingsFile.Window window;
  private final List<Finding> detected;
  private final List<Finding> out = new ArrayList<>();

  LiveAudit(OktaClient okta, FindingsFile.Window window, List<Finding> detected) {
    this.okta = okta;
    this.window = window;
    this.detected = detected;
  }

  /** Audits {@code login}; returns its findings (empty when the user does not exist). */
  List<Finding> user(String login) {
    OktaResponse r;
    try {
      r = okta.get("/api/v1/users/" + OktaClient.encode(login));
    } catch (OktaApiException e) {
      if (e.status() == 404) {
        return out;
      }
      throw e;
    }
    String userId = r.json().path("id").asString();
    factors(login, userId);
    assignments(login, userId);
    grants(login, userId);
    apiTokens(login, userId);
    roles(login, userId);
    return out;
  }

  /** Audits ThreatInsight and the rules that admitted flagged sources (tenant-wide). */
  List<Finding> tenant() {
    JsonNode ti = okta.get("/api/v1/threats/configuration").json();
    String action = ti.path("action").asString("none");
    for (Finding f : detected) {
      if (!f.detection().equals("threat-allowed") || "block".equals(action)) {
        continue;
      }
      List<Citation> cites = new ArrayList<>(f.evidence());
      cites.add(new Citation.ApiObject("threatInsight", "configuration"));
      String rule = f.facts().get("policyRuleId");
      if (rule != null) {
        cites.add(new Citation.ApiObject("policyRule", rule));
      }
      add("policy-gap", Severity.HIGH, f.subject(), "ThreatInsight is in '" + action + "' mode and the sign-on rule"
          + " that applied has no risk condition, so the flagged source was let in.",
          "Set ThreatInsight to block (okta.threatInsights.manage), or add a rule that denies or steps up high-risk"
              + " sign-ins above the rule that applied.", cites, Map.of("policyRuleId", rule == null ? "" : rule));
    }
    return out;
  }

  private void factors(String login, String userId) {
    for (JsonNode f : list("/api/v1/users/" + userId + "/factors")) {
      if (inWindow(f.path("created"))) {
        String id = f.path("id").asString();
        List<Citation> cites = new ArrayList<>(List.of(new Citation.ApiObject("factor", userId + "/" + id)));
        String how = activation(id, cites);
        String phone = f.path("profile").path("phoneNumber").asString(null);
        String device = f.path("profile").path("name").asString(null);
        add("audit-rogue-factor", Severity.HIGH, login, f.path("factorType").asString() + " factor " + id + " of " + login
            + " was enrolled inside the compromise window" + (phone == null ? "" : " (phone " + phone + ")")
            + (device == null ? "" : " (device " + device + ")") + how + ".",
            "Delete the factor (DELETE /api/v1/users/{userId}/factors/{factorId}) and re-enrol with the user.", cites,
            Map.of("userId", userId, "factorId", id, "attacker", "true"));
      }
    }
  }

  private String activation(String factorId, List<Citation> cites) {
    for (Finding f : detected) {
      if (f.detection().equals("factor-activated") && factorId.equals(f.facts().get("factorId"))) {
        cites.addAll(f.evidence());
        return ", activated by " + f.facts().getOrDefault("actor", "?") + " from " + f.facts().getOrDefault("ip", "?");
      }
    }
    return "";
  }

  private void assignments(String login, String userId) {
    for (JsonNode link : list("/api/v1/users/" + userId + "/appLinks")) {
      String appId = link.path("appInstanceId").asString(null);
      if (appId == null) {
        continue;
      }
      OktaResponse r = okta.get("/api/v1/apps/" + appId + "/users/" + userId);
      if (!inWindow(r.json().path("created"))) {
        continue;
      }
      JsonNode au = r.json();
      String via = au.path("scope").asString("USER").equals("GROUP")
          ? "via group " + au.path("_links").path("group").path("name").asString("?") : "directly";
      add("audit-assignment", Severity.HIGH, login, link.path("label").asString(appId) + " was assigned to " + login + " "
          + via + " inside the compromise window.", "Remove the assignment (or the group membership) and sign the user"
          + " out of the app on its side.", List.of(new Citation.ApiObject("appUser", appId + "/" + userId)),
          Map.of("userId", userId, "appId", appId, "attacker", "true"));
    }
  }

  private void grants(String login, String userId) {
    Map<String, List<String>> scopesByClient = new LinkedHashMap<>();
    for (JsonNode g : list("/api/v1/users/" + userId + "/grants")) {
      String scope = g.path("_embedded").path("scope").path("name").asString(g.path("scopeId").asString());
      if (inWindow(g.path("created")) || scope.startsWith("okta.")) {
        String client = g.path("clientId").asString();
        scopesByClient.computeIfAbsent(client, k -> new ArrayList<>()).add(scope);
        add("audit-grant", scope.startsWith("okta.") ? Severity.CRITICAL : Severity.HIGH, login, "Grant of scope " + scope
            + " to client " + client + " for " + login + (scope.startsWith("okta.") ? " (an Okta admin scope)" : ""),
            "Revoke the grant (DELETE /api/v1/users/{userId}/grants/{grantId}).",
            List.of(new Citation.ApiObject("grant", userId + "/" + g.path("id").asString())),
            Map.of("userId", userId, "clientId", client, "grantId", g.path("id").asString(), "attacker", String.valueOf(inWindow(g.path("created")))));
      }
    }
    for (JsonNode c : list("/api/v1/users/" + userId + "/clients")) {
      String client = c.path("client_id").asString();
      for (JsonNode t : list("/api/v1/users/" + userId + "/clients/" + client + "/tokens")) {
        List<String> scopes = new ArrayList<>();
        t.path("scopes").forEach(s -> scopes.add(s.asString()));
        boolean risky = scopes.contains("offline_access") || scopes.stream().anyMatch(s -> s.startsWith("okta."));
        if (inWindow(t.path("created")) || (risky && scopesByClient.containsKey(client))) {
          add("audit-refresh-token", Severity.HIGH, login, "Refresh token " + t.path("id").asString() + " of client "
              + c.path("client_name").asString(client) + " for " + login + " with scopes " + String.join(" ", scopes),
              "Revoke the client's tokens for the user (DELETE /api/v1/users/{userId}/clients/{clientId}/tokens).",
              List.of(new Citation.ApiObject("refreshToken", userId + "/" + t.path("id").asString())),
              Map.of("userId", userId, "clientId", client, "tokenId", t.path("id").asString(), "attacker", "true"));
        }
      }
    }
  }

  private void apiTokens(String login, String userId) {
    for (JsonNode t : list("/api/v1/api-tokens")) {
      if (userId.equals(t.path("userId").asString()) && inWindow(t.path("created"))) {
        add("audit-api-token", Severity.CRITICAL, login, "API token '" + t.path("name").asString() + "' ("
            + t.path("id").asString() + ") owned by " + login + " was created inside the compromise window; network "
            + t.path("network").path("connection").asString("?") + ".", "Revoke it (DELETE /api/v1/api-tokens/{id}).",
            List.of(new Citation.ApiObject("apiToken", t.path("id").asString())),
            Map.of("userId", userId, "tokenId", t.path("id").asString(), "attacker", "true"));
      }
    }
  }

  private void roles(String login, String userId) {
    for (JsonNode role : list("/api/v1/users/" + userId + "/roles")) {
      boolean fresh = inWindow(role.path("created"));
      add("audit-admin-role", fresh ? Severity.CRITICAL : Severity.INFO, login, login + " holds " + role.path("type").asString()
          + (fresh ? ", granted inside the compromise window" : "") + ".", fresh ? "Remove the role." : "Keep in mind: an"
          + " admin's compromise reaches the whole tenant; prioritise containment.",
          List.of(new Citation.ApiObject("role", userId + "/" + role.path("id").asString())),
          // a role held from before the window is context, not a target: no roleId for the planner to remove
          fresh ? Map.of("userId", userId, "roleId", role.path("id").asString(), "attacker", "true")
              : Map.of("userId", userId));
    }
  }

  private boolean inWindow(JsonNode created) {
    if (window.start() == null || created == null || created.isNull() || created.isMissingNode()) {
      return false;
    }
    Instant t = Instant.parse(created.asString());
    return !t.isBefore(window.start()) && !t.isAfter(window.end());
  }

  private void add(String detection, Severity sev, String subject, String summary, String recommendation,
      List<Citation> cites, Map<String, String> facts) {
    Instant first = null;
    for (Citation c : cites) {
      if (c instanceof Citation.Event e && e.published() != null && (first == null || e.published().isBefore(first))) {
        first = e.published();
      }
    }
    Map<String, String> f = new LinkedHashMap<>(facts);
    f.values().removeIf(String::isEmpty);
    out.add(new Finding(FindingIds.of(detection, subject, cites), detection, sev, summaryTitle(detection), summary, subject,
        first, first, null, recommendation, cites, f));
  }

  private static String summaryTitle(String detection) {
    return switch (detection) {
      case "policy-gap" -> "Policy gap: a ThreatInsight-flagged source was allowed";
      case "audit-rogue-factor" -> "Factor enrolled in the compromise window (rogue candidate)";
      case "audit-assignment" -> "App assignment created in the compromise window";
      case "audit-grant" -> "OAuth grant held by the user";
      case "audit-refresh-token" -> "Refresh token held by a client the attacker consented";
      case "audit-api-token" -> "API token created in the compromise window";
      default -> "Admin role held";
    };
  }

  /** Returns every element of a list endpoint, following Link rel="next". */
  private List<JsonNode> list(String path) {
    List<JsonNode> all = new ArrayList<>();
    String next = path;
    for (int pages = 0; next != null && pages < 100; pages++) {
      OktaResponse r = okta.get(next);
      if (r.status() != 200) {
        break;
      }
      r.json().forEach(all::add);
      next = null;
      for (String link : r.headers("Link")) {
        Matcher m = NEXT.matcher(link);
        if (m.find()) {
          next = m.group(1);
        }
      }
    }
    return all;
  }
}
