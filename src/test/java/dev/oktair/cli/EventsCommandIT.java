package dev.oktair.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LogEvent;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.evidence.EvidenceWriter;
import dev.oktair.evidence.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code okta-ir events}: filters sealed evidence; --json is byte-exact, the table is terminal-safe. */
class EventsCommandIT {
  // Clock: 2026-11-28T12:00:00Z. Events at 48h, 36h, 24h and 12h before it.
  static final String OLD = Runs.event("old", Instant.parse("2026-11-26T12:00:00Z"), "user.session.start", "203.0.113.1", "User login to Okta");
  static final String MID = Runs.event("mid", Instant.parse("2026-11-27T00:00:00Z"), "user.mfa.factor.activate", "203.0.113.2", "Enroll factor");
  static final String EVIL = Runs.event("evil", Instant.parse("2026-11-27T12:00:00Z"), "user.session.start", "198.51.100.66",
      "\u001b[31mred\u001b[0m \u202eevil\r\nForged row");
  // Odd spacing, key order and escapes that a re-serialisation would change.
  static final String ODD = "{ \"published\" : \"2026-11-28 00:00:00.000\",\"uuid\":\"odd\", \"eventType\":\"user.session.start\","
      + "\"displayMessage\":\"caf\\u00e9\",\"n\":1.10}";

  @TempDir Path tmp;
  Path caseDir;

  @BeforeEach
  void importEvents() throws Exception {
    caseDir = tmp.resolve("case");
    Path first = tmp.resolve("first.jsonl");
    Path second = tmp.resolve("second.json");
    Files.writeString(first, OLD + "\n" + MID + "\n", UTF_8);
    Files.writeString(second, "[" + EVIL + ",\n" + ODD + "]", UTF_8);
    assertThat(Runs.run(tmp, "import", "--case", caseDir.toString(), first.toString(), second.toString()).exit()).isZero();
  }

  Runs.Run events(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "events";
    all[1] = "--case";
    all[2] = caseDir.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return Runs.run(tmp, all);
  }

  @Test
  void jsonPrintsTheStoredBytesExactly() {
    Runs.Run r = events("--json");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(OLD + "\n" + MID + "\n" + EVIL + "\n" + ODD + "\n");
  }

  @Test
  void filterSelectsAndKeepsBytes() {
    Runs.Run r = events("--json", "--filter", "eventType eq \"user.session.start\"");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(OLD + "\n" + EVIL + "\n" + ODD + "\n");
    assertThat(r.err()).contains("3 events matched");
  }

  @Test
  void keywordQueryAndLimit() {
    assertThat(events("--json", "--q", "Enroll").out()).isEqualTo(MID + "\n");
    assertThat(events("--json", "--limit", "2").out()).isEqualTo(OLD + "\n" + MID + "\n");
  }

  @Test
  void sinceIsInclusiveUntilExclusiveWithRelativeTimes() {
    // since 36h = 2026-11-27T00:00Z (MID, included); until 12h = 2026-11-28T00:00Z (ODD, excluded).
    Runs.Run r = events("--json", "--since", "36h", "--until", "12h");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(MID + "\n" + EVIL + "\n");
    assertThat(events("--json", "--since", "2026-11-28").out()).isEqualTo(ODD + "\n");
  }

  @Test
  void tableIsReadableAndNeutralisesControlCharacters() {
    Runs.Run r = events("--filter", "eventType eq \"user.session.start\"");
    assertThat(r.exit()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).startsWith("TIME").contains("EVENT TYPE", "ACTOR", "IP", "OUTCOME", "MESSAGE");
    assertThat(lines[1]).startsWith("2026-11-26T12:00:00.000Z").contains("user.session.start", "alex@contoso.example",
        "203.0.113.1", "SUCCESS", "User login to Okta");
    assertThat(lines[2]).contains("\\u001b[31mred\\u001b[0m \\u202eevil\\r\\nForged row");
    assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\r");
    assertThat(lines[3]).startsWith("2026-11-28T00:00:00.000Z").contains("caf\u00e9");
  }

  @Test
  void longCellsAreCut() throws Exception {
    Path big = tmp.resolve("big.jsonl");
    String message = "m".repeat(500);
    Files.writeString(big, Runs.event("big", Instant.parse("2026-11-28T01:00:00Z"), "x".repeat(100), "203.0.113.5", message) + "\n");
    Runs.run(tmp, "import", "--case", caseDir.toString(), big.toString());
    String row = events("--q", "big").out().split("\n")[1];
    assertThat(row).contains("x".repeat(35) + "\u2026").doesNotContain(message).contains("m".repeat(71) + "\u2026");
  }

