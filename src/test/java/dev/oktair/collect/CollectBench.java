package dev.oktair.collect;

import dev.oktair.evidence.EvidenceStore;
import dev.oktair.events.LogEvent;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaConfig;
import dev.oktair.http.RetryPolicy;
import dev.oktair.okta.ScaledTime;
import dev.oktair.okta.SimFixtures;
import dev.oktair.sim.FaultSpec;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.RateLimits;
import dev.oktair.sim.RequestJournal;
import dev.oktair.sim.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of {@code collect} on the simulator, 100 ms latency on every request, 1000 events a
 * page: sequential paging (1 slice) against sliced collection, in two regimes.
 *
 * <ul>
 *   <li>Rate-limit bound: the logs bucket allows L requests per 60 s window and the simulator's
 *       clock (shared with the client) runs F times faster, so a window lasts W = 60/F s. The floor
 *       is what the rate limit allows for the minimum page count P: {@code P * W / L}.
 *   <li>Latency bound: the limit raised out of the way, real time; the floor is
 *       {@code ceil(P / slices) * latency}, and the point is the speed-up over sequential paging.
 * </ul>
 *
 * <p>Run: {@code mvn -o -Pbench-collect -DskipTests test-compile [-Dbench.collect.args="events
 * limitPerWindow timeFactor slices"]}; defaults 200000 10 30 8.
 */
public final class CollectBench {
  private static final Duration LATENCY = Duration.ofMillis(100);

  private CollectBench() {}

  public static void main(String... args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    double factor = args.length > 2 ? Double.parseDouble(args[2]) : 30;
    int slices = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    Instant now = SimFixtures.NOW;
    Instant since = now.minus(Duration.ofDays(30));
    List<LogEvent> tenant = SimFixtures.events(events, since, now);
    int pages = (events + 999) / 1000;
    System.out.printf(Locale.ROOT, "collect bench: %d events = P %d pages of 1000, %d ms latency per request,"
        + " %d slices, %d cores%n", events, pages, LATENCY.toMillis(), slices, Runtime.getRuntime().availableProcessors());

    double window = 60 / factor;
    double floor = pages * window / limit;
    System.out.printf(Locale.ROOT, "%n[rate-limit bound] logs limit L=%d per 60 s window, simulator clock at %.0fx:"
        + " W=%.2f s real, %.0f requests/min effective (Okta's Workforce default: 120/min)%n",
        limit, factor, window, limit * 60 / window);
    System.out.printf(Locale.ROOT, "  floor P*W/L:            %6.2f s%n", floor);
    Run seqA = run(tenant, since, now, limit, factor, 1);
    Run slicedA = run(tenant, since, now, limit, factor, slices);
    print(seqA, slicedA, floor);

    int raised = 1_000_000;
    double latencyFloor = Math.ceil(pages / (double) slices) * LATENCY.toMillis() / 1000.0;
    System.out.printf(Locale.ROOT, "%n[latency bound] logs limit raised to %d/min, real time%n", raised);
    System.out.printf(Locale.ROOT, "  floor ceil(P/slices)*latency: %6.2f s%n", latencyFloor);
    Run seqB = run(tenant, since, now, raised, 1, 1);
    Run slicedB = run(tenant, since, now, raised, 1, slices);
    print(seqB, slicedB, latencyFloor);
  }

  private static void print(Run sequential, Run sliced, double floor) {
    System.out.printf(Locale.ROOT, "  sequential (1 slice):    %6.2f s  %4d requests  %d events  %.2fx the floor%n",
        sequential.seconds, sequential.requests, sequential.events, sequential.seconds / floor);
    System.out.printf(Locale.ROOT, "  sliced:                  %6.2f s  %4d requests  %d events  %.2fx the floor,"
        + " 429s %d, sealing %.2f s%n", sliced.seconds, sliced.requests, sliced.events, sliced.seconds / floor,
        sliced.rateLimited, sliced.sealSeconds);
    System.out.printf(Locale.ROOT, "  sequential / sliced:     %6.2fx%n", sequential.seconds / sliced.seconds);
  }

  /** One collection: wall time, requests the simulator saw, events sealed, 429s, time after the last request. */
  private record Run(double seconds, long requests, long events, long rateLimited, double sealSeconds) {}

  private static Run run(List<LogEvent> tenant, Instant since, Instant now, int limit, double factor, int slices)
      throws Exception {
    ScaledTime time = new ScaledTime(now, factor);
    try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder()
        .seed(SimFixtures.seed(tenant)).clock(time)
        .faults(FaultSpec.parse("latency=" + LATENCY.toMillis() + "ms"))
        .rateLimits(RateLimits.defaults().withLogs(limit)).build())) {
      OktaClient client = OktaClient.builder(OktaConfig.ssws(sim.baseUrl(), sim.apiToken())).clock(time).sleeper(time)
          .retryPolicy(new RetryPolicy(8, Duration.ofMillis(250), Duration.ofSeconds(20), Duration.ofDays(1))).build();
      Path dir = Files.createTempDirectory("okta-ir-bench-");
      Collector collector = new Collector(client, EvidenceStore.open(dir, time), time, time, Progress.silent());
      long start = System.nanoTime();
      CollectResult r = collector.collect(new CollectRequest(Subject.all(), since, now, slices, "bench " + slices));
      long end = System.nanoTime();
      List<RequestJournal.Entry> requests = SimFixtures.requests(sim);
      long limited = requests.stream().filter(e -> e.status() == 429).count();
      Instant last = requests.get(requests.size() - 1).time();
      double seal = Duration.between(last, time.instant()).toNanos() / 1e9 / factor - LATENCY.toMillis() / 1000.0;
      return new Run((end - start) / 1e9, requests.size(), r.events(), limited, Math.max(0, seal));
    }
  }
}
