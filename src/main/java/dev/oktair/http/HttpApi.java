package dev.oktair.http;

import dev.oktair.errors.Kind;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.DoubleSupplier;

/**
 * One remote API on one origin: sends {@link Call}s with its credentials, rate limits and the
 * retries that are safe for each call, and never sends anything to another origin (a path, URL or
 * paging link elsewhere is refused before the credential leaves). A dry-run API sends GETs only:
 * every other call is refused before the network and recorded as "would send METHOD path".
 * Thread-safe; share one per remote API so that concurrent work shares one rate-limit budget.
 */
public final class HttpApi {
  private final URI origin;
  private final Transport transport;
  private final Transport onceTransport;
  private final Transport.Settings settings;
  private final boolean dryRun;
  private final List<String> refused = Collections.synchronizedList(new ArrayList<>());

  private HttpApi(Builder b) {
    this.origin = b.origin;
    this.dryRun = b.dryRun;
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(b.connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER) // a redirect could carry the credential elsewhere
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    this.settings = new Transport.Settings(http, new RateLimiter(b.clock, b.sleeper, b.random), b.buckets, b.retry,
        b.clock, b.sleeper, b.random, b.requestTimeout, b.requestIdHeader, b.userAgent, b.auth, b.errors);
    this.transport = new Transport(settings);
    this.onceTransport = new Transport(settings.withRetry(settings.retry().none()));
  }

  /** Returns a builder for an API on {@code origin} ({@code scheme://host[:port]}; a path is ignored). */
  public static Builder builder(URI origin) {
    return new Builder(origin);
  }

  /** Returns the origin every request goes to. */
  public URI origin() {
    return origin;
  }

  /** Returns true when this API refuses every call but GET (and calls marked read-only). */
  public boolean isDryRun() {
    return dryRun;
  }

  /** Returns the calls a dry-run API refused, as "would send METHOD path", in order. */
  public List<String> refusedRequests() {
    synchronized (refused) {
      return List.copyOf(refused);
    }
  }

  /**
   * Returns the URL of {@code pathOrUrl}: a path on the origin, or a URL that must be on it.
   *
   * @throws RuntimeException (an {@link HttpException}, or what the error mapper makes of it) for a
   *     URL on another origin
   */
  public URI resolve(String pathOrUrl) {
    try {
      URI uri = pathOrUrl.startsWith("/") ? URI.create(origin + pathOrUrl) : URI.create(pathOrUrl);
      if (Origins.same(origin, uri)) {
        return uri;
      }
      throw new HttpException(Kind.USAGE, "refusing to send a request to " + Origins.origin(uri) + ": it is not "
          + origin + " (the credential is only ever sent to " + origin + ")");
    } catch (IllegalArgumentException e) {
      throw mapped(new HttpException(Kind.USAGE, "not a path or URL: '" + pathOrUrl + "'", e));
    } catch (HttpException e) {
      throw mapped(e);
    }
  }

  /**
   * Sends {@code call} and returns the 2xx answer (or the dry-run stand-in).
   *
   * @throws RuntimeException the failure (an {@link HttpException}, or what the error mapper makes
   *     of it): an error answer after the retries that were safe, no answer, or, for a call that is
   *     not safe to repeat, an outcome that is unknown (it is then never sent again)
   */
  public HttpResult send(Call call) {
    Mutation.Result r = exchange(call, null);
    if (r.failure() != null) {
      throw r.failure();
    }
    return r.response();
  }

  /**
   * Sends {@code call} exactly once, with no retry of any kind (rate-limit pacing still applies
   * before it goes): for a caller that reads the state back itself before ever deciding to send
   * the same change again, such as a journaled containment step.
   *
   * @throws RuntimeException as {@link #send} does, for any failure including a 429 or a 5xx
   */
  public HttpResult sendOnce(Call call) {
    Mutation.Result r = exchange(call, null, onceTransport);
    if (r.failure() != null) {
      throw r.failure();
    }
    return r.response();
  }

  /**
   * Sends a change and returns what is known of its outcome; never throws for a remote failure.
   * After an ambiguous failure (timeout, reset, bare 5xx) {@code check} decides: done, or not done
   * and sent again within the retry budget. Idempotent calls are retried as by {@link #send}.
   */
  public Mutation.Result mutate(Call call, Mutation.AlreadyDone check) {
    return exchange(call, Objects.requireNonNull(check, "check"));
  }

