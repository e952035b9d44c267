package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.SimulatorOptions;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 items 2, 3, 8 and 9, each reproduced as the issue wrote it: evidence changed after a
 * load, a deleted or unreadable manifest, ordinary conditions that were reported as bugs, and the
 * hygiene of the case's files. Every command ends refused (2), with exit 7 or exit 8: never 0 with
 * a wrong answer, never 1.
 */
class TrustIT {
  @TempDir Path home;
  @TempDir Path dir;
  private Path caseDir;
  private Path evidenceFile;

  /** The reading commands over derived data, each of which must refuse stale data. */
  private static final List<List<String>> DERIVED = List.of(List.of("pivot", "--by", "ip"), List.of("timeline"),
      List.of("sql", "SELECT count(*) FROM events"), List.of("export", "--format", "csv"));

  @BeforeEach
  void importedAndLoaded() throws IOException {
    caseDir = dir.resolve("case");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      lines.append(Runs.event("u" + i, Instant.parse("2026-11-20T09:00:00Z").plusSeconds(i * 60L),
          "user.session.start", "10.0.0." + (i % 5), "message " + i)).append('\n');
    }
    Path input = Files.writeString(dir.resolve("in.jsonl"), lines.toString());
    Runs.Run imported = run("import", "--case", c(), input.toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    Runs.Run loaded = run("load", "--case", c());
    assertThat(loaded.exit()).as(loaded.err()).isZero();
    try (Stream<Path> files = Files.list(caseDir.resolve("evidence"))) {
      evidenceFile = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
    }
  }

  private String c() {
    return caseDir.toString();
  }

  private Runs.Run run(String... args) {
    return Runs.run(home, args);
  }

