package dev.oktair.bench;

import dev.oktair.detect.Detections;
import dev.oktair.events.EventHandler;
import dev.oktair.events.EventReader;
import dev.oktair.events.LogEvent;
import dev.oktair.events.RejectedLine;
import dev.oktair.sim.scenario.Scenarios;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Detection throughput benchmark (not a test): on 1M realistic events (the contoso-aitm mix,
 * generated once, in published order), measures in one run reading and parsing them alone, and
 * reading, parsing and running every built-in detection in one pass; each at least three times,
 * the fastest counting. Prints events/s and the ratio with PASS/FAIL against issue 9's target
 * (detections at no less than 0.8x the read+parse peer), and the load average; then, since a
 * shared machine's wall time follows its neighbours, the CPU and GC seconds of both and the live
 * heap a finished pass holds (before its findings are built).
 *
 * <p>The detections' read builds no tree ({@link dev.oktair.detect.Detections#prepare} streams the
 * fields it needs from the bytes the strict check accepted); the peer is the reading every other
 * command does, which builds each event's tree. Run with {@code -Xms} equal to {@code -Xmx}: the
 * {@code System.gc()} that measures the live heap let the heap shrink, and the next peer read then
 * ran up to twice as slow while the heap grew back (the peer swung from 148k to 256k events/s).
 *
 * <p>Run: {@code java -Xms4g -Xmx4g -cp target/classes:target/test-classes:$(cat cp.txt) dev.oktair.bench.DetectBench}
 * ({@code -Dbench.dir}, {@code -Dbench.events}, default 1000000). {@code -Dbench.file=PATH} runs on
 * that file instead of generated events (the house standard measures real-shaped events too, e.g.
 * the shared samples replicated); {@code -Dbench.runs} sets the runs (default 3).
 */
public final class DetectBench {
  /** Bumped when the generator's output changes (2: a user's session stays on the network it began on). */
  private static final int GENERATION = 2;

  private DetectBench() {}

  public static void main(String[] args) throws Exception {
    String file = System.getProperty("bench.file");
    Path data = file != null ? Path.of(file) : generated(Long.parseLong(System.getProperty("bench.events", "1000000")));
    int runs = Integer.parseInt(System.getProperty("bench.runs", "3"));
    Phase peer = null;
    Phase detect = null;
    long live = 0;
    long[] count = {0};
    for (int run = 0; run < runs; run++) {
      peer = Phase.min(peer, time(EventReader.create(), data, e -> {}));
      Detections.Pass pass = Detections.start(Detections.builtIn());
      count[0] = 0;
      // the pass reads what it needs of each event on the thread that parsed it
      // as investigate reads: the strict check without a tree, the fields the pass needs streamed from the bytes
      detect = Phase.min(detect, time(EventReader.create().treeless().withPreparer(Detections::prepare), data, e -> {
        count[0]++;
        pass.see(e);
      }));
      live = Math.max(live, liveMb());
      // the pass is measured, not its findings: finishing it is outside the timer, and on real-shaped
      // events the previous build's finish took minutes (a window per draft); it is only kept reachable
      java.lang.ref.Reference.reachabilityFence(pass);
    }
    if (runs > 0) {
      report(data, count[0], peer, detect, live);
    }
  }

  /** Returns the file of {@code count} generated events (the contoso-aitm mix), writing it when absent. */
  private static Path generated(long count) throws Exception {
    Path dir = Path.of(System.getProperty("bench.dir", "target/bench-data"));
    Files.createDirectories(dir);
    // named by the generator's revision, so a file an older generator wrote is not measured as this one's
    Path data = dir.resolve("detect-" + GENERATION + "-" + count + ".jsonl");
    if (!Files.exists(data)) {
      Path part = dir.resolve(data.getFileName() + ".part");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 20)) {
        Scenarios.generate(count, 42, Instant.parse("2026-11-28T00:00:00Z"), out);
      }
      Files.move(part, data);
    }
    return data;
  }

  private static void report(Path data, long count, Phase peer, Phase detect, long live) {
    System.out.printf(Locale.ROOT, "%s: %d events%n", data, count);
    double ratio = peer.seconds / detect.seconds;
    System.out.printf(Locale.ROOT, "read+parse: %.0f events/s; read+parse+detections: %.0f events/s;"
        + " ratio %.2f (target >= 0.80: %s); load %.2f%n", count / peer.seconds, count / detect.seconds, ratio,
        ratio >= 0.8 ? "PASS" : "FAIL", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    // on a shared machine wall time follows the neighbours; CPU time and GC time say what the pass itself costs
    System.out.printf(Locale.ROOT, "cpu s: read+parse %.1f, +detections %.1f (cpu ratio %.2f); gc s: %.1f, %.1f;"
        + " live heap after a pass: %d MB (max heap %d MB)%n", peer.cpu, detect.cpu, peer.cpu / detect.cpu, peer.gc,
        detect.gc, live, Runtime.getRuntime().maxMemory() >> 20);
    // the pass runs on the thread the events are handed to, the parsing on the others: when that thread
    // is busy for the whole read, it, not the parsing, sets the pace
    System.out.printf(Locale.ROOT, "cpu s of the thread events are handed to: read+parse %.1f, +detections %.1f%n",
        peer.handOff, detect.handOff);
  }

  /** One timed read: wall seconds, process CPU seconds, GC seconds, CPU seconds of the thread the events are handed to. */
  private record Phase(double seconds, double cpu, double gc, double handOff) {
    static Phase min(Phase a, Phase b) {
      return a == null || b.seconds < a.seconds ? b : a;
    }
  }

  private static long liveMb() {
    System.gc();
    Runtime r = Runtime.getRuntime();
    return (r.totalMemory() - r.freeMemory()) >> 20;
  }

  private static double cpuSeconds() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
  }

  private static double gcSeconds() {
    long ms = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms / 1e3;
  }

  /** Reads and parses every event, handing each to {@code sink} on the reading thread. */
  private static Phase time(EventReader reader, Path data, Consumer<LogEvent> sink) throws Exception {
    double cpu = cpuSeconds();
    double gc = gcSeconds();
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long own = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    reader.read(data, new EventHandler() {
      @Override
      public boolean event(LogEvent event, long line) {
        sink.accept(event);
        return true;
      }

      @Override
      public void rejected(RejectedLine rejected) {}
    });
    return new Phase((System.nanoTime() - start) / 1e9, cpuSeconds() - cpu, gcSeconds() - gc,
        (threads.getCurrentThreadCpuTime() - own) / 1e9);
  }
}
