package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.evidence.EvidenceWriter;
import dev.oktair.evidence.Source;
import dev.oktair.sim.SimEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, item 3: output a responder can trust at a glance. The case holds two evidence files
 * whose events interleave in time, a sessionless spray from one IP and the user's sessionless
 * API calls from another, and events without a client IP after the baseline.
 */
class GlanceIT {
  private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

  @TempDir Path home;
  @TempDir Path caseDir;

  @BeforeEach
  void evidence() {
    EvidenceStore store = EvidenceStore.open(caseDir, Runs.CLOCK);
    // file 1: the later events (10:00..), file 2: the earlier ones (09:00..): evidence order is not time order
    seal(store, "later", List.of(
        event("s1", "2024-06-14T10:00:00Z", "203.0.113.9", null, "user.session.start"),
        event("s2", "2024-06-14T10:01:00Z", "203.0.113.9", null, "user.session.start"),
        event("s3", "2024-06-14T10:02:00Z", "203.0.113.9", null, "user.session.start"),
        event("s4", "2024-06-14T11:30:00Z", "203.0.113.9", null, "user.session.start"),
        event("n1", "2024-06-14T10:05:00Z", null, "idxWEB", "user.authentication.sso")));
    seal(store, "earlier", List.of(
        event("a1", "2024-06-14T09:00:00.5Z", "10.0.0.1", null, "user.account.update_profile"),
        event("a2", "2024-06-14T09:10:00Z", "10.0.0.1", null, "user.account.update_profile"),
        event("w1", "2024-06-14T09:20:00Z", "10.0.0.1", "idxWEB", "user.session.start")));
  }

  @Test
  void eventsComeInTimeOrderByDefaultAndInEvidenceOrderOnRequest() {
    Runs.Run timed = Runs.run(home, "events", "--case", caseDir.toString(), "--json");
    assertThat(timed.exit()).as(timed.err()).isZero();
    assertThat(uuids(timed.out())).containsExactly("a1", "a2", "w1", "s1", "s2", "s3", "n1", "s4");
    Runs.Run stored = Runs.run(home, "events", "--case", caseDir.toString(), "--json", "--evidence-order");
    assertThat(uuids(stored.out())).containsExactly("s1", "s2", "s3", "s4", "n1", "a1", "a2", "w1");
    Runs.Run limited = Runs.run(home, "events", "--case", caseDir.toString(), "--json", "--limit", "2");
    assertThat(uuids(limited.out())).containsExactly("a1", "a2");
    assertThat(limited.err()).contains("showing the first 2 of 8 events (--limit 2)");
  }

  @Test
  void everyTimeIsPrintedInOneFixedForm() throws Exception {
    Runs.Run table = Runs.run(home, "events", "--case", caseDir.toString());
    assertThat(table.out().lines().skip(1).map(l -> l.substring(0, 24))).allMatch(t -> t.matches(TIME));
    assertThat(table.out()).contains("2024-06-14T09:00:00.500Z", "2024-06-14T10:00:00.000Z");
    JsonNode manifest = Json.MAPPER.readTree(Files.readString(caseDir.resolve("evidence/manifest.json")));
    assertThat(manifest.toString()).contains("\"2024-06-14T10:00:00.000Z\"", "\"2024-06-14T11:30:00.000Z\"",
        "\"2024-06-14T09:00:00.500Z\"");
    Runs.Run pivot = Runs.run(home, "pivot", "--case", caseDir.toString(), "--by", "ip");
    assertThat(pivot.out()).contains("2024-06-14T09:00:00.500Z").doesNotContain(":00Z ");
    Runs.Run timeline = Runs.run(home, "timeline", "--case", caseDir.toString());
    assertThat(timeline.out()).contains("2024-06-14T10:00:00.000Z .. 2024-06-14T10:02:00.000Z");
  }