  private Runs.Run run(List<String> command) {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("--case", c()));
    return run(args.toArray(String[]::new));
  }

  private void flipAByte(boolean keepTime) throws IOException {
    FileTime before = Files.getLastModifiedTime(evidenceFile);
    evidenceFile.toFile().setWritable(true);
    try (RandomAccessFile f = new RandomAccessFile(evidenceFile.toFile(), "rw")) {
      f.seek(200);
      int b = f.read();
      f.seek(200);
      f.write(b == 'a' ? 'b' : 'a');
    }
    if (keepTime) {
      Files.setLastModifiedTime(evidenceFile, before);
    }
  }

  private void assertStaleRefused(Runs.Run r) {
    assertThat(r.exit()).as(r.err()).isEqualTo(7);
    assertThat(r.err()).contains(evidenceFile.getFileName().toString());
  }

  @Test
  void item2_aByteFlippedAfterLoadIsRefusedByLoadEventsAndEveryDerivedCommand() throws IOException {
    flipAByte(false);
    Runs.Run load = run("load", "--case", c());
    assertStaleRefused(load);
    assertThat(load.out()).doesNotContain("up to date");
    for (List<String> command : DERIVED) {
      Runs.Run r = run(command);
      assertStaleRefused(r);
      assertThat(r.err()).as(command.toString()).contains("okta-ir load --case " + c() + " --rebuild");
    }
    Runs.Run events = run("events", "--case", c());
    assertStaleRefused(events);
    assertThat(events.err()).contains("changed after it was sealed");
    assertThat(run("verify", "--case", c()).exit()).isEqualTo(7);
  }

  @Test
  void item2_aByteFlippedWithItsTimePutBackIsStillRefused() throws IOException {
    flipAByte(true);
    for (List<String> command : DERIVED) {
      assertStaleRefused(run(command)); // the change time moved, though the modification time did not
    }
    assertStaleRefused(run("load", "--case", c()));
    assertStaleRefused(run("events", "--case", c()));
  }

  @Test
  void item2_fiveHundredBytesCutAfterLoadAreRefused() throws IOException {
    evidenceFile.toFile().setWritable(true);
    try (RandomAccessFile f = new RandomAccessFile(evidenceFile.toFile(), "rw")) {
      f.setLength(f.length() - 500);
    }
    assertStaleRefused(run("load", "--case", c()));
    for (List<String> command : DERIVED) {
      assertStaleRefused(run(command));
    }
    assertStaleRefused(run("events", "--case", c()));
  }

  @Test
  void item2_anUntouchedCaseStillAnswers() {
    for (List<String> command : DERIVED) {
      Runs.Run r = run(command);
      assertThat(r.exit()).as(command + ": " + r.err()).isZero();
    }
    Runs.Run load = run("load", "--case", c());
    assertThat(load.exit()).as(load.err()).isZero();
  }

  @Test
  void item3_aDeletedManifestIsExitSevenNeverZeroEvents() throws IOException {
    Files.delete(caseDir.resolve("evidence/manifest.json"));
    Runs.Run events = run("events", "--case", c());
    assertThat(events.exit()).as(events.err()).isEqualTo(7);
    assertThat(events.err()).contains("manifest", "missing").doesNotContain("0 events matched");
    Runs.Run rebuild = run("load", "--case", c(), "--rebuild");
    assertThat(rebuild.exit()).as(rebuild.err()).isEqualTo(7);
    assertThat(rebuild.out()).doesNotContain("rebuilt");
    for (List<String> command : DERIVED) {
      assertThat(run(command).exit()).as(command.toString()).isEqualTo(7);
    }
    Path more = Files.writeString(dir.resolve("more.jsonl"),
        Runs.event("m1", Instant.parse("2026-11-21T09:00:00Z"), "user.session.start", "10.1.1.1", "m") + "\n");
    Runs.Run imported = run("import", "--case", c(), more.toString());
    assertThat(imported.exit()).as(imported.err()).isEqualTo(7);
    assertThat(imported.err()).contains("restore manifest.json");
    assertThat(caseDir.resolve("evidence/manifest.json")).doesNotExist();
    assertThat(run("verify", "--case", c()).exit()).isEqualTo(7);
  }

  @Test
  void item3_aGarbageManifestIsExitSeven() throws IOException {
    Path manifest = caseDir.resolve("evidence/manifest.json");
    manifest.toFile().setWritable(true);
    Files.writeString(manifest, "{\"manifestVersion\":1,\"files\":[");
    for (String command : List.of("events", "verify", "load")) {
      Runs.Run r = run(command, "--case", c());
      assertThat(r.exit()).as(command + ": " + r.err()).isEqualTo(7);
      assertThat(r.err()).contains("manifest");
    }
  }

  @Test
  void item8_aGarbageCaseDatabaseSaysDamagedWithTheRemedyThenRebuilds() throws IOException {
    Path db = caseDir.resolve("case.duckdb");
    Files.write(db, "this is not a database, just bytes that happen to sit here".repeat(200).getBytes());
    Files.deleteIfExists(caseDir.resolve("case.duckdb.wal"));
    assertDamagedThenRebuilt();
  }

  @Test
  void item8_aTruncatedCaseDatabaseSaysDamagedWithTheRemedyThenRebuilds() throws IOException {
    Path db = caseDir.resolve("case.duckdb");
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      f.setLength(f.length() / 3);
    }
    Files.deleteIfExists(caseDir.resolve("case.duckdb.wal"));
    assertDamagedThenRebuilt();
  }

  private void assertDamagedThenRebuilt() {
    for (List<String> command : DERIVED) {
      Runs.Run r = run(command);
      assertThat(r.exit()).as(command + ": " + r.err()).isEqualTo(7);
      assertThat(r.err()).contains("case database", "damaged", "okta-ir load --case " + c() + " --rebuild");
    }
    Runs.Run load = run("load", "--case", c());
    assertThat(load.exit()).as(load.err()).isEqualTo(7);
    Runs.Run rebuild = run("load", "--case", c(), "--rebuild");
    assertThat(rebuild.exit()).as(rebuild.err()).isZero();
    Runs.Run sql = run(List.of("sql", "--json", "SELECT count(*) AS n FROM events"));
    assertThat(sql.exit()).as(sql.err()).isZero();
    assertThat(sql.out()).contains("40");
  }

  @Test
  void item8_aReadOnlyCaseDirectoryIsExitEight() throws Exception {
    assumeThat(immutable(caseDir, true)).as("chattr +i is available").isTrue();
    try {
      Path more = Files.writeString(dir.resolve("more.jsonl"),
          Runs.event("m1", Instant.parse("2026-11-21T09:00:00Z"), "user.session.start", "10.1.1.1", "m") + "\n");
      Runs.Run imported = run("import", "--case", c(), more.toString());
      assertThat(imported.exit()).as(imported.err()).isEqualTo(8);
      assertThat(imported.err()).doesNotContain("internal error");
      Runs.Run rebuild = run("load", "--case", c(), "--rebuild");
      assertThat(rebuild.exit()).as(rebuild.err()).isEqualTo(8);
    } finally {
      immutable(caseDir, false);
    }
  }

  private static boolean immutable(Path path, boolean on) throws Exception {
    try {
      Process p = new ProcessBuilder("chattr", "-R", on ? "+i" : "-i", path.toString()).redirectErrorStream(true).start();
      return p.waitFor() == 0;
    } catch (IOException noChattr) {
      return false;
    }
  }

  @Test
  void item8_collectSinceZeroDaysIsAUsageError() {
    Runs.Run r = Runs.run(home, "collect", "--case", dir.resolve("zero").toString(), "--all", "--since", "0d");
    // no org is configured: the window must be refused before the configuration is even read
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("the window is empty", "--since 0d");
  }

  @Test
  void item9_caseFilesAreOwnerOnlyAndEvidenceReadOnly() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.jsonl"), "not json at all\n"
        + Runs.event("q1", Instant.parse("2026-11-21T09:00:00Z"), "user.session.start", "10.1.1.1", "q") + "\n");
    run("import", "--case", c(), bad.toString());
    Runs.Run export = run("export", "--case", c(), "--format", "jsonl");
    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(run("load", "--case", c()).exit()).isZero();
    List<String> wrong = new ArrayList<>();
    try (Stream<Path> all = Files.walk(caseDir)) {
      for (Path p : all.toList()) {
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        String rel = caseDir.relativize(p).toString();
        boolean sealed = rel.startsWith("evidence/") && rel.endsWith(".jsonl");
        String want = Files.isDirectory(p) ? "rwx------" : sealed ? "r--------" : "rw-------";
        if (!perms.equals(want)) {
          wrong.add(rel + " " + perms);
        }
      }
    }
    assertThat(wrong).isEmpty();
    try (Stream<Path> q = Files.list(caseDir.resolve("quarantine"))) {
      assertThat(q).isNotEmpty();
    }
  }

  @Test
  void item9_exportIntoTheEvidenceIsRefused() {
    for (String out : List.of("evidence/x", "evidence", "./evidence/../evidence/y")) {
      Runs.Run r = run("export", "--case", c(), "--format", "csv", "--out", caseDir.resolve(out).toString());
      assertThat(r.exit()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).contains("inside the case's evidence directory");
    }
    assertThat(run("verify", "--case", c()).exit()).isZero();
  }

  @Test
  void item9_simulateOnABusyPortLeavesNoPrivateKeyBehind() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> before = simKeyDirs(tmp);
    try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Throwable failed = null;
      try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().port(busy.getLocalPort()).build())) {
        assertThat(sim).as("a busy port cannot be bound").isNull();
      } catch (RuntimeException e) {
        failed = e;
      }
      assertThat(failed).isNotNull();
    }
    assertThat(simKeyDirs(tmp)).containsExactlyInAnyOrderElementsOf(before);
  }

  private static List<Path> simKeyDirs(Path tmp) throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.filter(p -> p.getFileName().toString().startsWith("okta-ir-sim-")).toList();
    }
  }
}
