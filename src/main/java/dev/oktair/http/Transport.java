package dev.oktair.http;

import dev.oktair.errors.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.DoubleSupplier;

/**
 * Sends one call with rate limits and the retries that are safe for it. Every call waits for its
 * bucket's budget and is re-sent after a 429 (the server rejects those before acting), after a
 * 401 once the credentials were renewed, and after a connection that never opened. An idempotent
 * call is also re-sent after 5xx, timeouts and resets, with capped jittered backoff. A call that
 * is not safe to repeat is re-sent after a 5xx only when the server itself answered with an error
 * body; after a timeout, a reset or a bare 5xx (the server may have acted) it runs the caller's
 * check, and sends again only when the check says the change did not take effect. Thread-safe.
 */
final class Transport {
  /** Everything a transport needs, fixed at build time. */
  record Settings(
      HttpClient http, RateLimiter limiter, RateBuckets buckets, RetryPolicy retry, Clock clock, Sleeper sleeper,
      DoubleSupplier random, Duration requestTimeout, String requestIdHeader, String userAgent, Authorizer auth,
      BiFunction<HttpException, Authorizer, RuntimeException> errors) {
    /** Returns these settings with another retry policy (sharing the rate-limit budget). */
    Settings withRetry(RetryPolicy other) {
      return new Settings(http, limiter, buckets, other, clock, sleeper, random, requestTimeout, requestIdHeader,
          userAgent, auth, errors);
    }
  }

  private final Settings s;

  Transport(Settings settings) {
    this.s = settings;
  }

  /** Sends {@code call} to {@code uri} (already on the origin) and says what came of it; never throws for a failure. */
  Mutation.Result exchange(URI uri, Call call, Mutation.AlreadyDone check) {
    Exchange x = new Exchange(uri, call, check);
    return x.run();
  }

  /** The state of one call across its attempts. */
  private final class Exchange {
    private final URI uri;
    private final Call call;
    private final Mutation.AlreadyDone check;
    private final Authorizer auth;
    private final String what;
    private final String bucket;
    private final Instant started = s.clock().instant();
    private final List<String> history = new ArrayList<>();
    private int sends;

    Exchange(URI uri, Call call, Mutation.AlreadyDone check) {
      this.uri = uri;
      this.call = call;
      this.check = check;
      this.auth = call.authorizer() == null ? s.auth() : call.authorizer();
      this.what = call.method() + " " + Headers.pathOf(uri);
      this.bucket = s.buckets().bucketOf(call.method(), uri.getRawPath());
    }

    Mutation.Result run() {
      boolean renewed = false;
      for (int n = 0; ; n++) {
        final int attempt = n;
        HttpResponse<byte[]> sent;
        try {
          s.limiter().acquire(bucket);
          try {
            sends++;
            sent = s.http().send(request(), HttpResponse.BodyHandlers.ofByteArray());
          } catch (IOException e) {
            s.limiter().completed(bucket, null);
            boolean notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
            if (notSent) {
              sends--;
            }
            Mutation.Result end = notSent || call.idempotent()
                ? retryOrFail(attempt, () -> noAnswer(attempt, describe(e), e))
                : ambiguous(attempt, describe(e) + " after it was sent", e);
            if (end != null) {
              return end;
            }
            continue;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          HttpException stop = new HttpException(Kind.INTERRUPTED, "interrupted while calling " + what, e);
          // interrupted mid-send, a call that is not safe to repeat may or may not have been acted on
          return end(sends > 0 && !call.idempotent() ? Mutation.State.UNKNOWN_UNCHECKED : Mutation.State.FAILED, stop);
        }
        final HttpResponse<byte[]> response = sent;
        s.limiter().completed(bucket, response.headers());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          HttpResult ok = new HttpResult(status, uri, response.headers().map(), response.body(), requestId(response), null);
          return new Mutation.Result(Mutation.State.DONE, ok, null, sends, history);
        }
        Mutation.Result end;
        if (status == 429) {
          Duration wait = s.limiter().waitAfterRateLimit(response.headers());
          end = retryOrFail(attempt, wait, () -> apiError(response));
        } else if (isRetriedServerError(status)) {
          end = call.idempotent() || isApiErrorBody(response.body())
              ? retryOrFail(attempt, () -> apiError(response))
              : ambiguous(attempt, "the answer " + status + " without an error body", apiError(response));
        } else if (status == 401 && !renewed && auth.renewAfterUnauthorized()) {
          renewed = true;
          continue;
        } else {
          end = end(Mutation.State.FAILED, apiError(response));
        }
        if (end != null) {
          return end;
        }
      }
    }

