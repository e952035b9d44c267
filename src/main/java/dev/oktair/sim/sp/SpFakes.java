package dev.oktair.sim.sp;

import dev.oktair.sim.TenantSeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;

/**
 * The six fake SPs, each on its own loopback port, with fresh local credentials, state seeded
 * from a tenant seed, and one journal. The front door of the package; thread-safe; close to stop.
 */
public final class SpFakes implements AutoCloseable {
  /** The services, in the order the settings print. */
  public static final List<String> SERVICES = List.of("graph", "google", "salesforce", "aws", "slack", "github");

  private final SpJournal journal = new SpJournal();
  private final Map<String, FakeSp> fakes = new LinkedHashMap<>();
  private final Map<String, Map<String, SpUser>> users;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final Path keyDir;
  private final AwsFake aws;

  private final CompletableFuture<TenantSeed> seed;
  /** The users filled in from {@link #seed}; made on first use (guarded by this). */
  private CompletableFuture<Void> seeded;

  private SpFakes(Clock clock, CompletableFuture<TenantSeed> seed) throws IOException {
    // The fakes hold these maps from the start; they are filled from the built seed when first
    // needed, and every request waits for that (nothing is served from a half-seeded SP).
    users = new HashMap<>();
    SERVICES.forEach(service -> users.put(service, new LinkedHashMap<>()));
    this.seed = seed;
    keyDir = Files.createTempDirectory("okta-ir-sp-");
    // The two keys are made side by side: each costs a few hundred ms of CPU.
    CompletableFuture<KeyPair> salesforceKey = CompletableFuture.supplyAsync(SpFakes::rsa, r -> {
      Thread t = new Thread(r, "okta-sp-key");
      t.setDaemon(true);
      t.start();
    });
    KeyPair google = rsa();
    KeyPair salesforce = salesforceKey.join();
    String graphTenant = "8f3c2a1e-" + hex(2) + "-4c1d-9a7e-" + hex(6);
    String graphClient = "b7e4d2c9-" + hex(2) + "-4f0a-8e1b-" + hex(6);
    String graphSecret = "sim~" + hex(16);
    String saEmail = "okta-ir@contoso-ir.iam.gserviceaccount.com";
    String gAdmin = "priya.natarajan@contoso.com";
    String sfClient = "3MVG9sim" + hex(12);
    String sfUser = "okta-ir-integration@contoso.com.prod";
    String akid = "AKIASIM" + hex(6).toUpperCase();
    String slackToken = "xoxp-sim-" + hex(12);
    String githubToken = "ghp_sim" + hex(16);
    add(new GraphFake(clock, journal, graphTenant, graphClient, graphSecret, users.get("graph")));
    add(new GoogleFake(clock, journal, saEmail, gAdmin, (RSAPublicKey) google.getPublic(), users.get("google")));
    add(new SalesforceFake(clock, journal, sfClient, sfUser, (RSAPublicKey) salesforce.getPublic(), users.get("salesforce")));
    aws = new AwsFake(clock, journal, akid, users.get("aws"));
    add(aws);
    add(new SlackFake(clock, journal, slackToken, users.get("slack")));
    add(new GithubFake(clock, journal, githubToken, "contoso", users.get("github")));
    fakes.values().forEach(f -> f.awaiting(() -> seeded().join()));
    fakes.values().forEach(FakeSp::start);
    env("GRAPH_TENANT_ID", graphTenant);
    env("GRAPH_CLIENT_ID", graphClient);
    env("GRAPH_CLIENT_SECRET", graphSecret);
    env("GRAPH_ENDPOINT", url("graph"));
    env("GRAPH_LOGIN_ENDPOINT", url("graph"));
    env("GOOGLE_SERVICE_ACCOUNT", saEmail);
    env("GOOGLE_ADMIN", gAdmin);
    env("GOOGLE_PRIVATE_KEY", pem("google.pem", google).toString());
    env("GOOGLE_ENDPOINT", url("google"));
    env("GOOGLE_TOKEN_URL", url("google") + "/token");
    env("SALESFORCE_CLIENT_ID", sfClient);
    env("SALESFORCE_USERNAME", sfUser);
    env("SALESFORCE_PRIVATE_KEY", pem("salesforce.pem", salesforce).toString());
    env("SALESFORCE_LOGIN_URL", url("salesforce"));
    env("AWS_ACCESS_KEY_ID", akid);
    env("AWS_SECRET_ACCESS_KEY", "sim/" + hex(16));
    env("AWS_REGION", "us-east-1");
    env("AWS_ENDPOINT", url("aws"));
    env("SLACK_TOKEN", slackToken);
    env("SLACK_ENDPOINT", url("slack") + "/api");
    env("GITHUB_TOKEN", githubToken);
    env("GITHUB_ORG", "contoso");
    env("GITHUB_ENDPOINT", url("github"));
  }

  /**
   * Starts the fakes seeded from {@code seed} and returns once they accept connections.
   *
   * @throws UncheckedIOException when a port or the key directory cannot be had
   */
  public static SpFakes start(Clock clock, TenantSeed seed) {
    SpFakes fakes = start(clock, CompletableFuture.completedFuture(seed));
    fakes.seeded().join();
    return fakes;
  }

