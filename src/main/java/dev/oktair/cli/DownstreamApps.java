package dev.oktair.cli;

import dev.oktair.downstream.AppAccess;
import dev.oktair.okta.OktaApiException;
import dev.oktair.okta.OktaClient;
import dev.oktair.store.CaseDatabase;
import dev.oktair.store.RowSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Gathers the apps a subject reached or holds, for the downstream impact map: SSO targets in the
 * case's window (the case database) united with the subject's current assignments (Okta), each
 * resolved to its app instance and the subject's app user there (the SP-side identity).
 */
final class DownstreamApps {

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
    okta.getAll("/api/v1/apps?limit=200&filter=" + OktaClient.encode("user.id eq \"" + userId + "\""))
        .forEach(a -> apps.put(a.path("id").asString(), a));
    List<String> ids = new ArrayList<>(lastAccess.keySet());
    apps.keySet().stream().filter(id -> !lastAccess.containsKey(id)).forEach(ids::add);
    // One or two reads per app, each a round trip: sent side by side (the client keeps to the rate
    // limits), so a subject with twenty apps waits for one round trip, not twenty.
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(8, ids.size())));
    try {
      List<Future<AppAccess>> pending = new ArrayList<>();
      for (String id : ids) {
        pending.add(pool.submit(() -> access(okta, id, userId, apps.get(id), lastAccess.get(id), labels)));
      }
      List<AppAccess> out = new ArrayList<>();
      for (Future<AppAccess> f : pending) {
        out.add(result(f));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static AppAccess access(OktaClient okta, String id, String userId, JsonNode listed, Instant lastAccess,
      Map<String, String> labels) {
    JsonNode app = listed != null ? listed : getOrNull(okta, "/api/v1/apps/" + OktaClient.encode(id));
    JsonNode au = getOrNull(okta, "/api/v1/apps/" + OktaClient.encode(id) + "/users/" + OktaClient.encode(userId));
    List<String> roles = new ArrayList<>();
    String userName = null;
    if (au != null) {
      userName = au.path("credentials").path("userName").asString(null);
      au.path("profile").path("samlRoles").forEach(n -> roles.add(n.asString()));
    }
    String label = app != null ? app.path("label").asString(id) : labels.getOrDefault(id, id);
    return new AppAccess(id, label, app == null ? null : app.path("name").asString(null),
        app == null ? null : app.path("signOnMode").asString(null), userName, roles, lastAccess);
  }

  /** Returns the task's value, rethrowing its failure as it was thrown. */
  private static AppAccess result(Future<AppAccess> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the subject's apps", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
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
}
