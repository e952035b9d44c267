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
  private final Tenant tenant;
  private final LogStore logs;
  private final RequestJournal journal = new RequestJournal();

  private OktaSimulator(SimulatorOptions options) throws IOException {
    this.options = options;
    this.tenant = new Tenant(options.seed());
    this.logs = new LogStore();
    logs.add(options.seed().events(), null);
    // Bound before the private key is written: a busy port leaves no key behind in /tmp.
    this.server = new LoopbackServer(options.port(), options.clock());
    this.temporaryKeyDir = options.keyDirectory() == null ? Files.createTempDirectory("okta-ir-sim-") : null;
    this.keys = Keys.in(options.keyDirectory() != null ? options.keyDirectory() : temporaryKeyDir);
    this.clientId = Ids.derived("0oa", "service-app:" + options.randomSeed());
    this.apiToken = "00" + Ids.randomText(40);
    this.apiTokenId = Ids.random("00T");
    this.baseUrl = "http://127.0.0.1:" + server.port();
    tenant.serveFrom(baseUrl);
    registerApiToken(options.clock().instant());
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
    server.start(new Dispatcher(baseUrl, router, tenant,
        new Credentials(apiToken, apiTokenId, tenant, oauth), oauth,
        new RateLimiter(options.rateLimits(), clock), new FaultInjector(options.faults(), options.randomSeed()),
        options.sleeper(), journal, clock));
  }

  /**
   * Starts a simulator and returns once it accepts connections.
   *
   * @throws UncheckedIOException when the port cannot be bound or the key cannot be written
   */
  public static OktaSimulator start(SimulatorOptions options) {
    try {
      return new OktaSimulator(options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Okta simulator: " + e.getMessage(), e);
    }
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

  /** Returns the path of the service app's private key (PEM PKCS#8, RSA 2048). */
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
    return tenant;
  }

  /** Returns the simulator's clock. */
  public Clock clock() {
    return options.clock();
  }

  /** Returns every System Log event, in persistence order. */
  public List<LogEvent> events() {
    return logs.events();
  }

  /** Persists {@code events} now (persistence time = the clock's now), as late-arriving events do. */
  public void addEvents(Collection<LogEvent> events) {
    logs.add(List.copyOf(events), options.clock().instant());
  }

  /** Stops the server at once and removes a temporary key. */
  @Override
  public void close() {
    server.close();
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
  private void registerApiToken(Instant now) {
    String owner = adminUserId();
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
  private String adminUserId() {
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
