package dev.oktair.sim;

import dev.oktair.events.LogEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simulated Okta Workforce tenant served over real HTTP on 127.0.0.1: the System Log and the
 * Management API endpoints incident response uses, with Okta's status codes, headers, error
 * bodies, paging, rate limits and authentication (SSWS token, OAuth service app with
 * private_key_jwt and optional DPoP). Every mutation changes state and writes its System Log
 * event. The front door of the package; thread-safe; close it to stop the server.
 */
public final class OktaSimulator implements AutoCloseable {
  private static final String TOKEN_NAME = "okta-ir simulator";


  private final SimulatorOptions options;
  private final LoopbackServer server;
  private final String baseUrl;
  private final String apiToken;
  private final String apiTokenId;
  private final String clientId;
  private final Keys keys;
  private final Path temporaryKeyDir;
  private final CompletableFuture<State> state;
  private final RequestJournal journal = new RequestJournal();

  /** What is served, built from the seed. */
  private record State(Tenant tenant, LogStore logs, Dispatcher dispatcher) {}

  private OktaSimulator(SimulatorOptions options, Supplier<TenantSeed> later) throws IOException {
    this.options = options;
    // Bound before the private key is written: a busy port leaves no key behind in /tmp.
    this.server = new LoopbackServer(options.port(), options.clock());
    this.temporaryKeyDir = options.keyDirectory() == null ? Files.createTempDirectory("okta-ir-sim-") : null;
    this.keys = Keys.in(options.keyDirectory() != null ? options.keyDirectory() : temporaryKeyDir, options.keyType());
    this.clientId = Ids.derived("0oa", "service-app:" + options.randomSeed());
    this.apiToken = "00" + Ids.randomText(40);
    this.apiTokenId = Ids.random("00T");
    this.baseUrl = "http://127.0.0.1:" + server.port();
    Instant started = options.clock().instant();
    if (later == null) {
      state = CompletableFuture.completedFuture(build(options.seed(), started));
    } else {
      state = new CompletableFuture<>();
      Thread builder = new Thread(() -> {
        try {
          state.complete(build(later.get(), started));
        } catch (RuntimeException | Error e) {
          state.completeExceptionally(e);
        }
      }, "okta-sim-seed");
      builder.setDaemon(true);
      builder.start();
    }
    // Every request waits for the whole seed: nothing is served from a half-built tenant or log.
    server.start(request -> state().dispatcher().handle(request));
  }

  private State build(TenantSeed seed, Instant started) {
    Tenant tenant = new Tenant(seed);
    LogStore logs = new LogStore();
    logs.add(seed.events(), null);
    logs.add(seed.history());
    tenant.serveFrom(baseUrl);
    registerApiToken(tenant, started);
    Clock clock = options.clock();
    OAuthServer oauth = new OAuthServer(clientId, keys.publicKey(), options.grantedScopes(), options.requireDpop(), clock);
    AdminEvents events = new AdminEvents(logs, clock);
    Router router = new Router();
    List<Router.Routes> routes = List.of(
        new LogsRoute(logs, clock, new PoisonedEvents(options.faults().poisonRate())),
        new UsersRoute(tenant),
        new LifecycleRoute(tenant, events, clock),
        new FactorsRoute(tenant, events),
        new RolesRoute(tenant, events),
        new AppsRoute(tenant, events),
        new GroupsRoute(tenant, events),
        new IdpsRoute(tenant, events, clock),
        new ZonesRoute(tenant, events, clock),
        new UniversalLogoutRoute(tenant, events, options.universalLogout()),
        new ConsentRoute(tenant, events),
        new ApiTokensRoute(tenant, events),
        new ThreatInsightRoute(tenant, events, clock),
        new PoliciesRoute(tenant));
    routes.forEach(r -> r.register(router));
    Dispatcher dispatcher = new Dispatcher(baseUrl, router, tenant,
        new Credentials(apiToken, apiTokenId, tenant, oauth), oauth,
        new RateLimiter(options.rateLimits(), clock), new FaultInjector(options.faults(), options.randomSeed()),
        options.sleeper(), journal, clock);
    return new State(tenant, logs, dispatcher);
  }