  /**
   * Returns the {@code rel="next"} link of {@code page} (resolved against its URL), or null when it
   * has none.
   *
   * @throws RuntimeException (an {@link HttpException}, or what the error mapper makes of it) when
   *     the link points to another origin: it is never followed
   */
  public URI nextLink(HttpResult page) {
    URI next = Links.next(page.headers("Link"), page.uri());
    if (next != null && !Origins.same(origin, next)) {
      throw mapped(new HttpException(Kind.REMOTE, "the next link points to " + Origins.origin(next) + ", not to "
          + origin + ": refusing to follow it (the credential is only ever sent to " + origin + "; the page was "
          + page.uri().getRawPath() + ")"));
    }
    return next;
  }

  private Mutation.Result exchange(Call call, Mutation.AlreadyDone check) {
    return exchange(call, check, transport);
  }

  private Mutation.Result exchange(Call call, Mutation.AlreadyDone check, Transport via) {
    URI uri = resolve(call.pathOrUrl());
    if (dryRun && !call.sendableInDryRun()) {
      String note = "would send " + call.method() + " " + Headers.pathOf(uri);
      refused.add(note);
      return new Mutation.Result(Mutation.State.DRY_RUN, HttpResult.dryRun(uri, note), null, 0, List.of());
    }
    return via.exchange(uri, call, check);
  }

  private RuntimeException mapped(HttpException e) {
    return settings.errors().apply(e, settings.auth());
  }

  @Override
  public String toString() {
    return "HttpApi[" + origin + (dryRun ? ", dry-run" : "") + "]";
  }

  /** Configures an {@link HttpApi}; validated when built. Not thread-safe. */
  public static final class Builder {
    private final URI origin;
    private Authorizer auth = Authorizer.NONE;
    private RateBuckets buckets = RateBuckets.byPathPrefix();
    private RetryPolicy retry = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private boolean dryRun;
    private String requestIdHeader = "X-Request-Id";
    private String userAgent = "okta-ir/0.1 java/" + Runtime.version().feature();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private BiFunction<HttpException, Authorizer, RuntimeException> errors = (e, a) -> e;

    private Builder(URI origin) {
      Objects.requireNonNull(origin, "origin");
      String scheme = origin.getScheme() == null ? "" : origin.getScheme().toLowerCase(Locale.ROOT);
      if (origin.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
        throw new IllegalArgumentException("an API origin is an http(s) URL with a host, not '" + origin + "'");
      }
      this.origin = URI.create(scheme + "://" + origin.getHost() + (origin.getPort() < 0 ? "" : ":" + origin.getPort()));
    }

    /** Sets the credentials put on every call (default none). */
    public Builder authorizer(Authorizer auth) {
      this.auth = Objects.requireNonNull(auth);
      return this;
    }

    /** Sets how requests map to rate-limit buckets (default {@link RateBuckets#byPathPrefix()}). */
    public Builder buckets(RateBuckets buckets) {
      this.buckets = Objects.requireNonNull(buckets);
      return this;
    }

    /** Sets the retry policy (default {@link RetryPolicy#defaults()}). */
    public Builder retryPolicy(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry);
      return this;
    }

    /** Sets the clock for rate-limit waits and the retry time budget (default: the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Sets how the API waits (default: really sleeping). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    /** Sets the source of jitter, uniform in [0, 1) (default: random). */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    /** When true, every call but GET (and those marked read-only) is refused before the network. */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /** Sets the response header that carries the server's request id (default {@code X-Request-Id}). */
    public Builder requestIdHeader(String name) {
      this.requestIdHeader = Objects.requireNonNull(name);
      return this;
    }

    /** Sets the User-Agent header (default {@code okta-ir/0.1 java/N}). */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent);
      return this;
    }

    /** Sets the connect timeout (default 10 s) and the per-request timeout (default 60 s). */
    public Builder timeouts(Duration connect, Duration request) {
      if (connect.isNegative() || connect.isZero() || request.isNegative() || request.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive: " + connect + ", " + request);
      }
      this.connectTimeout = connect;
      this.requestTimeout = request;
      return this;
    }

    /**
     * Sets what the API client makes of a failure before it is thrown or reported (e.g. its own
     * exception type with what to fix), given the failure and the credentials of the call; the
     * default keeps the {@link HttpException}.
     */
    public Builder errors(BiFunction<HttpException, Authorizer, RuntimeException> mapper) {
      this.errors = Objects.requireNonNull(mapper);
      return this;
    }

    /** Returns the API. */
    public HttpApi build() {
      return new HttpApi(this);
    }
  }
}
