package dev.oktair.collect;

import dev.oktair.evidence.EvidenceStore;
import dev.oktair.events.LogEvent;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaConfig;
import dev.oktair.okta.RetryPolicy;
import dev.oktair.okta.ScaledTime;
import dev.oktair.okta.SimFixtures;
import dev.oktair.sim.FaultSpec;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.RateLimits;
import dev.oktair.sim.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of {@code collect}: sequential paging (1 slice) against sliced collection, on the
 * simulator with 100 ms latency per request and a scaled System Log rate limit. The floor is the
 * least time the rate limit allows for the minimum page count P with L requests per window W:
 * {@code (ceil(P / L) - 1) * W + one page's latency}.
 *
 * <p>Run: {@code mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
 * java -Xmx3g -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.oktair.collect.CollectBench
 * [events] [limitPerWindow] [timeFactor] [slices]}
 */
public final class CollectBench {
  private static final Duration LATENCY = Duration.ofMillis(100);
  private static final Duration WINDOW = Duration.ofSeconds(60);

  private CollectBench() {}

  public static void main(String... args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    double factor = args.length > 2 ? Double.parseDouble(args[2]) : 100;
    int slices = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    Instant now = SimFixtures.NOW;
    Instant since = now.minus(Duration.ofDays(30));
    List<LogEvent> tenant = SimFixtures.events(events, since, now);

    int pages = (events + 999) / 1000;
    double windowSeconds = WINDOW.toMillis() / 1000.0 / factor;
    double floor = (Math.ceil(pages / (double) limit) - 1) * windowSeconds + LATENCY.toMillis() / 1000.0;
    System.out.printf(Locale.ROOT, "collect bench: %d events, %d pages of 1000, %d ms latency per request%n",
        events, pages, LATENCY.toMillis());
    System.out.printf(Locale.ROOT, "logs rate limit: %d per 60 s window, simulator clock at %.0fx"
        + " (window %.2f s real = %.0f requests/min effective; Okta's Workforce default is 120/min)%n",
        limit, factor, windowSeconds, limit * 60 / windowSeconds);
    System.out.printf(Locale.ROOT, "floor (rate limit, page count): %.2f s%n", floor);

    Run sequential = run(tenant, since, now, limit, factor, 1);
    Run sliced = run(tenant, since, now, limit, factor, slices);
    System.out.printf(Locale.ROOT, "sequential (1 slice):  %6.2f s  %d requests  %d events%n",
        sequential.seconds, sequential.requests, sequential.events);
    System.out.printf(Locale.ROOT, "sliced (%d slices):     %6.2f s  %d requests  %d events  429s: %d%n",
        slices, sliced.seconds, sliced.requests, sliced.events, sliced.rateLimited);
    System.out.printf(Locale.ROOT, "sliced / floor:        %6.2fx%n", sliced.seconds / floor);
    System.out.printf(Locale.ROOT, "sequential / sliced:   %6.2fx%n", sequential.seconds / sliced.seconds);
  }

  private record Run(double seconds, long requests, long events, long rateLimited) {}

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
      double seconds = (System.nanoTime() - start) / 1e9;
      long limited = sim.journal().requests().stream().filter(e -> e.status() == 429).count();
      return new Run(seconds, sim.journal().requests().size(), r.events(), limited);
    }
  }
}
