package dev.oktair.sim;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Serves every request in Okta's order of concerns: fault injection (decided before anything
 * else, so a faulted request never changes state, except the after-commit fault, which serves a
 * mutation and then drops the connection), then for {@code /api}: the rate-limit bucket,
 * authentication, routing (404/405), scope (403), and the route under the tenant lock. Every
 * response carries {@code X-Okta-Request-Id}; every request lands in the journal.
 */
final class Dispatcher implements LoopbackServer.Handler {
  private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

  private final String baseUrl;
  private final Router router;
  private final Tenant tenant;
  private final Credentials credentials;
  private final OAuthServer oauth;
  private final RateLimiter rateLimiter;
  private final FaultInjector faults;
  private final SimulatorOptions.Sleeper sleeper;
  private final RequestJournal journal;
  private final Clock clock;

  Dispatcher(
      String baseUrl,
      Router router,
      Tenant tenant,
      Credentials credentials,
      OAuthServer oauth,
      RateLimiter rateLimiter,
      FaultInjector faults,
      SimulatorOptions.Sleeper sleeper,
      RequestJournal journal,
      Clock clock) {
    this.baseUrl = baseUrl;
    this.router = router;
    this.tenant = tenant;
    this.credentials = credentials;
    this.oauth = oauth;
    this.rateLimiter = rateLimiter;
    this.faults = faults;
    this.sleeper = sleeper;
    this.journal = journal;
    this.clock = clock;
  }

  @Override
  public Response handle(LoopbackServer.Incoming incoming) {
    Instant arrived = clock.instant();
    Request r = new Request(incoming, "req" + Ids.randomText(23), baseUrl);
    boolean token = r.rawPath().equals(OAuthServer.TOKEN_PATH);
    boolean api = r.rawPath().startsWith("/api/") || r.rawPath().equals(UniversalLogoutRoute.PATH);
    boolean mutating = api && !"GET".equals(r.method()) && !"HEAD".equals(r.method());
    Response response;
    try {
      FaultInjector.Draw draw = api || token ? faults.next(token) : new FaultInjector.Draw(FaultInjector.Fault.NONE, Duration.ZERO);
      delay(draw.delay());
      FaultInjector.Fault fault = draw.fault();
      if (fault == FaultInjector.Fault.APPLIED_RESET && !mutating) {
        fault = FaultInjector.Fault.NONE; // only a change can be lost after it was made
      }
      if (fault == FaultInjector.Fault.RESET) {
        response = Response.drop();
      } else if (fault == FaultInjector.Fault.APPLIED_RESET) {
        serve(r, token, api); // the change is made; its answer is lost with the connection
        response = Response.drop();
      } else {
        response = fault != FaultInjector.Fault.NONE ? fault(fault, r) : serve(r, token, api);
        response.header("X-Okta-Request-Id", r.requestId());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "simulator failed: " + r.method() + " " + r.rawPath(), e);
      response = Response.error(ApiException.serverError(500)).header("X-Okta-Request-Id", r.requestId());
    }
    // journaled before the answer is written: a client that saw it finds its request here
    journal.record(new RequestJournal.Entry(
        arrived, r.method(), r.decodedPath(), r.rawQuery(), response.status(), mutating, r.requestId()));
    return response;
  }

  private Response serve(Request r, boolean token, boolean api) {
    if (token) {
      return oauth.token(r);
    }
    if (!api) {
      return Response.error(ApiException.notFound(r.rawPath(), "Resource"));
    }
    Router.Match match = router.match(r.method(), r.rawPath());
    String bucket = match.found() ? match.endpoint().bucket() : Router.bucketOf(r.method(), r.rawPath());
    RateLimiter.Decision limit = rateLimiter.consume(bucket);
    Response response;
    try {
      response = limit.allowed() ? route(r, match) : Response.error(ApiException.rateLimited());
    } catch (ApiException e) {
      response = Response.error(e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "simulator route failed: " + r.method() + " " + r.rawPath(), e);
      response = Response.error(ApiException.serverError(500));
    }
    return limit.apply(response);
  }

  private Response route(Request r, Router.Match match) {
    if (lengthRequired(r)) {
      return Response.error(new ApiException(411, "E0000001", "Api validation failed: Content-Length",
          List.of("POST and PUT requests without a body must send Content-Length: 0")));
    }
    Principal principal = credentials.authenticate(r);
    r.principal(principal);
    if (!match.pathExists()) {
      throw ApiException.notFound(r.rawPath(), "Resource");
    }
    if (!match.found()) {
      return Response.error(ApiException.methodNotAllowed()).header("Allow", String.join(", ", match.allowed()));
    }
    Router.Endpoint endpoint = match.endpoint();
    if (!principal.allows(endpoint.scope())) {
      return Response.error(ApiException.forbidden()).header("WWW-Authenticate", principal.scheme()
          + " error=\"insufficient_scope\", error_description=\"The access token provided does not contain the required"
          + " scopes.\", resource=\"" + r.rawPath() + "\"");
    }
    r.pathParams(match.params());
    if (endpoint.lockFree()) {
      return endpoint.handler().handle(r);
    }
    synchronized (tenant) {
      return endpoint.handler().handle(r);
    }
  }

  private Response fault(FaultInjector.Fault fault, Request r) {
    if (r.rawPath().equals(OAuthServer.TOKEN_PATH)) {
      return Response.error(fault == FaultInjector.Fault.RATE_LIMIT ? ApiException.rateLimited()
          : ApiException.serverError(fault == FaultInjector.Fault.UNAVAILABLE ? 503 : 500));
    }
    String bucket = Router.bucketOf(r.method(), r.rawPath());
    return switch (fault) {
      case RATE_LIMIT -> rateLimiter.peek(bucket, true).apply(Response.error(ApiException.rateLimited()));
      case UNAVAILABLE -> rateLimiter.peek(bucket, false).apply(Response.error(ApiException.serverError(503)));
      default -> rateLimiter.peek(bucket, false).apply(Response.error(ApiException.serverError(500)));
    };
  }

  private static boolean lengthRequired(Request r) {
    String m = r.method();
    return ("POST".equals(m) || "PUT".equals(m))
        && r.header("Content-Length") == null
        && r.header("Transfer-Encoding") == null;
  }

  private void delay(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
