package dev.oktair.store;

import dev.oktair.events.Window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oktair.events.LogEvent;
import dev.oktair.evidence.EvidenceFile;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.sim.TenantSeed;
import dev.oktair.sim.scenario.Scenarios;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pivot counts equal counts computed independently: the evidence read line by line with Jackson
 * (through {@link LogEvent}), never through DuckDB, each distinct event (uuid and bytes) once.
 */
class PivotRecountTest {
  private static final Map<PivotKey, Function<LogEvent, Object>> KEYS = new HashMap<>();

  static {
    KEYS.put(PivotKey.IP, e -> e.client().ipAddress());
    KEYS.put(PivotKey.ASN, e -> e.security().asNumber());
    KEYS.put(PivotKey.ISP, e -> e.security().isp());
    KEYS.put(PivotKey.PROXY, e -> e.security().isProxy());
    KEYS.put(PivotKey.COUNTRY, e -> e.client().geo().country());
    KEYS.put(PivotKey.CITY, e -> e.client().geo().city());
    KEYS.put(PivotKey.DEVICE, e -> e.client().device());
    KEYS.put(PivotKey.UA, e -> e.client().rawUserAgent());
    KEYS.put(PivotKey.BROWSER, e -> e.client().browser());
    KEYS.put(PivotKey.OS, e -> e.client().os());
    KEYS.put(PivotKey.SESSION, e -> e.rootSessionId() != null ? e.rootSessionId() : e.externalSessionId());
    KEYS.put(PivotKey.APP, e -> firstTarget(e, "AppInstance", LogEvent.Target::displayName));
    KEYS.put(PivotKey.EVENT_TYPE, LogEvent::eventType);
    KEYS.put(PivotKey.OUTCOME, e -> e.outcome().result());
    KEYS.put(PivotKey.ACTOR, e -> e.actor().alternateId());
    KEYS.put(PivotKey.TARGET, e -> firstTarget(e, "User", LogEvent.Target::alternateId));
  }

  private static TenantSeed scenario;

  @TempDir Path caseDir;

  /** The default scenario's tenant, generated once for the tests that read it. */
  private static synchronized TenantSeed scenario() {
    if (scenario == null) {
      scenario = Scenarios.load(Scenarios.DEFAULT, 7, Instant.parse("2026-11-28T12:00:00Z"));
    }
    return scenario;
  }

  private static String firstTarget(LogEvent e, String type, Function<LogEvent.Target, String> field) {
    return e.targets().stream().filter(t -> type.equals(t.type())).findFirst().map(field).orElse(null);
  }

  /** What a pivot row should say, recomputed. */
  record Expected(long events, long successes, long failures, Instant first, Instant last, long subjects) {}

  private static final class Tally {
    long events;
    long successes;
    long failures;
    Instant first;
    Instant last;
    final Set<String> subjects = new HashSet<>();

    void add(LogEvent e) {
      events++;
      String result = e.outcome().result();
      if ("SUCCESS".equals(result) || "ALLOW".equals(result)) {
        successes++;
      } else if ("FAILURE".equals(result) || "DENY".equals(result)) {
        failures++;
      }
      Instant at = e.published();
      if (at != null) {
        at = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS); // DuckDB TIMESTAMP precision
        first = first == null || at.isBefore(first) ? at : first;
        last = last == null || at.isAfter(last) ? at : last;
      }
      if ("User".equals(e.actor().type()) && e.actor().alternateId() != null) {
        subjects.add(e.actor().alternateId());
      }
    }

