package dev.oktair.okta;

import dev.oktair.events.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import tools.jackson.databind.JsonNode;

/**
 * The Okta API client: generic {@link #get}, {@link #post}, {@link #put} and {@link #delete} for
 * the Management API and the typed System Log pager ({@link #logsUrl}, {@link #logPage}), all
 * with the same authentication, rate limiting and retries (see the package doc). A client built
 * with {@link Builder#dryRun(boolean) dryRun} sends GETs only: every other request is refused
 * before it reaches the network and recorded as "would send METHOD path". Thread-safe; share one
 * client so that concurrent work shares one rate-limit budget.
 */
public final class OktaClient {
  private static final String LOGS_PATH = "/api/v1/logs";

  private final OktaConfig config;
  private final Transport transport;
  private final Auth auth;
  private final boolean dryRun;
  private final List<String> refused = Collections.synchronizedList(new ArrayList<>());

  private OktaClient(Builder b) {
    this.config = b.config;
    this.dryRun = b.dryRun;
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(b.connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    RateLimiter limiter = new RateLimiter(b.clock, b.sleeper, b.random);
    this.transport = new Transport(
        config.orgUrl(), http, limiter, b.retry, b.clock, b.sleeper, b.random, b.requestTimeout);
    if (config.authMode() == AuthMode.SSWS) {
      this.auth = new SswsAuth(config.token());
    } else {
      OAuthAuth oauth = new OAuthAuth(config, b.clock);
      oauth.useTransport(transport);
      this.auth = oauth;
    }
  }

  /** Returns a builder for a client of the org {@code config} names. */
  public static Builder builder(OktaConfig config) {
    return new Builder(config);
  }

  /** Returns the configuration (secrets masked when printed). */
  public OktaConfig config() {
    return config;
  }

  /** Returns the org's origin, e.g. {@code https://acme.okta.com}. */
  public URI orgUrl() {
    return config.orgUrl();
  }

  /** Returns true when this client refuses every request but GET. */
  public boolean isDryRun() {
    return dryRun;
  }

  /** Returns the requests a dry-run client refused, as "would send METHOD path", in order. */
  public List<String> refusedRequests() {
    synchronized (refused) {
      return List.copyOf(refused);
    }
  }

  /** GETs {@code pathOrUrl} (a path such as {@code /api/v1/users/x}, or a URL on the org). */
  public OktaResponse get(String pathOrUrl) {
    return send("GET", pathOrUrl, null);
  }

  /** POSTs {@code body} (JSON; null for none) to {@code path}. */
  public OktaResponse post(String path, JsonNode body) {
    return send("POST", path, body);
  }

  /** PUTs {@code body} (JSON) to {@code path}. */
  public OktaResponse put(String path, JsonNode body) {
    return send("PUT", path, body);
  }

  /** DELETEs {@code path}. */
  public OktaResponse delete(String path) {
    return send("DELETE", path, null);
  }

  /**
   * Sends {@code method pathOrUrl} with a JSON body (null for none); a dry-run client answers
   * every method but GET with a stand-in without sending anything.
   *
   * @throws OktaApiException when Okta answers with an error (after retries where they apply)
   * @throws OktaException when Okta did not answer, or the URL is not on the org
   */
  public OktaResponse send(String method, String pathOrUrl, JsonNode body) {
    URI uri = resolve(pathOrUrl);
    String m = method.toUpperCase(java.util.Locale.ROOT);
    if (dryRun && !m.equals("GET")) {
      String note = "would send " + m + " " + ApiErrors.pathOf(uri);
      refused.add(note);
      return OktaResponse.dryRun(uri, note);
    }
    byte[] bytes = body == null ? null : Json.MAPPER.writeValueAsBytes(body);
    return transport.send(m, uri, bytes, bytes == null ? null : "application/json", auth);
  }

  /**
   * Sends {@code method pathOrUrl} once, without retries (rate limits are still respected before
   * sending): for a write whose caller reads the tenant back before deciding to send it again, so
   * a lost answer never becomes a blind second request. Dry-run refuses it like {@link #send}.
   *
   * @throws OktaApiException when Okta answers with an error, 429 and 5xx included
   * @throws OktaException when no answer came (the request may or may not have taken effect)
   */
  public OktaResponse sendOnce(String method, String pathOrUrl, JsonNode body) {
    URI uri = resolve(pathOrUrl);
    String m = method.toUpperCase(java.util.Locale.ROOT);
    if (dryRun && !m.equals("GET")) {
      String note = "would send " + m + " " + ApiErrors.pathOf(uri);
      refused.add(note);
      return OktaResponse.dryRun(uri, note);
    }
    byte[] bytes = body == null ? null : Json.MAPPER.writeValueAsBytes(body);
    return transport.sendOnce(m, uri, bytes, bytes == null ? null : "application/json", auth);
  }

  /** Returns the URL of the first page of {@code query}. */
  public URI logsUrl(LogQuery query) {
    StringBuilder sb = new StringBuilder(config.orgUrl() + LOGS_PATH);
    char sep = '?';
    for (var e : query.parameters().entrySet()) {
      sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
      sep = '&';
    }
    return URI.create(sb.toString());
  }

  /**
   * Fetches one System Log page: the first ({@link #logsUrl}) or a {@code next} link.
   *
   * @throws OktaException when the URL, or the page's next link, is not on the org's origin: the
   *     credential is never sent anywhere else
   */
  public LogPage logPage(URI url) {
    Objects.requireNonNull(url, "url");
    transport.requireOrgOrigin(url);
    OktaResponse r = transport.send("GET", url, null, null, auth);
    var events = LogPages.parse(r.bodyUnsafe(), "the System Log page " + url.getRawPath());
    URI next = Links.next(r.headers("Link"), url);
    if (next != null && !OrgUrls.sameOrigin(config.orgUrl(), next)) {
      throw new OktaException(
          "the System Log's next link points to " + OrgUrls.origin(next) + ", not to the org " + config.orgUrl()
              + ": refusing to follow it (okta-ir only ever sends the credential to the org itself)");
    }
    return new LogPage(url, events, next, r.requestId());
  }

  /** Returns a path segment percent-encoded (e.g. a login for {@code /api/v1/users/{login}}). */
  public static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private URI resolve(String pathOrUrl) {
    if (pathOrUrl.startsWith("/")) {
      return URI.create(config.orgUrl() + pathOrUrl);
    }
    URI uri = URI.create(pathOrUrl);
    transport.requireOrgOrigin(uri);
    return uri;
  }

  @Override
  public String toString() {
    return "OktaClient[" + config + (dryRun ? ", dry-run" : "") + "]";
  }

  /** Configures an {@link OktaClient}; not thread-safe. */
  public static final class Builder {
    private final OktaConfig config;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private RetryPolicy retry = RetryPolicy.defaults();
    private boolean dryRun;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);

    private Builder(OktaConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** Sets the clock for token expiry and rate-limit waits (default: the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Sets how the client waits (default: really sleeping). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    /** Sets the source of jitter, uniform in [0, 1) (default: random). */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    /** Sets the retry policy (default {@link RetryPolicy#defaults()}). */
    public Builder retryPolicy(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry);
      return this;
    }

    /** When true, the client refuses every request but GET (the basis of plan/apply). */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /** Sets the connect timeout (default 10 s) and the per-request timeout (default 60 s). */
    public Builder timeouts(Duration connect, Duration request) {
      this.connectTimeout = Objects.requireNonNull(connect);
      this.requestTimeout = Objects.requireNonNull(request);
      return this;
    }

    /** Returns the client. */
    public OktaClient build() {
      return new OktaClient(this);
    }
  }
}