  /**
   * Starts the fakes at once, seeded from {@code seed} when it is built; until then every request
   * waits (and fails as the seed failed).
   *
   * @throws UncheckedIOException when a port or the key directory cannot be had
   */
  public static SpFakes start(Clock clock, CompletableFuture<TenantSeed> seed) {
    try {
      return new SpFakes(clock, seed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake service providers: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the fakes' users filled in from the seed (waiting for the seed), reading its SSO events
   * on first use rather than when the seed is built: at that moment the simulator's System Log is
   * about to be served and needs the cores more (issue 16), while the fakes are asked later.
   */
  private synchronized CompletableFuture<Void> seeded() {
    if (seeded == null) {
      seeded = seed.thenAccept(s -> Seeding.users(s).forEach(
          (service, known) -> users.computeIfAbsent(service, x -> new LinkedHashMap<>()).putAll(known)));
    }
    return seeded;
  }

  /** Returns the connector settings that point at the fakes, as {@code OKTAIR_*} environment variables (local fakes' secrets). */
  public Map<String, String> environment() {
    return Map.copyOf(environment);
  }

  /** Returns the settings in print order. */
  public List<Map.Entry<String, String>> environmentInOrder() {
    return List.copyOf(environment.entrySet());
  }

  /** Returns every request the fakes received. */
  public SpJournal journal() {
    return journal;
  }

  /** Makes {@code service} answer with {@code fault} until set back to {@link SpFault#NONE}. */
  public void fault(String service, SpFault fault) {
    fake(service).fault(fault);
  }

  /** Returns the SP-side user names {@code service} knows. */
  public synchronized List<String> userNames(String service) {
    seeded().join();
    synchronized (fake(service)) {
      return List.copyOf(users.get(service).keySet());
    }
  }

  /** Returns how many live sessions {@code userName} has at {@code service}, or -1 for no such user. */
  public int sessions(String service, String userName) {
    seeded().join();
    synchronized (fake(service)) {
      SpUser u = users.get(service).get(userName);
      return u == null ? -1 : u.sessions.size();
    }
  }

  /** Returns how many OAuth tokens, app passwords or credential authorisations {@code userName} holds at {@code service}. */
  public int tokens(String service, String userName) {
    seeded().join();
    synchronized (fake(service)) {
      SpUser u = users.get(service).get(userName);
      return u == null ? -1 : u.tokens.size() + u.asps.size();
    }
  }

  /**
   * Returns whether {@code service}'s revocation of {@code userName}'s sessions has taken effect,
   * read from the fake's own state (never its journal): no session left (Graph, Google,
   * Salesforce, Slack), no SAML credential authorisation left (GitHub), or every role denying the
   * user's sessions issued before now (AWS). False for a user the fake does not know.
   */
  public boolean sessionsRevoked(String service, String userName) {
    FakeSp f = fake(service);
    synchronized (f) {
      SpUser u = users.get(service).get(userName);
      return u != null && f.sessionsRevoked(u);
    }
  }

  /**
   * One user's sessions at a fake SP that began with a single sign-on since a given time.
   *
   * @param service the fake SP
   * @param userName the SP-side user name
   * @param userId the Okta user id
   * @param app the Okta app's label
   */
  public record Session(String service, String userName, String userId, String app) {}

  /**
   * Returns the SP sessions {@code userIds} opened by a successful single sign-on at or after
   * {@code since} in {@code seed}'s System Log, one per user and service the fakes serve.
   */
  public static List<Session> openedSince(TenantSeed seed, java.util.Collection<String> userIds, java.time.Instant since) {
    return Seeding.openedSince(seed, userIds, since);
  }

  /** Returns whether {@code userName} is disabled (Entra) or frozen (Salesforce). */
  public boolean disabled(String service, String userName) {
    synchronized (fake(service)) {
      SpUser u = users.get(service).get(userName);
      return u != null && u.disabled;
    }
  }

  /** Registers a certificate credential on the fake Graph app: assertions signed by its key are accepted. */
  public void trustGraphCertificate(java.security.interfaces.RSAPublicKey key) {
    ((GraphFake) fake("graph")).certificateKey = key;
  }

  /** Returns the inline policy document {@code policy} of IAM role {@code role}, or null. */
  public String rolePolicy(String role, String policy) {
    synchronized (aws) {
      return aws.policies.getOrDefault(role, Map.of()).get(policy);
    }
  }

  @Override
  public void close() {
    fakes.values().forEach(FakeSp::close);
    try (var files = Files.list(keyDir)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(keyDir);
    } catch (IOException e) {
      // a leftover temporary key of a local fake is harmless
    }
  }

  private FakeSp fake(String service) {
    FakeSp f = fakes.get(service);
    if (f == null) {
      throw new IllegalArgumentException("no fake service provider named " + service + "; known: " + SERVICES);
    }
    return f;
  }

  private void add(FakeSp f) {
    fakes.put(f.service, f);
  }

  private String url(String service) {
    return fakes.get(service).baseUrl();
  }

  private void env(String name, String value) {
    environment.put("OKTAIR_" + name, value);
  }

  private Path pem(String name, KeyPair pair) throws IOException {
    Path p = keyDir.resolve(name);
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded());
    Files.writeString(p, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
    return p;
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