  @Test
  void badFilterExitsTwoWithTheParseMessage() {
    Runs.Run r = events("--filter", "eventType equals \"x\"");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("invalid filter").contains("equals");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void badTimeOrWindowExitsTwo() {
    assertThat(events("--since", "last tuesday").exit()).isEqualTo(2);
    Runs.Run r = events("--since", "1h", "--until", "2h");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("must be before --until");
  }

  @Test
  void tamperedEvidenceLineIsReportedWithExitSeven() throws Exception {
    Path file = caseDir.resolve("evidence/0001-first.jsonl");
    file.toFile().setWritable(true);
    Files.writeString(file, OLD + "\n{broken\n", UTF_8);
    Runs.Run r = events("--json");
    assertThat(r.exit()).isEqualTo(7);
    assertThat(r.out()).startsWith(OLD + "\n");
    assertThat(r.err()).contains(file + ":2: malformed JSON").contains("okta-ir verify");
  }

  /** Overlapping collections return the same events again: each is printed once, as first stored. */
  @Test
  void eventsRepeatedAcrossEvidenceFilesArePrintedOnce() throws Exception {
    String oldAgain = OLD.replace("User login to Okta", "User login to Okta, serialised otherwise");
    assertThat(oldAgain).isNotEqualTo(OLD);
    // Sealed as a collection would (import drops repeats within one run; a later collection cannot).
    try (EvidenceWriter w = EvidenceStore.open(caseDir, Runs.CLOCK).create("ip", Source.imported("ip.jsonl"))) {
      for (String line : List.of(MID, OLD, MID, oldAgain)) {
        w.write(LogEvent.parse(line));
      }
      w.seal();
    }

    Runs.Run r = events("--json", "--evidence-order");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).as("same uuid, other bytes: another event").isEqualTo(OLD + "\n" + MID + "\n" + EVIL + "\n" + ODD + "\n" + oldAgain + "\n");
    assertThat(r.err()).contains("[okta-ir] 5 events matched (3 duplicates across evidence files shown once)");
    assertThat(events("--filter", "uuid eq \"mid\"").out().split("\n")).hasSize(2);
    assertThat(events("--json", "--limit", "5", "--evidence-order").out()).endsWith(oldAgain + "\n");
    assertThat(events("--json", "--q", "Enroll").err()).contains("1 events matched (2 duplicates");
  }