  @Test
  void sessionlessEventsAreGroupedBySubjectAndIpBurst() {
    Runs.Run run = Runs.run(home, "timeline", "--case", caseDir.toString(), "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    List<JsonNode> groups = lines(run.out());
    assertThat(groups).extracting(g -> g.get("label").asString()).containsExactly(
        "session idxWEB",
        "no session: alex@contoso.example from 10.0.0.1",
        "no session: mallory@contoso.example from 203.0.113.9",
        "no session: mallory@contoso.example from 203.0.113.9"); // 10:02 -> 11:30: a new burst
    assertThat(groups.get(2).get("events")).hasSize(3);
    assertThat(groups.get(3).get("events")).hasSize(1);
    Runs.Run limited = Runs.run(home, "timeline", "--case", caseDir.toString(), "--limit", "1");
    assertThat(limited.out()).contains("== session idxWEB").doesNotContain("no session");
    assertThat(limited.err()).contains("showing the first 1 of 4 sessions (--limit 1)");
  }

  @Test
  void pivotNeverMarksTheMissingValueNew() {
    Runs.Run run = Runs.run(home, "pivot", "--case", caseDir.toString(), "--by", "ip", "--baseline-until",
        "2024-06-14T09:30:00Z", "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    List<JsonNode> rows = lines(run.out());
    JsonNode missing = rows.stream().filter(r -> r.get("value").isNull()).findFirst().orElseThrow();
    assertThat(missing.get("new").asBoolean()).as("no IP is not a new IP").isFalse();
    JsonNode attacker = rows.stream().filter(r -> "203.0.113.9".equals(r.get("value").asString(null))).findFirst().orElseThrow();
    assertThat(attacker.get("new").asBoolean()).isTrue();
    Runs.Run limited = Runs.run(home, "pivot", "--case", caseDir.toString(), "--by", "ip", "--limit", "1", "--json");
    assertThat(lines(limited.out())).hasSize(1);
    assertThat(limited.err()).contains("--limit 0 for all");
  }

  @Test
  void sqlJsonPrintsListsAndStructsAsJsonAndLimitCutsRows() {
    Runs.Run run = Runs.run(home, "sql", "--case", caseDir.toString(), "--json",
        "SELECT [1, 2] AS l, {'a': 1, 'b': 'x'} AS s, [{'t': TIMESTAMP '2024-06-14 09:00:00'}] AS n");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().trim()).isEqualTo("{\"l\":[1,2],\"s\":{\"a\":1,\"b\":\"x\"},\"n\":[{\"t\":\"2024-06-14T09:00:00.000Z\"}]}");
    Runs.Run limited = Runs.run(home, "sql", "--case", caseDir.toString(), "--json", "--limit", "3",
        "SELECT uuid FROM events ORDER BY uuid");
    assertThat(lines(limited.out())).hasSize(3);
    assertThat(limited.err()).contains("showing the first 3 of 8 rows (--limit 3)");
  }

  @Test
  void verboseBeforeOrAfterTheSubcommandIsTheSame() {
    Runs.Run before = Runs.run(home, "-v", "sql", "--case", caseDir.toString(), "SELECT nope FROM events");
    Runs.Run after = Runs.run(home, "sql", "--case", caseDir.toString(), "SELECT nope FROM events", "-v");
    assertThat(before.exit()).isEqualTo(after.exit()).isEqualTo(2);
    assertThat(before.err()).contains("\tat ");
    assertThat(after.err()).contains("\tat ");
  }

  @Test
  void aFilterOnAFieldNoEventHasWarnsAndABadIpIsAUsageError() {
    Runs.Run run = Runs.run(home, "events", "--case", caseDir.toString(), "--filter", "eventtype eq \"user.session.start\"");
    assertThat(run.exit()).isZero();
    assertThat(run.err()).contains("warning: the filter attribute 'eventtype'", "did you mean eventType?");
    Runs.Run badIp = Runs.run(home, "collect", "--case", caseDir.toString(), "--ip", "10.0.0.0/8", "--since", "1d");
    assertThat(badIp.exit()).isEqualTo(2);
    assertThat(badIp.err()).contains("--ip takes an IP address", "10.0.0.0/8");
  }

  private static LogEvent event(String uuid, String published, String ip, String session, String type) {
    boolean mallory = ip != null && ip.startsWith("203");
    SimEvent e = SimEvent.of(uuid, Instant.parse(published), type)
        .displayMessage("m " + uuid)
        .actor(mallory ? "00u2" : "00u1", "User", (mallory ? "mallory" : "alex") + "@contoso.example", "X")
        .transaction("WEB", "tx-" + uuid);
    if (ip != null) {
      e.client(ip, "Mozilla/5.0", "Mac OS X", "CHROME", "Computer", null);
    }
    if (session != null) {
      e.session(session, null);
    }
    return e.build();
  }

  private static void seal(EvidenceStore store, String name, List<LogEvent> events) {
    try (EvidenceWriter w = store.create(name, Source.imported(name + ".jsonl"))) {
      events.forEach(w::write);
      w.seal();
    }
  }

  private static List<String> uuids(String out) {
    return lines(out).stream().map(n -> n.get("uuid").asString()).toList();
  }

  private static List<JsonNode> lines(String out) {
    return out.lines().filter(l -> !l.isBlank()).map(l -> Json.MAPPER.readTree(l)).toList();
  }
}
