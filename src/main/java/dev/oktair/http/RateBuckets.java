package dev.oktair.http;

/**
 * Names the rate-limit bucket a request counts against, as the remote API defines its buckets
 * (e.g. Okta's {@code /api/v1/logs}, {@code GET /api/v1/users/{id}}). Requests with the same name
 * share one budget, learnt from the rate-limit headers of their answers. Implementations must be
 * pure and thread-safe.
 */
@FunctionalInterface
public interface RateBuckets {
  /** Returns the bucket of {@code method rawPath} (the path without the query). */
  String bucketOf(String method, String rawPath);

  /** Returns buckets by the first three path segments ({@code /api/v1/logs}): a generic default. */
  static RateBuckets byPathPrefix() {
    return (method, path) -> {
      int slashes = 0;
      for (int i = 0; i < path.length(); i++) {
        if (path.charAt(i) == '/' && ++slashes == 4) {
          return path.substring(0, i);
        }
      }
      return path;
    };
  }
}