  /** Returns what is served, waiting for a seed still being built. */
  private State state() {
    try {
      return state.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /**
   * Starts a simulator and returns once it accepts connections.
   *
   * @throws UncheckedIOException when the port cannot be bound or the key cannot be written
   */
  public static OktaSimulator start(SimulatorOptions options) {
    return start(options, null);
  }

  /**
   * Starts a simulator that accepts connections at once and builds its tenant from {@code seed}
   * (instead of the options' seed) on a thread of its own; every request, and every method that
   * reads the tenant or its log, waits until it is built, so nothing partial is ever served.
   *
   * @throws UncheckedIOException when the port cannot be bound or the key cannot be written
   */
  public static OktaSimulator start(SimulatorOptions options, Supplier<TenantSeed> seed) {
    try {
      return new OktaSimulator(options, seed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Okta simulator: " + e.getMessage(), e);
    }
  }

  /** Waits until the tenant is built; rethrows what building it threw. */
  public void awaitReady() {
    state();
  }

  /** Returns {@code http://127.0.0.1:PORT}, the org URL to point clients at. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Returns the SSWS API token value (a local fake; send as {@code Authorization: SSWS <token>}). */
  public String apiToken() {
    return apiToken;
  }

  /** Returns the id ({@code 00T...}) of the simulator's API token, as System Log events name it. */
  public String apiTokenId() {
    return apiTokenId;
  }

  /** Returns the OAuth service app's client id. */
  public String oauthClientId() {
    return clientId;
  }

  /** Returns the path of the service app's private key (PEM PKCS#8, RSA 2048 or EC P-256: {@link SimulatorOptions#keyType()}). */
  public Path privateKeyPem() {
    return keys.pemPath();
  }

  /** Returns the org authorization server's token URL. */
  public String tokenUrl() {
    return baseUrl + OAuthServer.TOKEN_PATH;
  }

  /** Returns every request received so far. */
  public RequestJournal journal() {
    return journal;
  }

  /** Returns the tenant's current state (read-only snapshots). */
  public Tenant tenant() {
    return state().tenant();
  }

  /** Returns the simulator's clock. */
  public Clock clock() {
    return options.clock();
  }

  /** Returns every System Log event, in persistence order. */
  public List<LogEvent> events() {
    return state().logs().events();
  }

  /** Persists {@code events} now (persistence time = the clock's now), as late-arriving events do. */
  public void addEvents(Collection<LogEvent> events) {
    state().logs().add(List.copyOf(events), options.clock().instant());
  }

  /** Stops the server at once and removes a temporary key. */
  @Override
  public void close() {
    server.close();
    if (state.isDone() && !state.isCompletedExceptionally()) {
      state.join().logs().close();
    }
    journal.stopWriting();
    if (temporaryKeyDir != null) {
      try {
        Files.deleteIfExists(keys.pemPath());
        Files.deleteIfExists(temporaryKeyDir);
      } catch (IOException e) {
        // a leftover temporary file is harmless
      }
    }
  }

  /** Lists the simulator's own API token, owned by a super admin of the tenant. */
  private void registerApiToken(Tenant tenant, Instant now) {
    String owner = adminUserId(tenant);
    ObjectNode t = JsonNodeFactory.instance.objectNode();
    t.put("id", apiTokenId);
    t.put("name", TOKEN_NAME);
    t.put("userId", owner);
    t.put("clientName", "Okta API");
    t.put("created", Ids.time(now));
    t.put("lastUpdated", Ids.time(now));
    t.put("expiresAt", Ids.time(now.plus(Duration.ofDays(30))));
    t.put("tokenWindow", "P30D");
    t.putObject("network").put("connection", "ANYWHERE");
    t.putObject("_links").putObject("user").put("href", baseUrl + "/api/v1/users/" + owner);
    synchronized (tenant) {
      tenant.apiTokens.put(apiTokenId, t);
    }
  }

  /** Returns a super admin's id: the first user holding SUPER_ADMIN, else the first active user. */
  private static String adminUserId(Tenant tenant) {
    synchronized (tenant) {
      for (var e : tenant.roles.entrySet()) {
        boolean superAdmin = e.getValue().values().stream()
            .anyMatch(r -> "SUPER_ADMIN".equals(r.path("type").asString()));
        if (superAdmin && tenant.users.containsKey(e.getKey())) {
          return e.getKey();
        }
      }
      return tenant.users.values().stream()
          .filter(u -> "ACTIVE".equals(u.path("status").asString()))
          .map(u -> u.path("id").asString())
          .findFirst()
          .orElse(Ids.derived("00u", "simulator-admin"));
    }
  }
}
