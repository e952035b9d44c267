package dev.oktair.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.events.EventSelection;
import dev.oktair.events.LogEvent;
import dev.oktair.events.Window;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.sim.SimEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pivot summaries a load writes (issue 14) answer exactly what the database answers, for every
 * key, limit and baseline they take, and nothing once the database or the evidence changed.
 */
class PivotSummariesTest {
  @TempDir Path caseDir;

  private static final List<Integer> LIMITS = List.of(0, 1, 2, 3, 4, 51, PivotSummaries.CAP);

  /**
   * Ties in counts (three IPs with two events each), values missing (no client at all), events
   * without a readable published time, a proxy flag true, false and absent, and a value whose only
   * event has no time.
   */
  private static List<LogEvent> tricky() {
    List<LogEvent> events = new ArrayList<>();
    String[] ips = {"10.0.0.3", "10.0.0.1", "10.0.0.2", "10.0.0.1", "10.0.0.3", "10.0.0.2", "9.9.9.9", "9.9.9.9", "9.9.9.9"};
    for (int i = 0; i < ips.length; i++) {
      SimEvent e = Cases.event("t" + i, "2024-06-1" + i % 4 + "T0" + i + ":00:00Z",
          i % 2 == 0 ? "user.session.start" : "user.authentication.sso", i % 3 == 0 ? "alice@x" : "bob@x", ips[i]);
      if (i == 4) {
        e.network(14061L, "digitalocean", "DigitalOcean", null, true);
      }
      if (i % 4 == 1) {
        e.result("FAILURE", "INVALID_CREDENTIALS");
      }
      events.add(e.build());
    }
    events.add(SimEvent.of("sys", Instant.parse("2024-06-12T00:00:00Z"), "system.org.rate_limit.warning")
        .actor("0oa1", "PublicClientApp", "client", "client").result("SUCCESS", null).build());
    events.add(LogEvent.parse("{\"uuid\":\"ua1\",\"published\":\"2024-06-12T01:00:00.000Z\",\"eventType\":\"x\","
        + "\"client\":{\"ipAddress\":\"10.0.0.9\",\"userAgent\":{\"rawUserAgent\":\"\\u0000 \\ud83d\\ude00 é \\u20ac \\n\"}}}"));
    events.add(LogEvent.parse("{\"uuid\":\"nt1\",\"eventType\":\"user.session.start\",\"client\":{\"ipAddress\":\"198.51.100.7\"}}"));
    events.add(LogEvent.parse("{\"uuid\":\"nt2\",\"published\":\"not a time\",\"eventType\":\"user.session.start\"}"));
    return events;
  }