    /** Backs off and returns null to go on, or returns the failure once the budget is spent. */
    private Mutation.Result retryOrFail(int attempt, java.util.function.Supplier<HttpException> failure) {
      return retryOrFail(attempt, null, failure);
    }

    private Mutation.Result retryOrFail(int attempt, Duration wait, java.util.function.Supplier<HttpException> failure) {
      if (attempt >= s.retry().maxRetries() || !withinTime()) {
        return end(Mutation.State.FAILED, failure.get());
      }
      return pause(wait != null ? wait : s.retry().backoff(attempt + 1, s.random().getAsDouble()));
    }

    /**
     * After a failure that leaves the outcome open: without a check, stops with the outcome
     * unknown; with one, stops when it finds the change done, and sends again (within the budget)
     * only when it finds it not done.
     */
    private Mutation.Result ambiguous(int attempt, String why, Throwable cause) {
      String note = what + ": " + why;
      if (check == null) {
        history.add(note + "; not checked");
        return end(Mutation.State.UNKNOWN_UNCHECKED, new HttpException(Kind.REMOTE, note
            + ": the outcome is unknown (the change may or may not have taken effect). It was not sent again because"
            + " it is not safe to repeat: check the current state before trying again", cause));
      }
      boolean done;
      try {
        done = check.check();
      } catch (RuntimeException e) {
        history.add(note + "; the check failed");
        HttpException unknown = new HttpException(Kind.REMOTE, note + ": the outcome is unknown, and checking whether"
            + " it took effect failed too (" + e.getMessage() + "): check the current state before trying again", e);
        return end(Mutation.State.UNKNOWN_UNCHECKED, unknown);
      }
      if (done) {
        history.add(note + "; checked: done");
        return new Mutation.Result(Mutation.State.UNKNOWN_CHECKED_DONE, null, null, sends, history);
      }
      history.add(note + "; checked: not done");
      if (attempt >= s.retry().maxRetries() || !withinTime()) {
        return end(Mutation.State.UNKNOWN_CHECKED_NOT_DONE, new HttpException(Kind.REMOTE, note
            + ": checked, it did not take effect; not sent again because the retry budget is spent", cause));
      }
      return pause(s.retry().backoff(attempt + 1, s.random().getAsDouble()));
    }

    private Mutation.Result pause(Duration wait) {
      try {
        s.sleeper().sleep(wait);
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return end(Mutation.State.FAILED, new HttpException(Kind.INTERRUPTED, "interrupted while calling " + what, e));
      }
    }

    private Mutation.Result end(Mutation.State state, HttpException failure) {
      return new Mutation.Result(state, null, s.errors().apply(failure, auth), sends, history);
    }

    private HttpException noAnswer(int attempt, String why, IOException e) {
      return new HttpException(Kind.REMOTE,
          "no answer from " + Origins.origin(uri) + " to " + what + " after " + (attempt + 1) + " attempts: " + why, e);
    }

    private HttpApiException apiError(HttpResponse<byte[]> response) {
      List<Secret> secrets = new ArrayList<>(auth.secrets());
      secrets.addAll(s.auth().secrets());
      String body = Secret.mask(new String(response.body(), StandardCharsets.UTF_8), secrets);
      return new HttpApiException(response.statusCode(), call.method(), Headers.pathOf(uri), body,
          requestId(response), response.headers().map());
    }

    private String requestId(HttpResponse<byte[]> response) {
      return response.headers().firstValue(s.requestIdHeader()).orElse(null);
    }

    private HttpRequest request() throws InterruptedException {
      byte[] body = call.body();
      HttpRequest.Builder b = HttpRequest.newBuilder(uri)
          .timeout(s.requestTimeout())
          .header("Accept", "application/json")
          .header("User-Agent", s.userAgent())
          .method(call.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      if (call.contentType() != null) {
        b.header("Content-Type", call.contentType());
      }
      auth.authorize(b, call.method(), uri);
      return b.build();
    }

    private boolean withinTime() {
      return Duration.between(started, s.clock().instant()).compareTo(s.retry().maxElapsed()) < 0;
    }
  }

  private static boolean isRetriedServerError(int status) {
    return status == 500 || status == 502 || status == 503 || status == 504;
  }

  /**
   * Returns true when a 5xx body is the API's own error object: the API answered, and an API
   * answers an error instead of acting. A gateway or load balancer that lost the upstream answers
   * with nothing or with HTML, which leaves open whether the API acted.
   */
  private static boolean isApiErrorBody(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return b == '{';
      }
    }
    return false;
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
  }
}
