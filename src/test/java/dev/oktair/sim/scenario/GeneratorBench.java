package dev.oktair.sim.scenario;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Measures the benchmark generator (not a test): events/s and MB/s writing to a discarding
 * stream and to a file, against the peer of this codebase's Jackson-tree path (the scenario
 * engine, which builds every event through {@code SimEvent} trees), in one run.
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.oktair.sim.scenario.GeneratorBench [events] [file]
 * </pre>
 */
public final class GeneratorBench {
  private static final Instant ANCHOR = Instant.parse("2025-06-14T15:27:31Z");

  private GeneratorBench() {}

  public static void main(String[] args) throws IOException {
    long count = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
    Path file = args.length > 1 ? Path.of(args[1]) : null;
    run("warm-up", count / 5, OutputStream.nullOutputStream());
    double generator = run("generator -> null", count, OutputStream.nullOutputStream());
    if (file != null) {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
        run("generator -> " + file, count, out);
      }
    }
    Scenarios.load(Scenarios.DEFAULT, 1, ANCHOR);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    int events = Scenarios.load(Scenarios.DEFAULT, 2, ANCHOR).events().size();
    double peer = events / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
    System.out.printf(Locale.ROOT, "peer (scenario engine, SimEvent trees): %,d events at %,.0f events/s (cpu)%n", events, peer);
    System.out.printf(Locale.ROOT, "generator / peer (cpu) = %.1fx%n", generator / peer);
  }

  private static double run(String label, long count, OutputStream out) throws IOException {
    CountingStream counting = new CountingStream(out);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Scenarios.generate(count, 42, ANCHOR, counting);
    counting.flush();
    double seconds = (System.nanoTime() - t0) / 1e9;
    // The machine is shared: CPU time of this (single) thread is the fair single-threaded figure.
    double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    System.out.printf(Locale.ROOT, "%-24s %,d events, %.0f bytes/event; wall %.2f s: %,.0f events/s %.0f MB/s;"
        + " cpu %.2f s: %,.0f events/s %.0f MB/s%n", label, count, (double) counting.bytes / Math.max(1, count),
        seconds, count / seconds, counting.bytes / seconds / 1e6, cpu, count / cpu, counting.bytes / cpu / 1e6);
    return count / cpu;
  }

  /** Counts the bytes that pass through. */
  private static final class CountingStream extends OutputStream {
    private final OutputStream out;
    long bytes;

    CountingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      bytes += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }
}
