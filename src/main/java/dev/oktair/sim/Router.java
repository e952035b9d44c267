package dev.oktair.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps method and path templates ({@code /api/v1/users/{id}/factors/{factorId}}) to handlers,
 * each with the OAuth scope it needs and its rate-limit bucket. Built once, then read-only.
 */
final class Router {
  /** Handles one matched request. */
  interface Handler {
    Response handle(Request request);
  }

  /** A group of endpoints of one API area; each route class registers its own. */
  interface Routes {
    void register(Router router);
  }

  /**
   * One endpoint.
   *
   * @param method HTTP method
   * @param segments the template split on {@code /}
   * @param scope the OAuth scope a bearer token needs
   * @param bucket the rate-limit bucket
   * @param lockFree true when the handler needs no tenant lock (the System Log)
   * @param handler what it does
   */
  record Endpoint(String method, String[] segments, String scope, String bucket, boolean lockFree, Handler handler) {
    boolean mutating() {
      return !"GET".equals(method) && !"HEAD".equals(method);
    }
  }

  /** The outcome of routing: the endpoint and its path variables, or the methods the path allows. */
  record Match(Endpoint endpoint, Map<String, String> params, Set<String> allowed) {
    boolean found() {
      return endpoint != null;
    }

    boolean pathExists() {
      return endpoint != null || !allowed.isEmpty();
    }
  }

  private final List<Endpoint> endpoints = new ArrayList<>();

  void get(String template, String scope, Handler handler) {
    add("GET", template, scope, false, handler);
  }

  void post(String template, String scope, Handler handler) {
    add("POST", template, scope, false, handler);
  }

  void delete(String template, String scope, Handler handler) {
    add("DELETE", template, scope, false, handler);
  }

  void put(String template, String scope, Handler handler) {
    add("PUT", template, scope, false, handler);
  }

  void add(String method, String template, String scope, boolean lockFree, Handler handler) {
    endpoints.add(new Endpoint(method, split(template), scope, bucketOf(method, template), lockFree, handler));
  }

  /** Routes a request by method and raw (still encoded) path. */
  Match match(String method, String rawPath) {
    String[] parts = split(rawPath);
    Set<String> allowed = new TreeSet<>();
    for (Endpoint e : endpoints) {
      Map<String, String> params = bind(e.segments(), parts);
      if (params == null) {
        continue;
      }
      if (e.method().equals(method)) {
        return new Match(e, params, Set.of());
      }
      allowed.add(e.method());
    }
    return new Match(null, Map.of(), allowed);
  }

  /** Returns the bucket of a path that matched no endpoint. */
  static String bucketOf(String method, String template) {
    if (template.equals("/api/v1/logs")) {
      return "logs";
    }
    if (template.equals("/api/v1/users")) {
      return "users";
    }
    if (template.matches("/api/v1/users/[^/]+")) {
      return "GET".equals(method) ? "user" : "userWrite";
    }
    if (template.matches("/api/v1/apps/[^/]+") && "GET".equals(method)) {
      return "app";
    }
    if (template.startsWith("/api/v1/apps")) {
      return "apps";
    }
    return "other";
  }

  private static Map<String, String> bind(String[] template, String[] parts) {
    if (template.length != parts.length) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("}")) {
        if (parts[i].isEmpty()) {
          return null;
        }
        params.put(t.substring(1, t.length() - 1), Request.decodePathSegment(parts[i]));
      } else if (!t.equals(parts[i])) {
        return null;
      }
    }
    return params;
  }

  private static String[] split(String path) {
    String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    return p.split("/", -1);
  }
}
