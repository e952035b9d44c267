package dev.oktair.okta;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Sends one request to the org with retries and rate limits: waits for the rate-limit budget,
 * retries 429 after the reset, retries 5xx, timeouts and connection resets with capped jittered
 * backoff, renews OAuth tokens once after a 401, and turns every other error status into an
 * {@link OktaApiException} at once. Refuses any URL outside the org's origin, so a credential
 * never leaves it. Thread-safe.
 */
final class Transport {
  private static final String USER_AGENT = "okta-ir/0.1 java/" + Runtime.version().feature();

  private final URI org;
  private final HttpClient http;
  private final RateLimiter limiter;
  private final RetryPolicy retry;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final Duration requestTimeout;

  Transport(
      URI org, HttpClient http, RateLimiter limiter, RetryPolicy retry, Clock clock, Sleeper sleeper,
      DoubleSupplier random, Duration requestTimeout) {
    this.org = org;
    this.http = http;
    this.limiter = limiter;
    this.retry = retry;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
    this.requestTimeout = requestTimeout;
  }

  /**
   * Sends {@code method uri} with {@code body} ({@code contentType}; null for none) and returns the
   * 2xx answer.
   *
   * @throws OktaApiException for an error status that is not retried, or still failing after retries
   * @throws OktaException when no answer came after the retries, or the URL is not the org's
   */
  OktaResponse send(String method, URI uri, byte[] body, String contentType, Auth auth) {
    return send(method, uri, body, contentType, auth, retry);
  }

  /**
   * Sends {@code method uri} once: no retry after a 429, a 5xx or a lost connection (only the
   * OAuth token renewal after a 401, which Okta rejected before doing anything). For writes whose
   * caller checks the tenant's state before deciding to send again.
   */
  OktaResponse sendOnce(String method, URI uri, byte[] body, String contentType, Auth auth) {
    return send(method, uri, body, contentType, auth, new RetryPolicy(0, retry.baseDelay(), retry.maxDelay(), retry.maxElapsed()));
  }

  private OktaResponse send(String method, URI uri, byte[] body, String contentType, Auth auth, RetryPolicy retry) {
    requireOrgOrigin(uri);
    String bucket = RateLimiter.bucketOf(uri.getRawPath());
    Instant started = clock.instant();
    boolean renewed = false;
    for (int attempt = 0; ; attempt++) {
      HttpResponse<byte[]> response;
      try {
        limiter.acquire(bucket);
        try {
          response = http.send(request(method, uri, body, contentType, auth), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
          limiter.completed(bucket, null);
          backOffOrFail(retry, attempt, started, method, uri, describe(e), e);
          continue;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OktaException("interrupted while calling " + method + " " + ApiErrors.pathOf(uri), e);
      }
      limiter.completed(bucket, response.headers());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return new OktaResponse(status, uri, response.headers().map(), response.body(), null);
      }
      if (status == 429 && attempt < retry.maxRetries() && withinTime(retry, started)) {
        Duration wait = limiter.waitAfterRateLimit(response.headers());
        pause(wait != null ? wait : retry.backoff(attempt + 1, random.getAsDouble()), method, uri);
        continue;
      }
      if (isRetriedServerError(status) && attempt < retry.maxRetries() && withinTime(retry, started)) {
        pause(retry.backoff(attempt + 1, random.getAsDouble()), method, uri);
        continue;
      }
      if (status == 401 && !renewed && auth.renewAfterUnauthorized()) {
        renewed = true;
        continue;
      }
      throw ApiErrors.from(method, uri, response, auth);
    }
  }

  /** Throws unless {@code uri} is on the org's scheme, host and port. */
  void requireOrgOrigin(URI uri) {
    if (!OrgUrls.sameOrigin(org, uri)) {
      throw new OktaException(
          "refusing to send a request to " + OrgUrls.origin(uri) + ": it is not the org " + org
              + " (okta-ir only ever sends the credential to the org itself)");
    }
  }

  private HttpRequest request(String method, URI uri, byte[] body, String contentType, Auth auth)
      throws InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("Accept", "application/json")
        .header("User-Agent", USER_AGENT)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    auth.authorize(b, method, uri);
    return b.build();
  }

  private static boolean isRetriedServerError(int status) {
    return status == 500 || status == 502 || status == 503 || status == 504;
  }

  private boolean withinTime(RetryPolicy retry, Instant started) {
    return Duration.between(started, clock.instant()).compareTo(retry.maxElapsed()) < 0;
  }

  private void backOffOrFail(RetryPolicy retry, int attempt, Instant started, String method, URI uri, String what, IOException e)
      throws InterruptedException {
    if (attempt >= retry.maxRetries() || !withinTime(retry, started)) {
      throw new OktaException(
          "no answer from " + org + " to " + method + " " + ApiErrors.pathOf(uri) + " after " + (attempt + 1)
              + " attempts: " + what, e);
    }
    sleeper.sleep(retry.backoff(attempt + 1, random.getAsDouble()));
  }

  private void pause(Duration wait, String method, URI uri) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OktaException("interrupted while calling " + method + " " + ApiErrors.pathOf(uri), e);
    }
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
  }

  /** Returns the form-encoded body of {@code fields}, in their order. */
  static byte[] form(Map<String, String> fields) {
    StringBuilder sb = new StringBuilder();
    fields.forEach((k, v) -> {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(encode(k)).append('=').append(encode(v));
    });
    return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