  @Test
  void everyKeyLimitAndBaselineAnswersWhatTheDatabaseDoes() {
    Cases.sealEvents(caseDir, "tricky", tricky());
    CaseDatabase db = CaseDatabase.open(caseDir, Cases.CLOCK);
    List<Instant> baselines = Arrays.asList(null, Instant.parse("2024-06-01T00:00:00Z"),
        Instant.parse("2024-06-11T01:00:00Z"), Instant.parse("2024-06-11T01:00:00.000001Z"),
        Instant.parse("2024-06-12T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"));
    int compared = 0;
    for (PivotKey key : PivotKey.values()) {
      for (int limit : LIMITS) {
        for (Instant baseline : baselines) {
          PivotQuery q = new PivotQuery(List.of(key), Window.ALL, baseline, limit, null);
          List<PivotRow> expected = db.pivot(q); // writes the key's summary if it has none
          assertThat(answer(q)).as("%s limit %s baseline %s", key, limit, baseline).isNotNull()
              .containsExactlyElementsOf(expected);
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(PivotKey.values().length * LIMITS.size() * baselines.size());
  }

  @Test
  void theSharedSampleAnswersAsTheDatabaseDoes() throws IOException {
    List<String> sample = Cases.sharedSample();
    org.junit.jupiter.api.Assumptions.assumeTrue(sample != null, "no shared sample");
    Cases.seal(caseDir, "sample", sample);
    CaseDatabase db = CaseDatabase.open(caseDir, Cases.CLOCK);
    for (PivotKey key : PivotKey.values()) {
      for (int limit : LIMITS) {
        PivotQuery q = new PivotQuery(List.of(key), Window.ALL, Instant.parse("2024-06-01T00:00:00Z"), limit, null);
        List<PivotRow> expected = db.pivot(q);
        assertThat(answer(q)).as("%s limit %s", key, limit).isNotNull().containsExactlyElementsOf(expected);
      }
    }
  }

  /** Past {@link PivotSummaries#CAP} values the summary answers the top ones only; more goes to the database. */
  @Test
  void aKeyWithMoreValuesThanTheSummaryKeepsAnswersOnlyWithinIt() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < PivotSummaries.CAP + 5; i++) {
      lines.add("{\"uuid\":\"m" + i + "\",\"published\":\"2024-06-12T09:00:00.000Z\",\"eventType\":\"user.session.start\","
          + "\"client\":{\"ipAddress\":\"10." + i / 256 + "." + i % 256 + ".1\"}}");
    }
    lines.add(lines.get(7).replace("\"m7\"", "\"m7b\"")); // one value with two events, first
    Cases.seal(caseDir, "many", lines);
    CaseDatabase db = CaseDatabase.open(caseDir, Cases.CLOCK);
    for (int limit : List.of(1, 51, PivotSummaries.CAP)) {
      PivotQuery q = new PivotQuery(List.of(PivotKey.IP), Window.ALL, null, limit, null);
      assertThat(answer(q)).as("limit %s", limit).isNotNull().containsExactlyElementsOf(db.pivot(q));
    }
    assertThat(answer(new PivotQuery(List.of(PivotKey.IP), Window.ALL, null, PivotSummaries.CAP + 1, null))).isNull();
    assertThat(answer(PivotQuery.of(PivotKey.IP))).as("--limit 0").isNull();
    db.pivot(new PivotQuery(List.of(PivotKey.EVENT_TYPE), Window.ALL, null, 51, null));
    assertThat(answer(PivotQuery.of(PivotKey.EVENT_TYPE))).as("one value: all of it, whatever limit wrote it").isNotNull()
        .containsExactlyElementsOf(db.pivot(PivotQuery.of(PivotKey.EVENT_TYPE)));
  }

  @Test
  void aLoadSummarisesTheIpAndEachOtherKeyItsFirstPivot() {
    Cases.sealEvents(caseDir, "tricky", tricky());
    CaseDatabase db = CaseDatabase.open(caseDir, Cases.CLOCK);
    assertThat(PivotSummaries.AT_LOAD).containsExactly(PivotKey.IP);
    assertThat(answer(PivotQuery.of(PivotKey.IP))).isNotNull();
    assertThat(answer(PivotQuery.of(PivotKey.UA))).isNull();
    db.pivot(new PivotQuery(List.of(PivotKey.UA), Window.ALL, null, 2, null), r -> { });
    assertThat(answer(PivotQuery.of(PivotKey.UA))).isNotNull().containsExactlyElementsOf(db.pivot(PivotQuery.of(PivotKey.UA)));
    assertThat(answer(PivotQuery.of(PivotKey.OS))).isNull();
    db.pivot(new PivotQuery(List.of(PivotKey.OS), new Window(Instant.parse("2024-06-11T00:00:00Z"), null), null, 0, null));
    assertThat(answer(PivotQuery.of(PivotKey.OS))).as("a pivot of some events only keeps nothing").isNull();
  }

  /** A pivot reads the database with no writer; a load between its stat and its write leaves its summary unwritten. */
  @Test
  void aPivotKeepsNoSummaryWhenTheDatabaseChangedUnderIt() throws Exception {
    Cases.sealEvents(caseDir, "tricky", tricky());
    CaseDatabase.open(caseDir, Cases.CLOCK);
    PivotQuery q = PivotQuery.of(PivotKey.CITY);
    PivotSummaries.Recorder keep = PivotSummaries.recorder(caseDir, q);
    try (Connection c = Duck.open(CaseDatabase.path(caseDir), Duck.Mode.WRITE)) {
      Duck.exec(c, "DELETE FROM events WHERE client_ip = '9.9.9.9'");
    }
    try (Connection c = Duck.open(CaseDatabase.path(caseDir), Duck.Mode.READ)) {
      keep.run(c, r -> { });
    }
    keep.write();
    assertThat(caseDir.resolve("case.pivots").resolve("city")).doesNotExist();
  }

  @Test
  void queriesOverPartOfTheEventsOrSeveralKeysGoToTheDatabase() {
    Cases.sealEvents(caseDir, "tricky", tricky());
    CaseDatabase.open(caseDir, Cases.CLOCK);
    assertThat(answer(PivotQuery.of(PivotKey.IP))).isNotNull();
    assertThat(answer(PivotQuery.of(PivotKey.IP, PivotKey.UA))).isNull();
    Window since = new Window(Instant.parse("2024-06-11T00:00:00Z"), null);
    assertThat(answer(new PivotQuery(List.of(PivotKey.IP), since, null, 0, null))).isNull();
    Window until = new Window(null, Instant.parse("2024-06-11T00:00:00Z"));
    assertThat(answer(new PivotQuery(List.of(PivotKey.IP), until, null, 0, null))).isNull();
    var filter = new EventSelection("eventType eq \"user.session.start\"", null, Window.ALL).selector();
    assertThat(answer(new PivotQuery(List.of(PivotKey.IP), Window.ALL, null, 0, filter))).isNull();
    var query = new EventSelection(null, "alice", Window.ALL).selector();
    assertThat(answer(new PivotQuery(List.of(PivotKey.IP), Window.ALL, null, 0, query))).isNull();
    Instant finer = Instant.parse("2024-06-11T01:00:00.000000001Z");
    assertThat(answer(new PivotQuery(List.of(PivotKey.IP), Window.ALL, finer, 0, null))).as("below a microsecond").isNull();
  }

  @Test
  void newEvidenceNotLoadedYetSilencesTheSummaryUntilALoadRewritesIt() {
    Cases.sealEvents(caseDir, "tricky", tricky());
    CaseDatabase.open(caseDir, Cases.CLOCK);
    Cases.sealEvents(caseDir, "more", List.of(Cases.event("x1", "2024-06-13T00:00:00Z", "user.session.start", "eve@x",
        "6.6.6.6").build()));
    assertThat(answer(PivotQuery.of(PivotKey.IP))).isNull();
    CaseDatabase db = CaseDatabase.open(caseDir, Cases.CLOCK); // loads the new file, writes new summaries
    assertThat(answer(PivotQuery.of(PivotKey.IP))).isNotNull().containsExactlyElementsOf(db.pivot(PivotQuery.of(PivotKey.IP)))
        .extracting(r -> r.value().get(PivotKey.IP)).contains("6.6.6.6");
  }

  @Test
  void evidenceTouchedSinceTheLoadSilencesTheSummary() throws IOException {
    Cases.sealEvents(caseDir, "tricky", tricky());
    CaseDatabase.open(caseDir, Cases.CLOCK);
    EvidenceStore evidence = EvidenceStore.existing(caseDir, Cases.CLOCK);
    Path file = evidence.pathOf(evidence.files().get(0));
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    assertThat(answer(PivotQuery.of(PivotKey.IP))).isNull();
  }

  @Test
  void aDatabaseChangedOutsideALoadSilencesTheSummary() throws Exception {
    Cases.sealEvents(caseDir, "tricky", tricky());
    CaseDatabase.open(caseDir, Cases.CLOCK);
    try (Connection c = Duck.open(CaseDatabase.path(caseDir), Duck.Mode.WRITE)) {
      Duck.exec(c, "DELETE FROM events WHERE client_ip = '9.9.9.9'");
    }
    assertThat(answer(PivotQuery.of(PivotKey.IP))).isNull();
  }

  @Test
  void readingTheDatabaseLeavesTheSummaryStanding() {
    Cases.sealEvents(caseDir, "tricky", tricky());
    CaseDatabase db = CaseDatabase.open(caseDir, Cases.CLOCK);
    db.pivot(PivotQuery.of(PivotKey.IP, PivotKey.UA));
    db.sql("SELECT count(*) FROM events", new RowSink() {
      @Override
      public void columns(List<Column> columns) {}

      @Override
      public void row(List<Object> values) {}

      @Override
      public void end() {}
    });
    db.timeline(Window.ALL, null);
    assertThat(CaseDatabase.open(caseDir, Cases.CLOCK).loadedOnOpen()).isNull();
    assertThat(answer(PivotQuery.of(PivotKey.IP))).isNotNull();
  }

  @Test
  void aWriteAheadLogOrADamagedSummaryIsNotTrusted() throws IOException {
    Cases.sealEvents(caseDir, "tricky", tricky());
    CaseDatabase.open(caseDir, Cases.CLOCK);
    Path db = CaseDatabase.path(caseDir);
    Path wal = db.resolveSibling(db.getFileName() + ".wal");
    Files.write(wal, new byte[0]);
    assertThat(answer(PivotQuery.of(PivotKey.IP))).isNull();
    Files.delete(wal);
    assertThat(answer(PivotQuery.of(PivotKey.IP))).isNotNull();
    Path ip = caseDir.resolve("case.pivots").resolve("ip");
    byte[] bytes = Files.readAllBytes(ip);
    Files.write(ip, Arrays.copyOf(bytes, bytes.length - 3));
    assertThat(answer(PivotQuery.of(PivotKey.IP))).isNull();
    Files.write(ip, new byte[] {1, 2, 3});
    assertThat(answer(PivotQuery.of(PivotKey.IP))).isNull();
  }

  @Test
  void aRebuildRewritesTheSummariesAndAFailedLoadLeavesNone() throws IOException {
    Cases.sealEvents(caseDir, "tricky", tricky());
    CaseDatabase.open(caseDir, Cases.CLOCK);
    CaseDatabase.load(caseDir, Cases.CLOCK, true);
    CaseDatabase db = CaseDatabase.open(caseDir, Cases.CLOCK);
    assertThat(answer(PivotQuery.of(PivotKey.IP))).isNotNull().containsExactlyElementsOf(db.pivot(PivotQuery.of(PivotKey.IP)));
    EvidenceStore evidence = EvidenceStore.existing(caseDir, Cases.CLOCK);
    Path file = evidence.pathOf(evidence.files().get(0));
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 3] ^= 1; // same size, another byte: the load re-hashes and refuses
    Files.write(file, bytes);
    assertThatThrownBy(() -> CaseDatabase.load(caseDir, Cases.CLOCK, false)).isInstanceOf(StoreException.class);
    assertThat(caseDir.resolve("case.pivots")).doesNotExist();
    assertThat(answer(PivotQuery.of(PivotKey.IP))).isNull();
  }

  private List<PivotRow> answer(PivotQuery q) {
    return CaseDatabase.summarisedPivot(caseDir, Cases.CLOCK, q);
  }
}
