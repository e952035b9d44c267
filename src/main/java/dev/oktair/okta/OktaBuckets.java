package dev.oktair.okta;

import dev.oktair.http.RateBuckets;
import java.util.regex.Pattern;

/**
 * Okta's rate-limit buckets by endpoint family (okta-api.md §2.6 and F5, the last published
 * Workforce table): {@code logs} (/api/v1/logs, 120/min), {@code user-get} (GET
 * /api/v1/users/{id}, 2000), {@code users} (GET|POST /api/v1/users: list and create, 600),
 * {@code user-write} (POST|PUT|DELETE /api/v1/users/{id}, 600), {@code app-get} (GET
 * /api/v1/apps/{id}, 500), {@code apps} (the rest of /api/v1/apps*, 100), {@code group} (GET
 * /api/v1/groups/{id}, 1000), {@code groups}, {@code sessions}, {@code token} (/oauth2/v1/token,
 * 2000), {@code oauth2} (the rest of the authorization servers, /oauth2/* and
 * /api/v1/authorizationServers*) and {@code default} (most other /api/v1, 1200). The numbers are
 * defaults that differ per org: the budget of each bucket is always learnt from the headers.
 * Sub-resources such as {@code /api/v1/users/{id}/lifecycle/suspend} are not in the user buckets,
 * whose limits Okta documents for the exact paths.
 */
final class OktaBuckets implements RateBuckets {
  static final OktaBuckets INSTANCE = new OktaBuckets();
  private static final Pattern ONE = Pattern.compile("[^/]+");

  private OktaBuckets() {}

  @Override
  public String bucketOf(String method, String rawPath) {
    String p = rawPath.endsWith("/") && rawPath.length() > 1 ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    boolean get = method.equals("GET");
    if (p.equals("/api/v1/logs")) {
      return "logs";
    }
    if (p.equals("/api/v1/users")) {
      return "users";
    }
    if (isOne(p, "/api/v1/users/")) {
      return get ? "user-get" : "user-write";
    }
    if (isOne(p, "/api/v1/apps/") && get) {
      return "app-get";
    }
    if (family(p, "/api/v1/apps")) {
      return "apps";
    }
    if (isOne(p, "/api/v1/groups/") && get) {
      return "group";
    }
    if (family(p, "/api/v1/groups")) {
      return "groups";
    }
    if (family(p, "/api/v1/sessions")) {
      return "sessions";
    }
    if (p.equals("/oauth2/v1/token")) {
      return "token";
    }
    if (family(p, "/oauth2") || family(p, "/api/v1/authorizationServers")) {
      return "oauth2";
    }
    return "default";
  }

  /** Returns true for {@code prefix} followed by exactly one more segment. */
  private static boolean isOne(String path, String prefix) {
    return path.startsWith(prefix) && ONE.matcher(path.substring(prefix.length())).matches();
  }

  private static boolean family(String path, String root) {
    return path.equals(root) || path.startsWith(root + "/");
  }
}
