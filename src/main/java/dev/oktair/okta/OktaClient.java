package dev.oktair.okta;

import dev.oktair.events.Json;
import dev.oktair.http.Call;
import dev.oktair.http.HttpApi;
import dev.oktair.http.Mutation;
import dev.oktair.http.RetryPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import tools.jackson.databind.JsonNode;

/**
 * The Okta API client: generic {@link #get}, {@link #post}, {@link #put} and {@link #delete} for
 * the Management API, checked mutations ({@link #post(String, JsonNode, Mutation.AlreadyDone)})
 * and the typed System Log pager ({@link #logsUrl}, {@link #logPage}): a thin typed client over
 * the {@code http} layer, which authenticates, paces Okta's rate-limit buckets, pins the org's
 * origin and retries what is safe to retry (see the package doc). A client built
 * with {@link Builder#dryRun(boolean) dryRun} sends GETs only: every other request is refused
 * before it reaches the network and recorded as "would send METHOD path". Thread-safe; share one
 * client so that concurrent work shares one rate-limit budget.
 */
public final class OktaClient {
  private static final String LOGS_PATH = "/api/v1/logs";

  private final OktaConfig config;
  private final HttpApi api;

  private OktaClient(Builder b) {
    this.config = b.config;
    Auth auth = config.authMode() == AuthMode.SSWS ? new SswsAuth(config.token()) : new OAuthAuth(config, b.clock);
    this.api = HttpApi.builder(config.orgUrl())
        .authorizer(auth)
        .buckets(OktaBuckets.INSTANCE)
        .retryPolicy(b.retry)
        .clock(b.clock)
        .sleeper(b.sleeper)
        .random(b.random)
        .dryRun(b.dryRun)
        .requestIdHeader(OktaResponse.REQUEST_ID)
        .timeouts(b.connectTimeout, b.requestTimeout)
        .errors(ApiErrors::from)
        .build();
    if (auth instanceof OAuthAuth oauth) {
      oauth.useApi(api);
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
    return api.isDryRun();
  }

  /** Returns the requests a dry-run client refused, as "would send METHOD path", in order. */
  public List<String> refusedRequests() {
    return api.refusedRequests();
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
   * every method but GET with a stand-in without sending anything. A POST is never sent twice
   * blindly: after a timeout, reset or bare 5xx this throws, saying the outcome is unknown (use
   * {@link #post(String, JsonNode, Mutation.AlreadyDone)} to have it checked instead).
   *
   * @throws OktaApiException when Okta answers with an error (after retries where they apply)
   * @throws OktaException when Okta did not answer, the outcome is unknown, or the URL is not on the org
   */
  public OktaResponse send(String method, String pathOrUrl, JsonNode body) {
    return OktaResponse.of(api.send(call(method, pathOrUrl, body)));
  }

  /**
   * Sends {@code method pathOrUrl} once, without any retry (rate limits are still respected before
   * sending): for a write whose caller reads the tenant back before deciding to send it again, so
   * a lost answer never becomes a blind second request. Dry-run refuses it like {@link #send}.
   *
   * @throws OktaApiException when Okta answers with an error, 429 and 5xx included
   * @throws OktaException when no answer came (the request may or may not have taken effect)
   */
  public OktaResponse sendOnce(String method, String pathOrUrl, JsonNode body) {
    return OktaResponse.of(api.sendOnce(call(method, pathOrUrl, body)));
  }

  /**
   * POSTs {@code body} (JSON; null for none) to {@code path} and reports what is known of the
   * outcome instead of throwing: after an ambiguous failure (timeout, reset, bare 5xx) {@code
   * check} re-reads the state; the POST is sent again only when the check says it did not take
   * effect. The result's failure is an {@link OktaApiException} or {@link OktaException}; its
   * response, when there is one, reads as {@link OktaResponse#of}.
   */
  public Mutation.Result post(String path, JsonNode body, Mutation.AlreadyDone check) {
    return send("POST", path, body, check);
  }

  /** Sends {@code method pathOrUrl} like {@link #post(String, JsonNode, Mutation.AlreadyDone)}, for any method. */
  public Mutation.Result send(String method, String pathOrUrl, JsonNode body, Mutation.AlreadyDone check) {
    return api.mutate(call(method, pathOrUrl, body), check);
  }

  private static Call call(String method, String pathOrUrl, JsonNode body) {
    return Call.json(method, pathOrUrl, body == null ? null : Json.MAPPER.writeValueAsBytes(body));
  }

  /**
   * GETs {@code path} and every page its {@code rel="next"} links lead to, returning the elements
   * of each page's JSON array in order.
   *
   * @throws OktaException when a next link points off the org: it is never followed
   */
  public List<JsonNode> getAll(String path) {
    List<JsonNode> out = new ArrayList<>();
    URI next = api.resolve(path);
    while (next != null) {
      OktaResponse r = OktaResponse.of(api.send(Call.get(next.toString())));
      r.json().forEach(out::add);
      next = api.nextLink(r.result());
    }
    return out;
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
    OktaResponse r = OktaResponse.of(api.send(Call.get(url.toString())));
    LogPages.Parsed page = LogPages.parse(r.bodyUnsafe(), url);
    return new LogPage(url, page.events(), page.rejected(), api.nextLink(r.result()), r.requestId());
  }

  /** Returns a path segment percent-encoded (e.g. a login for {@code /api/v1/users/{login}}). */
  public static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return "OktaClient[" + config + (api.isDryRun() ? ", dry-run" : "") + "]";
  }

  /** Configures an {@link OktaClient}; not thread-safe. */
  public static final class Builder {
    private final OktaConfig config;
    private Clock clock = Clock.systemUTC();
    private dev.oktair.http.Sleeper sleeper = Sleeper.system();
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
    public Builder sleeper(dev.oktair.http.Sleeper sleeper) {
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
