package dev.oktair.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Requests per minute allowed in each endpoint bucket, Okta Workforce defaults unless changed
 * (okta-api.md §2.6). Buckets: {@code logs} (GET /api/v1/logs, 120), {@code user} (GET
 * /api/v1/users/{id}, 2000), {@code users} (GET|POST /api/v1/users, 600), {@code userWrite}
 * (POST|PUT|DELETE /api/v1/users/{id}, 600), {@code apps} (/api/v1/apps*, 100), {@code app} (GET
 * /api/v1/apps/{id}, 500), {@code other} (the rest of /api/v1, 1200).
 *
 * @param perMinute bucket name to requests per 60-second window
 */
public record RateLimits(Map<String, Integer> perMinute) {
  private static final Map<String, Integer> DEFAULTS = defaultsMap();

  public RateLimits {
    Objects.requireNonNull(perMinute, "perMinute");
    for (Map.Entry<String, Integer> e : perMinute.entrySet()) {
      if (!DEFAULTS.containsKey(e.getKey())) {
        throw new IllegalArgumentException(
            "unknown rate-limit bucket '" + e.getKey() + "' (known: " + DEFAULTS.keySet() + ")");
      }
      if (e.getValue() == null || e.getValue() < 1) {
        throw new IllegalArgumentException("rate limit of bucket " + e.getKey() + " must be at least 1");
      }
    }
    Map<String, Integer> all = new LinkedHashMap<>(DEFAULTS);
    all.putAll(perMinute);
    perMinute = Map.copyOf(all);
  }

  /** Returns Okta Workforce's default limits. */
  public static RateLimits defaults() {
    return new RateLimits(Map.of());
  }

  /** Returns these limits with the System Log bucket set to {@code perMinute}. */
  public RateLimits withLogs(int perMinute) {
    return with("logs", perMinute);
  }

  /** Returns these limits with one bucket changed. */
  public RateLimits with(String bucket, int limit) {
    Map<String, Integer> m = new LinkedHashMap<>(this.perMinute);
    m.put(bucket, limit);
    return new RateLimits(m);
  }

  /** Returns limits with every bucket set to {@code limit} (tests that want to exhaust one fast). */
  public static RateLimits all(int limit) {
    Map<String, Integer> m = new LinkedHashMap<>();
    DEFAULTS.keySet().forEach(k -> m.put(k, limit));
    return new RateLimits(m);
  }

  /** Returns the limit of {@code bucket}. */
  public int limit(String bucket) {
    Integer v = perMinute.get(bucket);
    if (v == null) {
      throw new IllegalArgumentException("unknown rate-limit bucket '" + bucket + "'");
    }
    return v;
  }

  private static Map<String, Integer> defaultsMap() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("logs", 120);
    m.put("user", 2000);
    m.put("users", 600);
    m.put("userWrite", 600);
    m.put("apps", 100);
    m.put("app", 500);
    m.put("other", 1200);
    return m;
  }
}
