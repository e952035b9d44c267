package dev.oktair.store;

import dev.oktair.events.EventSelector;
import dev.oktair.events.Window;
import com.sun.management.OperatingSystemMXBean;
import dev.oktair.events.filter.EventFilter;
import dev.oktair.evidence.EvidenceFile;
import dev.oktair.evidence.EvidenceImport;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.evidence.ImportListener;
import dev.oktair.sim.scenario.Scenarios;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Case database benchmark (not a test). On one JSONL file of realistic events (the scenario
 * generator's, a million by default, about 2.8 GB), imported once as a case's evidence, it
 * measures in one run: DuckDB's own {@code CREATE TABLE t AS SELECT * FROM read_json(file)} into a
 * fresh database file (same connection settings as okta-ir: memory limit, threads, UTC), okta-ir's
 * full load of the same file ({@code load --rebuild}: hash, line split, JSON parse, typed columns
 * plus raw, checks), alternated twice with the faster run of each counting; then the latency of
 * every pivot key (and a baseline, a combined and a filtered pivot), each run three times.
 *
 * <p>Run: {@code mvn -o -Pbench-store -DskipTests package} (properties {@code bench.dir},
 * {@code bench.events}).
 */
public final class StoreBench {
  private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private StoreBench() {}

  /** One measured run: wall and process CPU seconds. */
  record Run(double wall, double cpu) {
    static Run of(long wall0, long cpu0) {
      return new Run((System.nanoTime() - wall0) / 1e9, (OS.getProcessCpuTime() - cpu0) / 1e9);
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(System.getProperty("bench.dir", "target/bench-data"));
    long count = Long.parseLong(System.getProperty("bench.events", "1000000"));
    Files.createDirectories(dir);
    Path caseDir = prepare(dir, count);
    Clock clock = Clock.systemUTC();
    EvidenceFile file = EvidenceStore.existing(caseDir, clock).files().get(0);
    Path evidence = EvidenceStore.existing(caseDir, clock).pathOf(file);
    System.out.printf(Locale.ROOT, "evidence: %s, %d events, %.2f GB; %d cores, DuckDB memory_limit %s%n%n",
        evidence, file.events(), file.bytes() / 1e9, Runtime.getRuntime().availableProcessors(), Duck.MEMORY_LIMIT);

    String options = "format = 'newline_delimited'";
    try {
      readJson(dir.resolve("read_json.duckdb"), evidence, options);
    } catch (java.sql.SQLException e) {
      // DuckDB infers the schema from the first 20480 lines; a debugData key first seen later fails it.
      System.out.println("read_json(" + options + ") fails on this file: " + SqlRunner.firstLine(e.getMessage()));
      options += ", sample_size = -1";
      System.out.println("the baseline is therefore read_json(" + options + "), which infers the schema from every line");
    }
    Run bestJson = null;
    Run bestLoad = null;
    for (int round = 1; round <= 2; round++) {
      Run json = readJson(dir.resolve("read_json.duckdb"), evidence, options);
      System.out.printf(Locale.ROOT, "round %d  read_json CTAS   %6.1f s wall  %6.1f s cpu%n", round, json.wall(), json.cpu());
      long w = System.nanoTime();
      long c = OS.getProcessCpuTime();
      LoadReport report = CaseDatabase.load(caseDir, clock, true);
      Run load = Run.of(w, c);
      System.out.printf(Locale.ROOT, "round %d  okta-ir load     %6.1f s wall  %6.1f s cpu  (%d rows, exact=%s)%n",
          round, load.wall(), load.cpu(), report.totalEvents(), report.loaded().get(0).exact());
      bestJson = bestJson == null || json.wall() < bestJson.wall() ? json : bestJson;
      bestLoad = bestLoad == null || load.wall() < bestLoad.wall() ? load : bestLoad;
    }
    double ratio = bestJson.wall() / bestLoad.wall();
    System.out.printf(Locale.ROOT, "%nload: %.0f events/s (%.1f MB/s); read_json: %.0f events/s; okta-ir/read_json speed"
            + " ratio %.2fx (target >= 0.80x); cpu ratio %.2fx%n",
        file.events() / bestLoad.wall(), file.bytes() / 1e6 / bestLoad.wall(), file.events() / bestJson.wall(),
        ratio, bestJson.cpu() / bestLoad.cpu());
    System.out.printf(Locale.ROOT, "database: %.2f GB (read_json table: %.2f GB)%n%n",
        Files.size(CaseDatabase.path(caseDir)) / 1e9, Files.size(dir.resolve("read_json.duckdb")) / 1e9);
    pivots(caseDir, clock);
  }

  private static Path prepare(Path dir, long count) throws Exception {
    Path data = dir.resolve("events-" + count + ".jsonl");
    if (!Files.exists(data)) {
      long t = System.nanoTime();
      Path part = dir.resolve(data.getFileName() + ".part");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 20)) {
        Scenarios.generate(count, 42, Instant.parse("2026-11-28T12:00:00Z"), out);
      }
      Files.move(part, data);
      System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", data, (System.nanoTime() - t) / 1e9);
    }
    Path caseDir = dir.resolve("case-" + count);
    if (!Files.exists(caseDir.resolve("evidence/manifest.json"))) {
      long t = System.nanoTime();
      EvidenceImport.into(EvidenceStore.open(caseDir, Clock.systemUTC())).run(List.of(data), new ImportListener() {});
      System.out.printf(Locale.ROOT, "imported into %s in %.1f s%n", caseDir, (System.nanoTime() - t) / 1e9);
    }
    return caseDir;
  }

  private static Run readJson(Path db, Path evidence, String options) throws Exception {
    Files.deleteIfExists(db);
    Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
    long w = System.nanoTime();
    long c = OS.getProcessCpuTime();
    try (Connection conn = Duck.open(db, Duck.Mode.WRITE)) {
      Duck.exec(conn, "CREATE TABLE t AS SELECT * FROM read_json(" + Duck.literal(evidence.toString())
          + ", " + options + ")");
    }
    return Run.of(w, c);
  }

  private static void pivots(Path caseDir, Clock clock) {
    CaseDatabase db = CaseDatabase.open(caseDir, clock);
    List<String> names = new ArrayList<>();
    List<PivotQuery> queries = new ArrayList<>();
    for (PivotKey k : PivotKey.values()) {
      names.add(k.key());
      queries.add(new PivotQuery(List.of(k), Window.ALL, null, 100, null));
    }
    Instant baseline = Instant.parse("2026-10-28T12:00:00Z");
    names.add("ip --baseline-until " + baseline);
    queries.add(new PivotQuery(List.of(PivotKey.IP), Window.ALL, baseline, 100, null));
    names.add("ip,ua --since 2026-11-21");
    queries.add(new PivotQuery(List.of(PivotKey.IP, PivotKey.UA), new Window(Instant.parse("2026-11-21T00:00:00Z"), null), null, 100, null));
    names.add("asn,country,outcome --baseline-until");
    queries.add(new PivotQuery(List.of(PivotKey.ASN, PivotKey.COUNTRY, PivotKey.OUTCOME), Window.ALL, baseline, 100, null));
    EventFilter filter = EventFilter.parse("eventType eq \"user.session.start\" and outcome.result eq \"FAILURE\"");
    names.add("ip --filter (Java pass over raw)");
    queries.add(new PivotQuery(List.of(PivotKey.IP), Window.ALL, null, 100, new EventSelector(filter, filter::mightMatch)));
    System.out.println("pivot latency (ms; open + query + fetch; 3 runs: first, median, max)");
    for (int i = 0; i < queries.size(); i++) {
      long[] ms = new long[3];
      int rows = 0;
      for (int r = 0; r < 3; r++) {
        long t = System.nanoTime();
        rows = db.pivot(queries.get(i)).size();
        ms[r] = (System.nanoTime() - t) / 1_000_000;
      }
      long first = ms[0];
      Arrays.sort(ms);
      System.out.printf(Locale.ROOT, "  %-40s %6d %6d %6d   (%d rows)%s%n", names.get(i), first, ms[1], ms[2], rows,
          ms[1] < 1000 ? "" : "  > 1 s");
    }
  }
}