  /**
   * Evidence whose manifest records it in time order is printed as it is read, except events
   * without a time, which come last: the output is the sorted one, and the same as for a case
   * whose manifest predates the record (held and sorted), whatever the limit; a file that goes
   * back in time is sorted.
   */
  @Test
  void evidenceRecordedInTimeOrderPrintsAsTheSortDoes() throws Exception {
    String late = Runs.event("late", Instant.parse("2026-11-28T06:00:00Z"), "user.session.start", "203.0.113.7", "Late");
    String later = Runs.event("later", Instant.parse("2026-11-28T07:00:00Z"), "user.session.start", "203.0.113.8", "Later");
    String untimed = "{\"uuid\":\"nt1\",\"eventType\":\"user.session.start\",\"displayMessage\":\"no time\"}";
    String untimed2 = "{\"uuid\":\"nt2\",\"eventType\":\"user.session.start\",\"published\":\"soon\"}";
    Path third = tmp.resolve("third.jsonl");
    Files.writeString(third, untimed + "\n" + late + "\n" + untimed2 + "\n" + later + "\n" + late + "\n", UTF_8);
    assertThat(Runs.run(tmp, "import", "--case", caseDir.toString(), third.toString()).exit()).isZero();
    Path manifest = caseDir.resolve("evidence/manifest.json");
    assertThat(Files.readString(manifest)).contains("\"inTimeOrder\" : [ \"0001-first.jsonl\", \"0002-second.jsonl\", \"0003-third.jsonl\" ]");

    String all = OLD + "\n" + MID + "\n" + EVIL + "\n" + ODD + "\n" + late + "\n" + later + "\n" + untimed + "\n" + untimed2 + "\n";
    List<List<String>> asks = List.of(List.of("--json"), List.of("--json", "--limit", "5"), List.of("--json", "--limit", "7"),
        List.of("--json", "--filter", "eventType eq \"user.session.start\""), List.of("--q", "time"), List.of());
    List<Runs.Run> recorded = asks.stream().map(a -> events(a.toArray(String[]::new))).toList();
    assertThat(recorded.get(0).out()).isEqualTo(all);
    assertThat(recorded.get(1).out()).isEqualTo(OLD + "\n" + MID + "\n" + EVIL + "\n" + ODD + "\n" + late + "\n");
    assertThat(recorded.get(1).err()).contains("showing the first 5 of 8 events (--limit 5)");
    assertThat(recorded.get(2).out()).endsWith(later + "\n" + untimed + "\n");

    // the same case as sealed before the order was recorded: held and sorted, the same output
    manifest.toFile().setWritable(true);
    Files.writeString(manifest, Files.readString(manifest).replaceAll(",\\s*\"inTimeOrder\"\\s*:\\s*\\[[^\\]]*\\]", ""));
    assertThat(Files.readString(manifest)).doesNotContain("inTimeOrder");
    for (int i = 0; i < asks.size(); i++) {
      Runs.Run held = events(asks.get(i).toArray(String[]::new));
      assertThat(held.out()).as("%s", asks.get(i)).isEqualTo(recorded.get(i).out());
      assertThat(held.err()).as("%s", asks.get(i)).isEqualTo(recorded.get(i).err());
      assertThat(held.exit()).isEqualTo(recorded.get(i).exit()).isZero();
    }

    Path early = tmp.resolve("early.jsonl");
    String earliest = Runs.event("earliest", Instant.parse("2026-11-20T00:00:00Z"), "user.session.start", "203.0.113.9", "Early");
    Files.writeString(early, earliest + "\n", UTF_8);
    assertThat(Runs.run(tmp, "import", "--case", caseDir.toString(), early.toString()).exit()).isZero();
    assertThat(events("--json").out()).isEqualTo(earliest + "\n" + all);
  }
  /**
   * A manifest that lists a file as in time order when its events go back in time (edited, or
   * written by a faulty build) is caught as it is read: the events are printed as read, and the run
   * says the evidence is not intact, exit 7, rather than passing an unsorted timeline off as sorted.
   */
  @Test
  void manifestThatLiesAboutTimeOrderIsNotIntact() throws Exception {
    String later = Runs.event("later", Instant.parse("2026-11-28T07:00:00Z"), "user.session.start", "203.0.113.8", "Later");
    String late = Runs.event("late", Instant.parse("2026-11-28T06:00:00Z"), "user.session.start", "203.0.113.7", "Late");
    Path back = tmp.resolve("back.jsonl");
    Files.writeString(back, later + "\n" + late + "\n", UTF_8);
    assertThat(Runs.run(tmp, "import", "--case", caseDir.toString(), back.toString()).exit()).isZero();
    Path manifest = caseDir.resolve("evidence/manifest.json");
    String honest = Files.readString(manifest);
    assertThat(honest).as("import saw the file go back in time")
        .contains("\"inTimeOrder\" : [ \"0001-first.jsonl\", \"0002-second.jsonl\" ]");
    Runs.Run sorted = events("--filter", "eventType eq \"user.session.start\"", "--json");
    assertThat(sorted.exit()).isZero();
    assertThat(sorted.out()).isEqualTo(OLD + "\n" + EVIL + "\n" + ODD + "\n" + late + "\n" + later + "\n");

    manifest.toFile().setWritable(true);
    Files.writeString(manifest, honest.replace("\"0002-second.jsonl\" ]", "\"0002-second.jsonl\", \"0003-back.jsonl\" ]"));
    assertThat(Files.readString(manifest)).contains("\"0003-back.jsonl\" ]");

    Runs.Run lied = events("--filter", "eventType eq \"user.session.start\"", "--json");
    assertThat(lied.exit()).isEqualTo(7);
    assertThat(lied.out()).isEqualTo(OLD + "\n" + EVIL + "\n" + ODD + "\n" + later + "\n" + late + "\n");
    assertThat(lied.err()).contains("not in the time order its manifest recorded")
        .contains("okta-ir: the evidence is not intact; run 'okta-ir verify --case " + caseDir + "'");
  }
}
