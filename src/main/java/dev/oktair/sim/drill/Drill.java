package dev.oktair.sim.drill;

import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.SimulatorOptions;
import dev.oktair.sim.scenario.Foothold;
import dev.oktair.sim.scenario.GroundTruth;
import dev.oktair.sim.sp.SpFakes;
import dev.oktair.sim.scenario.Rehearsal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running drill: the simulator serving a rehearsal's tenant with the attack already played, the
 * fake SPs its apps federate to (seeded from the same tenant), the ground truth in this object only, and the scoring endpoint on a second loopback port guarded by
 * a secret that is not the Okta token. Watches the tenant every second so the time to contain is
 * known to the second. The front door of the package; thread-safe; close it to stop both servers.
 */
public final class Drill implements AutoCloseable {
  private final OktaSimulator simulator;
  private final SpFakes sps;
  private final List<SpFakes.Session> spSessions;
  private final GroundTruth truth;
  private final List<String> appIds;
  private final Clock clock;
  private final Scorer scorer;
  private final String secret;
  private final ScoreServer scoreServer;
  private final ScheduledExecutorService watcher;

  private Drill(Rehearsal rehearsal, SimulatorOptions options) {
    if (options.seed() != rehearsal.seed()) {
      throw new IllegalArgumentException("the simulator options must serve the rehearsal's own seed");
    }
    this.clock = options.clock();
    this.appIds = rehearsal.seed().apps().stream().map(a -> a.path("id").asString()).toList();
    this.simulator = OktaSimulator.start(options);
    this.sps = startSps(rehearsal);
    this.spSessions = spSessions(rehearsal, sps);
    this.truth = withSpSessions(rehearsal.truth(), spSessions);
    this.scorer = new Scorer(truth, snapshot(), clock.instant());
    this.secret = newSecret();
    this.scoreServer = new ScoreServer(secret, this::score);
    this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "okta-ir-drill-watch");
      t.setDaemon(true);
      return t;
    });
    watcher.scheduleWithFixedDelay(() -> scorer.observe(snapshot(), clock.instant()), 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Serves {@code rehearsal} on {@code port} (0 picks a free one), drill time from {@code clock}.
   *
   * @throws java.io.UncheckedIOException when a port cannot be bound
   */
  public static Drill start(Rehearsal rehearsal, int port, Clock clock) {
    return start(rehearsal, SimulatorOptions.builder().port(port).seed(rehearsal.seed()).clock(clock)
        .randomSeed(rehearsal.truth().seed()).build());
  }

  /**
   * Serves {@code rehearsal} with these simulator options (their seed must be the rehearsal's);
   * drill time from the options' clock.
   */
  public static Drill start(Rehearsal rehearsal, SimulatorOptions options) {
    return new Drill(rehearsal, options);
  }

  /** Returns the simulator the responder works against. */
  public OktaSimulator simulator() {
    return simulator;
  }

  /** Returns the fake service providers the scenario's apps federate to. */
  public SpFakes serviceProviders() {
    return sps;
  }

  /**
   * Returns what a responder's okta-ir needs, in print order: the org URL and API token, then the
   * fake SPs' connector settings ({@code OKTAIR_*}); local fakes' secrets only.
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OKTA_CLIENT_ORGURL", simulator.baseUrl());
    env.put("OKTA_CLIENT_TOKEN", simulator.apiToken());
    sps.environmentInOrder().forEach(e -> env.put(e.getKey(), e.getValue()));
    return env;
  }

  /** Returns the alert that opens the drill: a user and a symptom. */
  public GroundTruth.Alert alert() {
    return truth.alert();
  }

  /** Returns the loopback URL of the scoring endpoint. */
  public URI scoreUrl() {
    return scoreServer.url();
  }

  /** Returns the scoring endpoint's secret (never the Okta token); keep it out of the responder's way. */
  public String secret() {
    return secret;
  }

  /** Returns the scorecard for the tenant's state now. */
  public Scorecard score() {
    return scorer.score(snapshot(), clock.instant());
  }

  /**
   * Asks a running drill's scoring endpoint for its scorecard.
   *
   * @throws IllegalStateException when the drill refuses the secret or cannot be reached
   */
  public static Scorecard remoteScore(URI scoreUrl, String secret) {
    HttpRequest request = HttpRequest.newBuilder(scoreUrl).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Drill " + secret).GET().build();
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("the drill at " + scoreUrl + " answered HTTP " + response.statusCode());
      }
      return Scorecard.fromJson(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("no drill answers at " + scoreUrl + " (" + e.getMessage() + "); is drill start still running?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the drill for its score", e);
    }
  }

  private Snapshot snapshot() {
    return Snapshot.of(simulator.tenant(), appIds, sps, spSessions);
  }

  /** The SPs start after the simulator: a failed start must not leave the simulator's port bound. */
  private SpFakes startSps(Rehearsal rehearsal) {
    try {
      return SpFakes.start(clock, rehearsal.seed());
    } catch (RuntimeException e) {
      simulator.close();
      throw e;
    }
  }

  /**
   * The victims' sessions at the fake SPs that the attack window opened and that are live at
   * start: footholds, because Okta's revocation does not reach a session an SP already issued.
   */
  private static List<SpFakes.Session> spSessions(Rehearsal rehearsal, SpFakes sps) {
    GroundTruth t = rehearsal.truth();
    List<String> victims = new ArrayList<>(t.otherVictimIds());
    victims.add(0, t.victimId());
    return SpFakes.openedSince(rehearsal.seed(), victims, t.attackStart()).stream()
        .filter(x -> !sps.sessionsRevoked(x.service(), x.userName())).toList();
  }

  private static GroundTruth withSpSessions(GroundTruth t, List<SpFakes.Session> sessions) {
    List<Foothold> all = new ArrayList<>(t.footholds());
    sessions.forEach(x -> all.add(new Foothold(Foothold.Kind.SP_SESSION, x.service() + "/" + x.userName(), x.userId(),
        x.userName() + " at " + x.service() + " (" + x.app() + ")")));
    return new GroundTruth(t.scenario(), t.seed(), t.attackStart(), t.victimId(), t.otherVictimIds(), all, t.alert());
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public void close() {
    watcher.shutdownNow();
    scoreServer.close();
    sps.close();
    simulator.close();
  }
}
