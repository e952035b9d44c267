package dev.oktair.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.evidence.EvidenceFile;
import dev.oktair.evidence.EvidenceStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadTest {
  @TempDir Path caseDir;

  private List<String> lines(int n, String prefix) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Cases.event(prefix + i, "2024-06-10T09:00:0" + (i % 10) + ".123Z", "user.session.start",
          "u" + (i % 3) + "@x.example", "10.0.0." + i).build().rawText());
    }
    return out;
  }

  @Test
  void loadsEveryLineOnceAndIsANoOpTheSecondTime() {
    Cases.seal(caseDir, "a", lines(5, "a"));
    LoadReport first = CaseDatabase.load(caseDir, Cases.CLOCK, false);
    assertThat(first.eventsAdded()).isEqualTo(5);
    assertThat(first.totalEvents()).isEqualTo(5);
    assertThat(first.loaded()).extracting(LoadReport.LoadedFile::exact).containsExactly(false);

    LoadReport again = CaseDatabase.load(caseDir, Cases.CLOCK, false);
    assertThat(again.noop()).isTrue();
    assertThat(again.eventsAdded()).isZero();
    assertThat(again.alreadyLoaded()).isEqualTo(1);
    assertThat(again.totalEvents()).isEqualTo(5);
  }

  @Test
  void addingOneEvidenceFileAddsExactlyItsRows() {
    Cases.seal(caseDir, "a", lines(5, "a"));
    CaseDatabase.load(caseDir, Cases.CLOCK, false);
    EvidenceFile b = Cases.seal(caseDir, "b", lines(7, "b"));
    LoadReport r = CaseDatabase.load(caseDir, Cases.CLOCK, false);
    assertThat(r.loaded()).extracting(LoadReport.LoadedFile::name).containsExactly(b.name());
    assertThat(r.eventsAdded()).isEqualTo(7);
    assertThat(r.totalEvents()).isEqualTo(12);
  }

  @Test
  void rebuildDropsAndReloadsEverything() {
    Cases.seal(caseDir, "a", lines(5, "a"));
    Cases.seal(caseDir, "b", lines(3, "b"));
    CaseDatabase.load(caseDir, Cases.CLOCK, false);
    LoadReport r = CaseDatabase.load(caseDir, Cases.CLOCK, true);
    assertThat(r.rebuilt()).isTrue();
    assertThat(r.loaded()).hasSize(2);
    assertThat(r.eventsAdded()).isEqualTo(8);
    assertThat(r.totalEvents()).isEqualTo(8);
  }

  @Test
  void rawColumnIsTheEvidenceLineByteForByte() throws Exception {
    List<String> sample = Cases.sharedSample();
    List<String> input = sample != null ? sample : lines(20, "r");
    List<String> tricky = new ArrayList<>(input);
    tricky.add("{\"uuid\":\"u-\\u00e9\",\"displayMessage\":\"caf\u00e9 \u2603 \\\"q\\\" , tab\\t\",\"published\":\"2024-01-01T00:00:00Z\"}");
    tricky.add("{ \"uuid\" : \"spaced\" ,  \"eventType\":\"x\" }");
    EvidenceFile file = Cases.seal(caseDir, "raw", tricky);
    CaseDatabase.load(caseDir, Cases.CLOCK, false);

    List<byte[]> expected = Cases.lines(EvidenceStore.existing(caseDir, Cases.CLOCK).pathOf(file));
    try (Connection c = Duck.open(CaseDatabase.path(caseDir), Duck.Mode.READ);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT evidence_file, evidence_line, raw FROM events ORDER BY evidence_line")) {
      int n = 0;
      while (rs.next()) {
        assertThat(rs.getString(1)).isEqualTo(file.name());
        assertThat(rs.getLong(2)).isEqualTo(n + 1);
        assertThat(rs.getString(3).getBytes(StandardCharsets.UTF_8)).isEqualTo(expected.get(n));
        n++;
      }
      assertThat(n).isEqualTo(expected.size());
    }
  }

  @Test
  void aCarriageReturnInsideALineTakesTheExactPathAndStaysByteExact() throws Exception {
    EvidenceFile file = Cases.seal(caseDir, "cr", List.of("{\"uuid\":\"a\",\r\"eventType\":\"x\"}", "{\"uuid\":\"b\"}\r"));
    LoadReport r = CaseDatabase.load(caseDir, Cases.CLOCK, false);
    assertThat(r.loaded()).extracting(LoadReport.LoadedFile::exact).containsExactly(true);
    assertThat(r.totalEvents()).isEqualTo(2);
    List<byte[]> expected = Cases.lines(EvidenceStore.existing(caseDir, Cases.CLOCK).pathOf(file));
    try (Connection c = Duck.open(CaseDatabase.path(caseDir), Duck.Mode.READ);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT uuid, raw FROM events ORDER BY evidence_line")) {
      for (byte[] line : expected) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(2).getBytes(StandardCharsets.UTF_8)).isEqualTo(line);
      }
    }
  }

  @Test
  void evidenceChangedUnderALoadedFileIsAClearError() throws Exception {
    Cases.seal(caseDir, "a", lines(2, "a"));
    CaseDatabase.load(caseDir, Cases.CLOCK, false);
    Path manifest = caseDir.resolve("evidence/manifest.json");
    String text = Files.readString(manifest);
    String sha = EvidenceStore.existing(caseDir, Cases.CLOCK).files().get(0).sha256();
    Files.writeString(manifest, text.replace(sha, "0".repeat(64)));

    assertThatThrownBy(() -> CaseDatabase.load(caseDir, Cases.CLOCK, false))
        .isInstanceOfSatisfying(StoreException.class, e -> {
          assertThat(e.kind()).isEqualTo(dev.oktair.errors.Kind.EVIDENCE);
          assertThat(e.needsRebuild()).isTrue();
        })
        .hasMessageContaining("0001-a.jsonl")
        .hasMessageContaining("verify the evidence")
        .hasMessageContaining("rebuild");
  }

  @Test
  void aFileWhoseBytesDifferFromItsManifestIsNotLoadedAtAll() throws Exception {
    Cases.seal(caseDir, "a", lines(2, "a"));
    EvidenceFile b = Cases.seal(caseDir, "b", lines(3, "b"));
    Path path = EvidenceStore.existing(caseDir, Cases.CLOCK).pathOf(b);
    path.toFile().setWritable(true);
    byte[] bytes = Files.readAllBytes(path);
    bytes[10] = (byte) (bytes[10] == 'x' ? 'y' : 'x'); // same size, different content
    Files.write(path, bytes);

    assertThatThrownBy(() -> CaseDatabase.load(caseDir, Cases.CLOCK, false))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(b.name())
        .hasMessageContaining("sha256");
    try (Connection c = Duck.open(CaseDatabase.path(caseDir), Duck.Mode.READ)) {
      assertThat(Duck.longValue(c, "SELECT count(*) FROM events WHERE evidence_file = ?", b.name())).isZero();
      assertThat(Duck.longValue(c, "SELECT count(*) FROM loaded_files")).isEqualTo(1);
    }
  }

  @Test
  void typedColumnsFollowOktaSemantics() throws Exception {
    String siem = "{\"uuid\":\"s\",\"published\":\"2023-01-10 17:39:40.526\",\"client\":{\"zone\":\"null\",\"ipAddress\":\"1.2.3.4\"},"
        + "\"securityContext\":{\"asNumber\":\"1337\",\"isProxy\":\"TRUE\"},\"debugContext\":{\"debugData\":{\"threatSuspected\":\"true\",\"requestUri\":\"/api/v1/authn\"}},"
        + "\"target\":[{\"id\":\"00u1\",\"type\":\"User\",\"alternateId\":\"bob@x\"},{\"id\":\"0oa1\",\"type\":\"AppInstance\",\"alternateId\":\"aws\",\"displayName\":\"AWS\"}],"
        + "\"outcome\":{\"result\":\"DENY\",\"reason\":\"null\"},\"actor\":{\"id\":\"00u2\",\"type\":\"User\",\"alternateId\":\"eve@x\"}}";
    String offset = "{\"uuid\":\"o\",\"published\":\"2024-08-13T15:58:20.353+02:00\",\"securityContext\":{\"asNumber\":701,\"isProxy\":false},\"target\":null}";
    Cases.seal(caseDir, "typed", List.of(siem, offset));
    CaseDatabase.load(caseDir, Cases.CLOCK, false);
    try (Connection c = Duck.open(CaseDatabase.path(caseDir), Duck.Mode.READ);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT published::VARCHAR, zone, client_ip, asn, is_proxy, threat_suspected, request_uri,"
            + " target_user, target_user_id, target_app, target_app_id, outcome_result, outcome_reason, actor_alternate_id,"
            + " json_array_length(targets) FROM events ORDER BY evidence_line")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("2023-01-10 17:39:40.526");
      assertThat(rs.getString(2)).isNull();
      assertThat(rs.getString(3)).isEqualTo("1.2.3.4");
      assertThat(rs.getLong(4)).isEqualTo(1337);
      assertThat(rs.getBoolean(5)).isTrue();
      assertThat(rs.getBoolean(6)).isTrue();
      assertThat(rs.getString(7)).isEqualTo("/api/v1/authn");
      assertThat(rs.getString(8)).isEqualTo("bob@x");
      assertThat(rs.getString(9)).isEqualTo("00u1");
      assertThat(rs.getString(10)).isEqualTo("AWS");
      assertThat(rs.getString(11)).isEqualTo("0oa1");
      assertThat(rs.getString(12)).isEqualTo("DENY");
      assertThat(rs.getString(13)).isNull();
      assertThat(rs.getString(14)).isEqualTo("eve@x");
      assertThat(rs.getLong(15)).isEqualTo(2);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("2024-08-13 13:58:20.353");
      assertThat(rs.getLong(4)).isEqualTo(701);
      assertThat(rs.getBoolean(5)).isFalse();
      assertThat(rs.getObject(6)).isNull();
      assertThat(rs.getString(8)).isNull();
    }
  }

  @Test
  void theLineDigestWeighsEachLineByItsPosition() throws Exception {
    Path file = caseDir.resolve("d.jsonl");
    Files.writeString(file, "ab\nc\n");
    FileDigest d = FileDigest.of(file);
    assertThat(d.positions()).isEqualTo(1 * 2 + 2 * 1);
    assertThat(d.sha256()).isEqualTo(EvidenceStore.sha256(file));
    Files.writeString(file, "c\nab\n");
    assertThat(FileDigest.of(file).positions()).as("same lines, other order").isEqualTo(1 * 1 + 2 * 2);
  }

  @Test
  void aLoadRacingReadersInThisProcessEitherLoadsOrIsRefusedAsBusy() throws Exception {
    Cases.seal(caseDir, "a", lines(5, "a"));
    CaseDatabase.load(caseDir, Cases.CLOCK, false);
    // Two commands in one process (tests, the demo): DuckDB shares one instance per file, and a
    // write open that meets a reader's instance, or one being shut down, must read as "busy".
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    Thread readers = new Thread(() -> {
      while (!stop.get()) {
        try (Connection c = Duck.open(CaseDatabase.path(caseDir), Duck.Mode.READ)) {
          Thread.onSpinWait();
        } catch (Exception busy) {
          // the load holds it: what this thread meets is not what the test is about
        }
      }
    });
    readers.start();
    int loaded = 0;
    int refused = 0;
    try {
      for (int i = 0; i < 80; i++) {
        Cases.seal(caseDir, "b" + i, lines(1, "b" + i + "-"));
        try {
          CaseDatabase.load(caseDir, Cases.CLOCK, false);
          loaded++;
        } catch (StoreException busy) {
          assertThat(busy).hasMessageContaining("open in another process or command");
          refused++;
        }
      }
    } finally {
      stop.set(true);
      readers.join();
    }
    assertThat(refused).as("the readers never held the file: the race was not tried").isPositive();
    assertThat(CaseDatabase.load(caseDir, Cases.CLOCK, false).totalEvents()).isEqualTo(85);
    assertThat(loaded + refused).isEqualTo(80);
  }
}
