package dev.oktair.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.events.LogEvent;
import dev.oktair.evidence.EvidenceFile;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.okta.OktaApiException;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaConfig;
import dev.oktair.http.RetryPolicy;
import dev.oktair.okta.ScaledTime;
import dev.oktair.okta.SimFixtures;
import dev.oktair.sim.FaultSpec;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.SimulatorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collections against the simulator: completeness, order, slice edges, resume, retention, follow. */
class CollectorIT {
  private static final Instant NOW = SimFixtures.NOW;
  private static final Instant SINCE = NOW.minus(Duration.ofDays(7));
  private final ScaledTime time = new ScaledTime(NOW, 1);
  private final List<OktaSimulator> sims = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void close() {
    sims.forEach(OktaSimulator::close);
  }

  private OktaSimulator sim(List<LogEvent> events, int port, String faults) {
    OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().seed(SimFixtures.seed(events)).clock(time)
        .port(port).faults(FaultSpec.parse(faults)).randomSeed(11).build());
    sims.add(sim);
    return sim;
  }

  private OktaSimulator sim(List<LogEvent> events) {
    return sim(events, 0, "none");
  }

  private OktaClient client(OktaSimulator sim, RetryPolicy retry) {
    return OktaClient.builder(OktaConfig.ssws(sim.baseUrl(), sim.apiToken())).clock(time).sleeper(time)
        .retryPolicy(retry).build();
  }

  private CollectResult collect(OktaSimulator sim, Path caseDir, CollectRequest request, Progress progress) {
    EvidenceStore store = EvidenceStore.open(caseDir, time);
    return new Collector(client(sim, RetryPolicy.defaults()), store, time, time, progress).collect(request);
  }

  private static CollectRequest request(Subject subject, int slices) {
    return new CollectRequest(subject, SINCE, NOW, slices, "test " + subject + " " + slices);
  }

  private static List<String> lines(Path caseDir, EvidenceFile file) throws IOException {
    return Files.readAllLines(caseDir.resolve("evidence").resolve(file.name()), StandardCharsets.UTF_8);
  }

  /** What a correct collection holds: the matching events of the window, by published then uuid. */
  private static List<String> expected(OktaSimulator sim, Instant since, Instant until, Predicate<LogEvent> match) {
    return sim.events().stream()
        .filter(e -> !e.published().isBefore(since) && e.published().isBefore(until) && match.test(e))
        .sorted(Comparator.comparing(LogEvent::published).thenComparing(LogEvent::uuid))
        .map(LogEvent::rawText).toList();
  }

  private static boolean involvesBob(LogEvent e) {
    return SimFixtures.BOB.equals(e.actor().id()) || e.targets().stream().anyMatch(t -> SimFixtures.BOB.equals(t.id()));
  }

  @Test
  void collectsExactlyTheUsersEventsAsActorOrTargetByteExactAndOrdered() throws IOException {
    OktaSimulator sim = sim(SimFixtures.events(6000, NOW.minus(Duration.ofDays(10)), NOW));
    Path caseDir = dir.resolve("case");
    CollectResult r = collect(sim, caseDir, request(Subject.user(SimFixtures.BOB_LOGIN), 4), Progress.silent());
    List<String> expected = expected(sim, SINCE, NOW, CollectorIT::involvesBob);
    assertThat(expected).hasSizeGreaterThan(500);
    assertThat(lines(caseDir, r.evidence())).containsExactlyElementsOf(expected);
    assertThat(r.events()).isEqualTo(expected.size());
    assertThat(r.evidence().source().kind()).isEqualTo("okta");
    assertThat(r.evidence().source().location()).isEqualTo(sim.baseUrl());
    assertThat(r.evidence().source().query())
        .containsEntry("filter", "actor.id eq \"" + SimFixtures.BOB + "\" or target.id eq \"" + SimFixtures.BOB + "\"")
        .containsEntry("since", "2026-02-22T12:00:00.000Z").containsEntry("until", "2026-03-01T12:00:00.000Z")
        .containsEntry("slices", "4");
    assertThat(EvidenceStore.existing(caseDir, time).verify().intact()).isTrue();
    try (Stream<Path> staging = Files.list(caseDir.resolve(".staging"))) {
      assertThat(staging).isEmpty(); // the job's checkpoints are gone once sealed
    }
  }

  @Test
  void loseNorDuplicateNothingAtSliceEdges() throws IOException {
    List<Slices.Window> windows = Slices.split(SINCE, NOW, 5);
    List<LogEvent> events = new ArrayList<>(SimFixtures.events(900, SINCE.minusSeconds(1), NOW.plusSeconds(1)));
    int n = 0;
    for (Slices.Window w : windows) {
      for (Instant at : List.of(w.since().minusMillis(1), w.since(), w.since().plusMillis(1))) {
        for (int k = 0; k < 3; k++) {
          events.add(LogEvent.parse("{\"uuid\":\"edge-" + (n++) + "\",\"eventType\":\"x\",\"published\":\"" + at + "\",\"actor\":{\"id\":\"x\"}}"));
        }
      }
    }
    events.add(LogEvent.parse("{\"uuid\":\"at-until\",\"eventType\":\"x\",\"published\":\"" + NOW + "\"}"));
    OktaSimulator sim = sim(events);
    Path caseDir = dir.resolve("case");
    CollectResult r = collect(sim, caseDir, new CollectRequest(Subject.all(), SINCE, NOW, 5, "edges"), Progress.silent());
    List<String> expected = expected(sim, SINCE, NOW, e -> true);
    assertThat(lines(caseDir, r.evidence())).containsExactlyElementsOf(expected);
    assertThat(expected).noneMatch(l -> l.contains("at-until")).anyMatch(l -> l.contains("edge-3\""));
  }

  @Test
  void pivotsOnIpAsnAndSessionCombineWithOr() throws IOException {
    OktaSimulator sim = sim(SimFixtures.events(3000, NOW.minus(Duration.ofDays(8)), NOW));
    Subject pivots = new Subject(List.of(), List.of(SimFixtures.ATTACKER_IP), List.of("idx5"),
        List.of(SimFixtures.ATTACKER_ASN), null, false);
    Path caseDir = dir.resolve("case");
    CollectResult r = collect(sim, caseDir, request(pivots, 3), Progress.silent());
    List<String> expected = expected(sim, SINCE, NOW, e -> SimFixtures.ATTACKER_IP.equals(e.client().ipAddress())
        || "idx5".equals(e.externalSessionId()) || Long.valueOf(SimFixtures.ATTACKER_ASN).equals(e.security().asNumber()));
    assertThat(expected).hasSizeGreaterThan(100);
    assertThat(lines(caseDir, r.evidence())).containsExactlyElementsOf(expected);
    assertThat(r.evidence().source().query().get("filter"))
        .isEqualTo("(client.ipAddress eq \"203.0.113.9\") or (authenticationContext.externalSessionId eq \"idx5\")"
            + " or (securityContext.asNumber eq 9009)");
  }

  @Test
  void slicedAndSequentialCollectionsAreByteIdentical() {
    OktaSimulator sim = sim(SimFixtures.events(4000, NOW.minus(Duration.ofDays(8)), NOW));
    CollectResult one = collect(sim, dir.resolve("one"), request(Subject.all(), 1), Progress.silent());
    CollectResult seven = collect(sim, dir.resolve("seven"), request(Subject.all(), 7), Progress.silent());
    assertThat(one.events()).isEqualTo(seven.events()).isGreaterThan(3000);
    assertThat(seven.evidence().sha256()).isEqualTo(one.evidence().sha256());
    assertThat(seven.pages()).isGreaterThan(one.pages()); // a partial last page per slice
  }

  /**
   * Returns a port below the kernel's ephemeral range (32768 and up) that is free now. The org
   * comes back on the same port after it fails: a port from the ephemeral range, as port 0 gives,
   * can meanwhile become the local end of some client connection, and the restart then fails with
   * "Address already in use" (seen once in CI).
   */
  private int restartablePort(List<LogEvent> events) {
    java.util.Random random = new java.util.Random();
    for (int attempt = 0; ; attempt++) {
      int port = 20_000 + random.nextInt(12_000);
      try {
        sim(events, port, "none").close();
        return port;
      } catch (java.io.UncheckedIOException e) {
        if (attempt == 50) {
          throw e;
        }
      }
    }
  }

  @Test
  void resumesFromTheCheckpointsAfterAFailureAndEndsIdenticalToACleanRun() throws IOException {
    List<LogEvent> events = SimFixtures.events(12_000, NOW.minus(Duration.ofDays(8)), NOW);
    int port = restartablePort(events);
    OktaSimulator flaky = sim(events, port, "500=0.15");
    Path caseDir = dir.resolve("resumed");
    CollectRequest request = request(Subject.all(), 3);
    EvidenceStore store = EvidenceStore.open(caseDir, time);
    RetryPolicy none = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    Recording first = new Recording();
    assertThatThrownBy(() -> new Collector(client(flaky, none), store, time, time, first).collect(request))
        .isInstanceOf(OktaApiException.class);
    assertThat(first.pages).isPositive();
    flaky.close();
    // A crash can leave bytes after the last checkpoint: the resume must cut them off.
    try (Stream<Path> jobs = Files.list(caseDir.resolve(".staging"))) {
      Path job = jobs.filter(p -> p.getFileName().toString().startsWith("collect-")).findFirst().orElseThrow();
      Files.writeString(job.resolve("slice-000.jsonl"), "{\"uuid\":\"torn", StandardOpenOption.APPEND);
    }
    OktaSimulator healthy = sim(events, port, "none"); // the same org, back on its feet
    Recording second = new Recording();
    CollectResult resumed = new Collector(client(healthy, RetryPolicy.defaults()), store, time, time, second).collect(request);
    assertThat(resumed.resumed()).isTrue();
    assertThat(second.eventsAtStart).isPositive();
    assertThat(second.notes).anyMatch(n -> n.startsWith("resuming"));
    CollectResult clean = collect(healthy, dir.resolve("clean"), request, Progress.silent());
    assertThat(resumed.evidence().sha256()).isEqualTo(clean.evidence().sha256());
    assertThat(resumed.events()).isEqualTo(clean.events()).isEqualTo(expected(healthy, SINCE, NOW, e -> true).size());
  }

  /** A collector that throws at {@code point} of sealing, as a crash there would stop it. */
  private Collector crashingAt(OktaSimulator sim, EvidenceStore store, String point) {
    return new Collector(client(sim, RetryPolicy.defaults()), store, time, time, Progress.silent(), at -> {
      if (at.equals(point)) {
        throw new IllegalStateException("crash " + at);
      }
    });
  }

  @Test
  void aCrashRightAfterSealingDoesNotSealTheEventsTwice() throws IOException {
    OktaSimulator sim = sim(SimFixtures.events(2000, NOW.minus(Duration.ofDays(8)), NOW));
    EvidenceStore store = EvidenceStore.open(dir.resolve("case"), time);
    CollectRequest request = request(Subject.all(), 3);
    assertThatThrownBy(() -> crashingAt(sim, store, "sealed").collect(request)).hasMessage("crash sealed");
    assertThat(store.files()).hasSize(1);
    Recording progress = new Recording();
    CollectResult again = new Collector(client(sim, RetryPolicy.defaults()), store, time, time, progress).collect(request);
    assertThat(store.files()).containsExactly(again.evidence());
    assertThat(again.events()).isEqualTo(expected(sim, SINCE, NOW, e -> true).size());
    assertThat(progress.notes).anyMatch(n -> n.contains("already sealed as " + again.evidence().name()));
    assertThat(store.verify().intact()).isTrue();
    try (Stream<Path> staging = Files.list(store.stagingDir())) {
      assertThat(staging).isEmpty();
    }
  }

  /**
   * Issue 15 item 7 as reported: killed while its staging was being removed after sealing (here:
   * job.json says sealed, a checkpoint already gone), the collection must run again, not fail on
   * the missing checkpoint forever.
   */
  @Test
  void item7_aKillWhileRemovingASealedJobLeavesItRunnable() throws IOException {
    OktaSimulator sim = sim(SimFixtures.events(2000, NOW.minus(Duration.ofDays(8)), NOW));
    EvidenceStore store = EvidenceStore.open(dir.resolve("case"), time);
    CollectRequest request = request(Subject.all(), 3);
    assertThatThrownBy(() -> crashingAt(sim, store, "sealed").collect(request)).hasMessage("crash sealed");
    try (Stream<Path> jobs = Files.list(store.stagingDir())) {
      Path job = jobs.filter(Files::isDirectory).findFirst().orElseThrow();
      Files.delete(job.resolve("slice-000.json")); // what a kill -9 half-way through the old removal left
    }
    CollectResult again = collect(sim, store.caseDir(), request, Progress.silent());
    assertThat(store.files()).containsExactly(again.evidence());
    assertThat(again.events()).isEqualTo(expected(sim, SINCE, NOW, e -> true).size());
    try (Stream<Path> staging = Files.list(store.stagingDir())) {
      assertThat(staging).isEmpty();
    }
  }

  /** Issue 15 item 7: a job missing a checkpoint and never sealed is discarded and run afresh. */
  @Test
  void item7_anUnsealedJobMissingACheckpointIsCollectedAfresh() throws IOException {
    OktaSimulator sim = sim(SimFixtures.events(2000, NOW.minus(Duration.ofDays(8)), NOW));
    EvidenceStore store = EvidenceStore.open(dir.resolve("case"), time);
    CollectRequest request = request(Subject.all(), 3);
    assertThatThrownBy(() -> crashingAt(sim, store, "sealing").collect(request)).hasMessage("crash sealing");
    try (Stream<Path> jobs = Files.list(store.stagingDir())) {
      Path job = jobs.filter(Files::isDirectory).findFirst().orElseThrow();
      Files.delete(job.resolve("slice-001.json"));
    }
    CollectResult again = collect(sim, store.caseDir(), request, Progress.silent());
    CollectResult clean = collect(sim, dir.resolve("clean"), request, Progress.silent());
    assertThat(again.evidence().sha256()).isEqualTo(clean.evidence().sha256());
    assertThat(store.files()).containsExactly(again.evidence());
  }

  /** Issue 15 item 1, defence in depth: a job is run by one collector at a time, whatever the case lock. */
  @Test
  void item1_aJobHeldByOneRunIsRefusedToAnother() throws Exception {
    Path staging = EvidenceStore.open(dir.resolve("case"), time).stagingDir();
    Path job = staging.resolve("collect-0123456789abcdef");
    try (Job.Held held = Job.lock(job)) {
      assertThatThrownBy(() -> Job.lock(job)).isInstanceOf(CollectException.class)
          .hasMessageContaining("being run by another okta-ir process");
    }
    Job.lock(job).close(); // released: free again
  }

  @Test
  void aCrashJustBeforeSealingSealsOnceEvenBesideAnEarlierIdenticalCollection() {
    OktaSimulator sim = sim(SimFixtures.events(2000, NOW.minus(Duration.ofDays(8)), NOW));
    EvidenceStore store = EvidenceStore.open(dir.resolve("case"), time);
    CollectRequest request = request(Subject.all(), 3);
    CollectResult earlier = collect(sim, store.caseDir(), request, Progress.silent());
    assertThatThrownBy(() -> crashingAt(sim, store, "sealing").collect(request)).hasMessage("crash sealing");
    assertThat(store.files()).containsExactly(earlier.evidence());
    CollectResult again = collect(sim, store.caseDir(), request, Progress.silent());
    assertThat(again.evidence().name()).isNotEqualTo(earlier.evidence().name());
    assertThat(again.evidence().sha256()).isEqualTo(earlier.evidence().sha256());
    assertThat(store.files()).containsExactly(earlier.evidence(), again.evidence());
  }

  @Test
  void warnsPast90DaysAndRefusesPast180BeforeAnyRequest() {
    OktaSimulator sim = sim(SimFixtures.events(100, NOW.minus(Duration.ofDays(120)), NOW));
    Recording progress = new Recording();
    Instant old = NOW.minus(Duration.ofDays(100));
    collect(sim, dir.resolve("a"), new CollectRequest(Subject.all(), old, NOW, 2, "old"), progress);
    assertThat(progress.notes).anyMatch(n -> n.contains("90-day retention") && n.contains("okta-ir import"));
    SimFixtures.clearJournal(sim);
    CollectRequest ancient = new CollectRequest(Subject.all(), NOW.minus(Duration.ofDays(181)), NOW, 2, "ancient");
    assertThatThrownBy(() -> collect(sim, dir.resolve("b"), ancient, Progress.silent()))
        .isInstanceOf(CollectException.class).hasMessageContaining("180 days").hasMessageContaining("okta-ir import");
    assertThat(SimFixtures.requests(sim)).isEmpty();
  }

  @Test
  void anUnknownUserIsAClearError() {
    OktaSimulator sim = sim(List.of());
    assertThatThrownBy(() -> collect(sim, dir.resolve("c"), request(Subject.user("nobody@contoso.com"), 2), Progress.silent()))
        .isInstanceOf(CollectException.class).hasMessageContaining("no user 'nobody@contoso.com'");
  }

  @Test
  void followTailsNewEventsOnceEachUntilStopped() throws IOException {
    OktaSimulator sim = sim(SimFixtures.events(1500, NOW.minus(Duration.ofHours(2)), NOW.minusSeconds(1)));
    Path caseDir = dir.resolve("follow");
    EvidenceStore store = EvidenceStore.open(caseDir, time);
    Recording progress = new Recording();
    List<LogEvent> late = List.of(
        LogEvent.parse("{\"uuid\":\"late-1\",\"eventType\":\"user.session.start\",\"published\":\"" + NOW.minusSeconds(30) + "\",\"actor\":{\"id\":\"x\"}}"),
        LogEvent.parse("{\"uuid\":\"late-2\",\"eventType\":\"user.session.start\",\"published\":\"" + NOW + "\",\"actor\":{\"id\":\"y\"}}"));
    Thread feeder = new Thread(() -> {
      while (progress.events < 1500) {
        Thread.onSpinWait();
      }
      sim.addEvents(late);
      sim.addEvents(List.of(late.get(0))); // delivered twice: kept once
    });
    feeder.start();
    CollectResult r = new Collector(client(sim, RetryPolicy.defaults()), store, time, time, progress)
        .follow(Subject.all(), NOW.minus(Duration.ofHours(3)), Duration.ofMillis(20), () -> progress.events >= 1502);
    List<String> lines = lines(caseDir, r.evidence());
    assertThat(lines).hasSize(1502);
    assertThat(lines.subList(1500, 1502)).containsExactly(late.get(0).rawText(), late.get(1).rawText());
    assertThat(r.evidence().source().query()).doesNotContainKey("until");
    assertThat(SimFixtures.requests(sim)).hasSizeGreaterThan(2); // polled again after empty pages
  }
}