    Expected done() {
      return new Expected(events, successes, failures, first, last, subjects.size());
    }
  }

  /**
   * Reads every evidence line through Jackson, keeping each distinct event once: a line with the
   * uuid and the very bytes of an earlier line (of any file) is the same event collected again;
   * the same uuid with other bytes is another event. This is the rule the case database is meant
   * to follow, written here independently of it.
   */
  private List<LogEvent> readEvidence() throws IOException {
    List<LogEvent> events = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>();
    for (byte[] line : allLines()) {
      LogEvent e = LogEvent.parse(line);
      if (seen.add(Arrays.asList(e.uuid(), ByteBuffer.wrap(line)))) {
        events.add(e);
      }
    }
    return events;
  }

  /** Every evidence line, as bytes split on \n, in manifest order. */
  private List<byte[]> allLines() throws IOException {
    List<byte[]> lines = new ArrayList<>();
    EvidenceStore store = EvidenceStore.existing(caseDir, Cases.CLOCK);
    for (EvidenceFile file : store.files()) {
      lines.addAll(Cases.lines(store.pathOf(file)));
    }
    return lines;
  }

  private static Map<List<Object>, Expected> recount(List<LogEvent> events, List<PivotKey> keys) {
    Map<List<Object>, Tally> tallies = new HashMap<>();
    for (LogEvent e : events) {
      List<Object> value = new ArrayList<>();
      keys.forEach(k -> value.add(KEYS.get(k).apply(e)));
      tallies.computeIfAbsent(value, v -> new Tally()).add(e);
    }
    Map<List<Object>, Expected> out = new HashMap<>();
    tallies.forEach((k, t) -> out.put(k, t.done()));
    return out;
  }

  private void assertPivotsMatchRecount(CaseDatabase db) throws IOException {
    List<List<PivotKey>> sets = new ArrayList<>();
    for (PivotKey k : PivotKey.values()) {
      sets.add(List.of(k));
    }
    sets.add(List.of(PivotKey.IP, PivotKey.UA));
    sets.add(List.of(PivotKey.ASN, PivotKey.COUNTRY, PivotKey.OUTCOME));
    List<LogEvent> events = readEvidence();
    assertThat(events).isNotEmpty();
    for (List<PivotKey> keys : sets) {
      Map<List<Object>, Expected> expected = recount(events, keys);
      Map<List<Object>, Expected> actual = new HashMap<>();
      for (PivotRow r : db.pivot(new PivotQuery(keys, Window.ALL, null, 0, null))) {
        actual.put(Arrays.asList(r.value().values().toArray()),
            new Expected(r.events(), r.successes(), r.failures(), r.firstSeen(), r.lastSeen(), r.subjects()));
      }
      assertThat(actual).as("pivot by %s", keys).isEqualTo(expected);
    }
  }

  @Test
  void samplePivotsMatchAJacksonRecount() throws IOException {
    List<String> sample = Cases.sharedSample();
    assumeTrue(sample != null, "../shared/data is absent");
    Cases.seal(caseDir, "sample", sample);
    assertPivotsMatchRecount(CaseDatabase.open(caseDir, Cases.CLOCK));
  }

  @Test
  void scenarioPivotsMatchAJacksonRecountAndExposeTheAttacker() throws IOException {
    TenantSeed seed = scenario();
    Cases.sealEvents(caseDir, "scenario", seed.events());
    CaseDatabase db = CaseDatabase.open(caseDir, Cases.CLOCK);
    assertPivotsMatchRecount(db);

    TenantSeed.Story story = seed.story();
    Map<Object, Boolean> isNew = new HashMap<>();
    for (PivotRow r : db.pivot(new PivotQuery(List.of(PivotKey.IP), Window.ALL, story.attackStart(), 0, null))) {
      isNew.put(r.value().get(PivotKey.IP), r.isNew());
    }
    assertThat(story.attackerIps()).isNotEmpty().allSatisfy(ip -> assertThat(isNew.get(ip)).as("attacker %s", ip).isTrue());
    assertThat(story.victimIps()).isNotEmpty().allSatisfy(ip -> assertThat(isNew.get(ip)).as("victim %s", ip).isFalse());
    assertThat(Objects.requireNonNull(story.attackerAsns())).isNotEmpty();
  }

  /**
   * Two overlapping collections (a user's events, then an attacker IP's), a line repeated within
   * one file and a uuid collision: pivots, the timeline and SQL see every event once, and the
   * provenance table still lists every file that saw it.
   */
  @Test
  void overlappingEvidenceIsCountedOnceByPivotsTimelineAndSql() throws IOException {
    List<LogEvent> all = scenario().events();
    int n = all.size();
    LogEvent shared = all.get(n / 2);
    LogEvent original = all.get(0);
    LogEvent collision = LogEvent.parse(original.rawText().replace("\"displayMessage\":\"", "\"displayMessage\":\"(again) "));
    assertThat(collision.uuid()).isEqualTo(original.uuid());
    assertThat(collision.rawText()).isNotEqualTo(original.rawText());
    List<LogEvent> byIp = new ArrayList<>(all.subList(n / 3, n));
    byIp.add(shared);
    byIp.add(collision);
    EvidenceFile user = Cases.sealEvents(caseDir, "user", all.subList(0, 2 * n / 3));
    EvidenceFile ip = Cases.sealEvents(caseDir, "ip", byIp);
    CaseDatabase db = CaseDatabase.open(caseDir, Cases.CLOCK);

    assertPivotsMatchRecount(db);
    long distinct = n + 1;
    long lines = user.events() + ip.events();
    assertThat(lines).as("more lines than events: a recount of lines would not match").isGreaterThan(distinct + n / 4);
    assertThat(db.pivot(new PivotQuery(List.of(PivotKey.EVENT_TYPE), Window.ALL, null, 0, null))
        .stream().mapToLong(PivotRow::events).sum()).isEqualTo(distinct);
    List<String> timeline = db.timeline(Window.ALL, null).stream()
        .flatMap(s -> s.events().stream()).map(TimelineSession.Event::uuid).toList();
    assertThat(timeline).hasSize((int) distinct);
    assertThat(new HashSet<>(timeline)).hasSize(n);

    assertThat(sql("SELECT count(*), count(DISTINCT uuid), count(*) FILTER (WHERE uuid_collision) FROM events"))
        .containsExactly(List.of(distinct, (long) n, 2L));
    assertThat(sql("SELECT evidence_file, first_file FROM evidence_lines WHERE uuid = '" + shared.uuid() + "'"
        + " ORDER BY evidence_file, evidence_line")).containsExactly(
            List.of(user.name(), user.name()), List.of(ip.name(), user.name()), List.of(ip.name(), user.name()));
    assertThat(sql("SELECT count(*) FROM evidence_lines")).containsExactly(List.of(lines));
  }

  private List<List<Object>> sql(String query) {
    SqlTest.Collect rows = new SqlTest.Collect();
    CaseDatabase.open(caseDir, Cases.CLOCK).sql(query, rows);
    return rows.rows;
  }
}
