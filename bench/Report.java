import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes bench/run's tables (not a test; run by bench/run): reads the measured rows (TSV named by
 * the environment) and writes OUT.md and OUT.json with each step's median, its peer's, the ratio
 * and whether issue 14's target is met, with the machine, load average and commit.
 */
public final class Report {
  record Row(String set, String step, String tool, double median, double min, double max, long rssMb, int runs,
      String load, int exit) {}

  /** A target: okta-ir's median over the peer's at most {@code maxRatio}, or at most {@code maxSeconds}. */
  record Target(String step, String peer, double maxRatio, double maxSeconds, String text) {}

  static final List<Target> TARGETS = List.of(
      new Target("version", null, 0, 0.3, "≤ 0.3 s"),
      new Target("filter", "duckdb", 1.0, 0, "≤ 1x DuckDB's time"),
      new Target("filter", "jq", Double.MAX_VALUE, 0, "(reference)"),
      new Target("import", "sha256sum", 1.5, 0, "≤ 1.5x sha256sum's time"),
      new Target("load", "duckdb", 1 / 1.5, 0, "≥ 1.5x DuckDB's speed (≤ 0.67x its time)"),
      new Target("pivot", null, 0, 0.8, "≤ 0.8 s end to end"),
      new Target("pivot", "duckdb", Double.MAX_VALUE, 0, "(reference)"));

  public static void main(String[] args) throws IOException {
    Map<String, String> env = System.getenv();
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(env.get("TSV")))) {
      String[] f = line.split("\t");
      rows.add(new Row(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]),
          Double.parseDouble(f[5]), Long.parseLong(f[6]), Integer.parseInt(f[7]), f[8], Integer.parseInt(f[9])));
    }
    StringBuilder md = new StringBuilder();
    md.append("# bench/run ").append(env.get("STAMP")).append(" at ").append(env.get("COMMIT")).append("\n\n");
    md.append(String.format(Locale.ROOT,
        "Machine: %s, %s cores, %s; %s. Data: %s MB per set; %s runs per step (median; jq and the -Xmx512m "
            + "steps once). Load average at start: %s; at end: %s. okta-ir runs through bin/okta-ir, a fresh JVM per "
            + "command; DuckDB's figure is its statement's own time inside a JVM (start and driver load excluded).%n%n",
        env.get("CPU"), env.get("CORES"), env.get("MEM"), env.get("JV"), env.get("MB"), env.get("RUNS"),
        env.get("STARTLOAD"), env.get("ENDLOAD")));
    md.append("| set | step | okta-ir median (min-max) | peak RSS | peer | peer median | ratio | target | met | load |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    StringBuilder json = new StringBuilder("{\n");
    json.append(String.format(Locale.ROOT,
        "  \"date\": \"%s\", \"commit\": \"%s\", \"cpu\": \"%s\", \"cores\": %s, \"memory\": \"%s\", \"java\": \"%s\",%n"
            + "  \"mb\": %s, \"runs\": %s, \"loadStart\": \"%s\", \"loadEnd\": \"%s\",%n  \"rows\": [%n",
        env.get("STAMP"), env.get("COMMIT"), esc(env.get("CPU")), env.get("CORES"), env.get("MEM"), esc(env.get("JV")),
        env.get("MB"), env.get("RUNS"), env.get("STARTLOAD").trim(), env.get("ENDLOAD").trim()));
    List<String> jsonRows = new ArrayList<>();
    for (Row r : rows) {
      jsonRows.add(String.format(Locale.ROOT,
          "    {\"set\": \"%s\", \"step\": \"%s\", \"tool\": \"%s\", \"median\": %.3f, \"min\": %.3f, \"max\": %.3f, "
              + "\"peakRssMb\": %d, \"runs\": %d, \"load\": %s, \"exit\": %d}",
          r.set, r.step, r.tool, r.median, r.min, r.max, r.rssMb, r.runs, r.load, r.exit));
      if (!r.tool.equals("okta-ir")) {
        continue;
      }
      boolean any = false;
      for (Target t : TARGETS) {
        if (!t.step.equals(r.step)) {
          continue;
        }
        Row peer = t.peer == null ? null : find(rows, r.set, r.step, t.peer);
        if (t.peer != null && peer == null) {
          continue;
        }
        any = true;
        double ratio = peer == null ? Double.NaN : r.median / peer.median;
        String met = t.maxRatio == Double.MAX_VALUE ? "" : r.exit != 0 && r.exit != 6 ? "FAILED"
            : peer == null ? (r.median <= t.maxSeconds ? "yes" : "no") : (ratio <= t.maxRatio ? "yes" : "no");
        md.append(String.format(Locale.ROOT, "| %s | %s | %.2f s (%.2f-%.2f) | %d MB | %s | %s | %s | %s | %s | %s |%n",
            r.set, r.step, r.median, r.min, r.max, r.rssMb, t.peer == null ? "" : t.peer,
            peer == null ? "" : String.format(Locale.ROOT, "%.2f s", peer.median),
            peer == null ? "" : String.format(Locale.ROOT, "%.2fx", ratio), t.text, met, r.load));
      }
      if (!any) {
        String met = r.step.endsWith("-512m") ? (r.exit == 0 || r.exit == 6 ? "yes" : "no (exit " + r.exit + ")") : "";
        md.append(String.format(Locale.ROOT, "| %s | %s | %.2f s | %d MB | | | | %s | %s | %s |%n", r.set, r.step,
            r.median, r.rssMb, r.step.endsWith("-512m") ? "completes with -Xmx512m" : "", met, r.load));
      }
    }
    json.append(String.join(",\n", jsonRows)).append("\n  ]\n}\n");
    Path out = Path.of(args[0]);
    Files.writeString(Path.of(out + ".md"), md);
    Files.writeString(Path.of(out + ".json"), json);
    System.out.print(md);
  }

  private static Row find(List<Row> rows, String set, String step, String tool) {
    return rows.stream().filter(r -> r.set.equals(set) && r.step.equals(step) && r.tool.equals(tool)).findFirst()
        .orElse(null);
  }

  private static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
