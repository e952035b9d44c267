package dev.oktair.downstream;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The front door of {@code downstream}: the impact map (which SP each app is, who the subject is
 * there, what to revoke and what survives) and the connector registry contain runs steps through.
 * Stateless and thread-safe.
 */
public final class Downstream {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Downstream() {}

  /**
   * Returns one connector per configured SP, keyed by SP short name; with {@code dryRun} no
   * connector sends anything (not even a token request).
   */
  public static Map<String, Connector> connectors(DownstreamConfig config, Clock clock, boolean dryRun) {
    SpHttp http = new SpHttp(dryRun, TIMEOUT, clock);
    Map<String, Connector> out = new LinkedHashMap<>();
    for (Sp sp : config.settings().keySet()) {
      out.put(sp.id(), sp.connector(config, http, clock));
    }
    return Map.copyOf(out);
  }

  /** Returns the SP short name for an Okta catalog app name, or null when no connector knows it. */
  public static String spFor(String catalogName) {
    Sp sp = catalogName == null ? null : Sp.forCatalogName(catalogName);
    return sp == null ? null : sp.id();
  }

  /**
   * Returns the impact map: one entry per app, most recently reached first, then by label. Apps of
   * a known SP get its actions (manual when its connector is not in {@code configured}, the
   * subject's SP identity is unknown, or the SP acts per role and the identity names none); unknown apps get a manual checklist.
   */
  public static List<Impact> impactMap(List<AppAccess> apps, java.util.Set<String> configured) {
    List<Impact> out = new ArrayList<>();
    for (AppAccess a : apps) {
      Sp sp = a.name() == null ? null : Sp.forCatalogName(a.name());
      SpIdentity who = a.userName() == null ? null : new SpIdentity(a.userName(), a.samlRoles());
      List<PlannedAction> actions = new ArrayList<>();
      if (sp == null) {
        actions.addAll(checklist(a));
      } else {
        for (PlannedAction p : sp.actions()) {
          if (who == null) {
            actions.add(p.asManual("the subject is no longer assigned; find the SP user by hand"));
          } else if (!configured.contains(sp.id())) {
            actions.add(p.asManual("no " + sp.id() + " connector configured"));
          } else if (sp.actsPerRole() && p.step() != null && who.roles().isEmpty()) {
            // the connector refuses a user whose roles it cannot name: say so at review, not as a failed apply
            actions.add(p.asManual("the app user lists no roles (samlRoles): find the roles it assumed in CloudTrail"));
          } else {
            actions.add(p);
          }
        }
      }
      out.add(new Impact(a, sp == null ? null : sp.id(), who, a.lastAccess(), actions));
    }
    out.sort(Comparator.comparing(Impact::lastAccess, Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(i -> i.app().label()));
    return out;
  }

  /** Returns one impact as the documented JSON object ({@code downstream --json}, plan.json's {@code downstream}). */
  public static tools.jackson.databind.node.ObjectNode toJson(Impact impact) {
    return ImpactJson.write(impact);
  }

  /**
   * Reads an impact back from {@link #toJson}'s object.
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static Impact fromJson(tools.jackson.databind.JsonNode json) {
    return ImpactJson.read(json);
  }

  /** Returns the manual checklist for an app no connector knows (custom SAML or OIDC). */
  private static List<PlannedAction> checklist(AppAccess a) {
    String where = a.label() + (a.name() == null ? "" : " (" + a.name() + ")");
    String user = a.userName() == null ? "the subject" : a.userName();
    List<PlannedAction> out = new ArrayList<>();
    out.add(new PlannedAction("end every session of " + user + " in " + where + "'s own admin console", null,
        "the app's own sessions, which Okta's revocation does not reach", "anything the app cannot end from its console", true, false));
    out.add(new PlannedAction("revoke API tokens, OAuth grants and local passwords " + user + " holds in " + where, null,
        "credentials minted by the app itself", "credentials not listed in the app's console", true, false));
    if ("OPENID_CONNECT".equals(a.signOnMode())) {
      out.add(new PlannedAction("confirm contain revoked Okta-issued tokens for " + where + " (sessions with oauthTokens=true)", null,
          "Okta-issued refresh tokens of this OIDC app", "access tokens until they expire; the app's own session cookie", true, false));
    }
    return out;
  }
}
