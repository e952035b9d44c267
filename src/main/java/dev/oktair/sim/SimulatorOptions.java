package dev.oktair.sim;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How to start a simulator; validated on construction, then frozen. Build with {@link #builder()}.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param seed the tenant's starting state and System Log history
 * @param clock the simulator's "now" (event times, rate-limit windows, token expiry, retention)
 * @param faults injected faults; {@link FaultSpec#none()} for none
 * @param randomSeed seeds the fault draws (deterministic per seed) and the service app's client id
 * @param rateLimits requests per minute per endpoint bucket
 * @param requireDpop whether the service app requires DPoP-bound tokens
 * @param keyDirectory where the service app's private key PEM lives (created, or reused when
 *     present); null for a fresh temporary directory removed on close
 * @param grantedScopes the Okta API scopes granted to the service app
 * @param sleeper how injected latency waits (tests pass one that does not)
 * @param universalLogout whether the org offers Universal Logout ({@code POST
 *     /oauth2/v1/global-token-revocation}; Identity Threat Protection orgs); otherwise 403
 * @param keyType the service app's key when one is made; a key kept in {@code keyDirectory} is RSA
 *     2048 (it is read back on the next start, and only an RSA key yields its public key)
 */
public record SimulatorOptions(
    int port,
    TenantSeed seed,
    Clock clock,
    FaultSpec faults,
    long randomSeed,
    RateLimits rateLimits,
    boolean requireDpop,
    Path keyDirectory,
    Set<String> grantedScopes,
    Sleeper sleeper,
    boolean universalLogout,
    KeyType keyType) {

  /** The scopes granted to the service app unless configured otherwise. */
  public static final Set<String> DEFAULT_SCOPES = Set.of(
      "okta.logs.read", "okta.users.read", "okta.users.manage", "okta.apps.read", "okta.groups.read",
      "okta.roles.read", "okta.roles.manage", "okta.apiTokens.read", "okta.apiTokens.manage",
      "okta.threatInsights.read", "okta.threatInsights.manage", "okta.policies.read", "okta.sessions.read",
      "okta.sessions.manage", "okta.groups.manage", "okta.apps.manage", "okta.idps.read", "okta.idps.manage",
      "okta.networkZones.read", "okta.networkZones.manage", "okta.universalLogout.manage");

  /**
   * The service app's key, as Okta accepts for private_key_jwt: RSA 2048 (RS256) takes hundreds
   * of ms of CPU to make, EC P-256 (ES256) a few.
   */
  public enum KeyType {
    RSA_2048,
    EC_P256
  }

  /** Waits; the server's latency faults go through it. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Returns the sleeper that really sleeps. */
    static Sleeper system() {
      return d -> Thread.sleep(d.toMillis());
    }
  }

  public SimulatorOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
    }
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(faults, "faults");
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(keyType, "keyType");
    if (keyDirectory != null && keyType != KeyType.RSA_2048) {
      throw new IllegalArgumentException("a service app key kept in a directory is RSA 2048, not " + keyType);
    }
    grantedScopes = Set.copyOf(grantedScopes);
  }

  /** Returns a builder with the defaults: ephemeral port, empty tenant, system clock, no faults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects options; {@link #build()} validates them. Not thread-safe. */
  public static final class Builder {
    private int port;
    private TenantSeed seed;
    private Clock clock = Clock.systemUTC();
    private FaultSpec faults = FaultSpec.none();
    private long randomSeed = 1;
    private RateLimits rateLimits = RateLimits.defaults();
    private boolean requireDpop;
    private Path keyDirectory;
    private Set<String> grantedScopes = DEFAULT_SCOPES;
    private Sleeper sleeper = Sleeper.system();
    private boolean universalLogout = true;
    private KeyType keyType = KeyType.RSA_2048;

    private Builder() {}

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder seed(TenantSeed seed) {
      this.seed = seed;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder faults(FaultSpec faults) {
      this.faults = faults;
      return this;
    }

    public Builder randomSeed(long randomSeed) {
      this.randomSeed = randomSeed;
      return this;
    }

    public Builder rateLimits(RateLimits rateLimits) {
      this.rateLimits = rateLimits;
      return this;
    }

    public Builder requireDpop(boolean requireDpop) {
      this.requireDpop = requireDpop;
      return this;
    }

    public Builder keyDirectory(Path keyDirectory) {
      this.keyDirectory = keyDirectory;
      return this;
    }

    public Builder grantedScopes(Set<String> grantedScopes) {
      this.grantedScopes = grantedScopes;
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    public Builder universalLogout(boolean offered) {
      this.universalLogout = offered;
      return this;
    }

    public Builder keyType(KeyType keyType) {
      this.keyType = keyType;
      return this;
    }

    /** Returns the options; an empty tenant anchored at the clock's now when no seed was given. */
    public SimulatorOptions build() {
      TenantSeed s = seed != null ? seed : TenantSeed.empty(clock.instant());
      return new SimulatorOptions(
          port, s, clock, faults, randomSeed, rateLimits, requireDpop, keyDirectory, grantedScopes, sleeper,
          universalLogout, keyType);
    }
  }
}
