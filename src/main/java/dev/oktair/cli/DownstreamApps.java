package dev.oktair.cli;

import dev.oktair.downstream.AppAccess;
import dev.oktair.okta.OktaApiException;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaResponse;
import dev.oktair.store.CaseDatabase;
import dev.oktair.store.RowSink;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Gathers the apps a subject reached or holds, for the downstream impact map: SSO targets in the
 * case's window (the case database) united with the subject's current assignments (Okta), each
 * resolved to its app instance and the subject's app user there (the SP-side identity).
 */
final class DownstreamApps {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

  private DownstreamApps() {}

  /**
   * Returns one entry per app, SSO'd-into apps first in order of last access; with no case
   * database ({@code db} null: the case holds findings but no evidence) only current assignments.
   */
  static List<AppAccess> collect(CaseDatabase db, OktaClient okta, String login, Instant since, Instant until) {
    Map<String, Instant> lastAccess = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    if (db != null) {
      sso(db, login, since, until, lastAccess, labels);
    }
    return assignments(okta, login, lastAccess, labels);
  }

  private static void sso(CaseDatabase db, String login, Instant since, Instant until, Map<String, Instant> lastAccess,
      Map<String, String> labels) {
    db.sql(ssoQuery(login, since, until), new RowSink() {
      @Override
      public void columns(List<Column> columns) {}

      @Override
      public void row(List<Object> v) {
        lastAccess.put((String) v.get(0), (Instant) v.get(2));
        labels.put((String) v.get(0), (String) v.get(1));
      }

      @Override
      public void end() {}
    });
  }

  private static List<AppAccess> assignments(OktaClient okta, String login, Map<String, Instant> lastAccess,
      Map<String, String> labels) {
    JsonNode user = okta.get("/api/v1/users/" + OktaClient.encode(login)).json();
    String userId = user.path("id").asString();
    Map<String, JsonNode> apps = new LinkedHashMap<>();
    String next = "/api/v1/apps?limit=200&filter=" + OktaClient.encode("user.id eq \"" + userId + "\"");
    while (next != null) {
      OktaResponse r = okta.get(next);
      r.json().forEach(a -> apps.put(a.path("id").asString(), a));
      next = next(r);
    }
    List<String> ids = new ArrayList<>(lastAccess.keySet());
    apps.keySet().stream().filter(id -> !lastAccess.containsKey(id)).forEach(ids::add);
    List<AppAccess> out = new ArrayList<>();
    for (String id : ids) {
      JsonNode app = apps.containsKey(id) ? apps.get(id) : getOrNull(okta, "/api/v1/apps/" + OktaClient.encode(id));
      JsonNode au = getOrNull(okta, "/api/v1/apps/" + OktaClient.encode(id) + "/users/" + OktaClient.encode(userId));
      List<String> roles = new ArrayList<>();
      String userName = null;
      if (au != null) {
        userName = au.path("credentials").path("userName").asString(null);
        au.path("profile").path("samlRoles").forEach(n -> roles.add(n.asString()));
      }
      String label = app != null ? app.path("label").asString(id) : labels.getOrDefault(id, id);
      out.add(new AppAccess(id, label, app == null ? null : app.path("name").asString(null),
          app == null ? null : app.path("signOnMode").asString(null), userName, roles, lastAccess.get(id)));
    }
    return out;
  }

  /** The subject's successful SSOs by app; the login is quoted as an SQL string literal. */
  private static String ssoQuery(String login, Instant since, Instant until) {
    StringBuilder q = new StringBuilder("SELECT target_app_id, max(target_app), max(published) FROM events"
        + " WHERE event_type = 'user.authentication.sso' AND outcome_result = 'SUCCESS' AND target_app_id IS NOT NULL"
        + " AND lower(actor_alternate_id) = lower(" + literal(login) + ")");
    if (since != null) {
      q.append(" AND published >= ").append(literal(sqlTime(since))).append("::TIMESTAMP");
    }
    if (until != null) {
      q.append(" AND published < ").append(literal(sqlTime(until))).append("::TIMESTAMP");
    }
    return q.append(" GROUP BY 1 ORDER BY 3 DESC").toString();
  }

  /** Returns the instant as the database's UTC TIMESTAMP text. */
  private static String sqlTime(Instant t) {
    return t.toString().replace('T', ' ').replace("Z", "");
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static JsonNode getOrNull(OktaClient okta, String path) {
    try {
      return okta.get(path).json();
    } catch (OktaApiException e) {
      if (e.status() == 404) {
        return null;
      }
      throw e;
    }
  }

  private static String next(OktaResponse r) {
    for (String link : r.headers("Link")) {
      Matcher m = NEXT.matcher(link);
      if (m.find()) {
        return URI.create(m.group(1)).toString();
      }
    }
    return null;
  }
}
