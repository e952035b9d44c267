package dev.oktair.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.events.LogEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stateful detections on real-shaped events (detect/behaviours.jsonl, built from a real Okta
 * user.session.start of the shared samples): ten quiet days for five users, then a brute force,
 * an impossible trip, unanswered pushes and a factor removed under a repeated uuid.
 */
class DetectionsTest {
  private static List<LogEvent> events;
  private static List<Finding> findings;

  @TempDir Path dir;

  @BeforeAll
  static void run() throws IOException {
    events = new ArrayList<>();
    try (InputStream in = DetectionsTest.class.getResourceAsStream("/detect/behaviours.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        events.add(LogEvent.parse(line));
      }
    }
    findings = Detections.run(Detections.builtIn(), events).findings();
  }

  private static List<Finding> of(String detection) {
    return findings.stream().filter(f -> f.detection().equals(detection)).toList();
  }

  @Test
  void failuresThenASuccessFromOneSourceIsBruteForce() {
    assertThat(of("brute-force")).singleElement().satisfies(f -> {
      assertThat(f.subject()).isEqualTo("bob@example.com");
      assertThat(f.evidence()).hasSize(7);
      assertThat(f.severity()).as("nothing ties the source to an attacker").isEqualTo(Severity.MEDIUM);
    });
  }

  @Test
  void bostonThenTokyoInHalfAnHourIsImpossibleTravel() {
    assertThat(of("impossible-travel")).singleElement().satisfies(f -> {
      assertThat(f.subject()).isEqualTo("carol@example.com");
      assertThat(f.summary()).contains("Boston").contains("Tokyo").contains("30 minutes");
    });
  }

  @Test
  void unansweredPushesWithoutApprovalAreFatigueAtMedium() {
    assertThat(of("push-fatigue")).singleElement().satisfies(f -> {
      assertThat(f.subject()).isEqualTo("dave@example.com");
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.summary()).doesNotContain("approved");
    });
  }

  @Test
  void eventsSharingAUuidAreCitedByTheirBytes() {
    List<Finding> removed = of("factor-removed");
    assertThat(removed).hasSize(2);
    List<String> cited = removed.stream().map(f -> ((Citation.Event) f.evidence().get(0)).uuid()).toList();
    assertThat(cited).allMatch(u -> u.matches("sha256:[0-9a-f]{64}")).doesNotHaveDuplicates();
    assertThat(of("factor-removed-not-restored")).singleElement()
        .satisfies(f -> assertThat(f.facts()).containsEntry("factorId", "mbl1erin"));
  }

  @Test
  void quietUsersAndNothingAttributedGiveNoHighFinding() {
    assertThat(findings).noneMatch(f -> "frank@example.com".equals(f.subject()));
    assertThat(findings).noneMatch(f -> f.severity().atLeast(Severity.HIGH));
  }

  @Test
  void idsDependOnEvidenceNotOnOrderOrRun() {
    List<Finding> again = Detections.run(Detections.builtIn(), events).findings();
    assertThat(again.stream().map(Finding::id)).containsExactlyElementsOf(findings.stream().map(Finding::id).toList());
    Finding f = findings.get(0);
    List<Citation> reversed = new ArrayList<>(f.evidence());
    java.util.Collections.reverse(reversed);
    assertThat(FindingIds.of(f.detection(), f.subject(), reversed)).isEqualTo(f.id());
    assertThat(FindingIds.of(f.detection() + "x", f.subject(), reversed)).isNotEqualTo(f.id());
  }

  @Test
  void findingsFileRoundTripsAndRefusesOtherVersions() throws IOException {
    Path file = dir.resolve("findings.json");
    FindingsFile.Window w = new FindingsFile.Window(Instant.parse("2024-06-20T14:00:00Z"),
        Instant.parse("2024-06-20T16:00:00Z"), "override");
    FindingsFile.write(file, new FindingsFile.Contents(w, findings));
    FindingsFile.Contents back = FindingsFile.read(file);
    assertThat(back.window()).isEqualTo(w);
    assertThat(back.findings()).isEqualTo(findings);
    java.nio.file.Files.writeString(file, "{\"version\":2,\"findings\":[]}");
    assertThatThrownBy(() -> FindingsFile.read(file)).hasMessageContaining("version");
  }

  @Test
  void findingsFileIsReadOneFindingAtATimeAndRefusesWhatItCannotTrust() throws IOException {
    Path file = dir.resolve("findings.json");
    FindingsFile.Window w = new FindingsFile.Window(null, null, "inferred");
    FindingsFile.write(file, new FindingsFile.Contents(w, findings));
    List<Finding> streamed = new ArrayList<>();
    assertThat(FindingsFile.read(file, streamed::add)).isEqualTo(w);
    assertThat(streamed).isEqualTo(findings);
    // the texts findings repeat are read as one instance, not one per finding
    List<Finding> twice = new ArrayList<>(findings);
    twice.addAll(findings);
    FindingsFile.write(file, new FindingsFile.Contents(w, twice));
    List<Finding> back = FindingsFile.read(file).findings();
    Finding a = back.get(0);
    Finding b = back.get(findings.size());
    assertThat(b).isEqualTo(a);
    assertThat(b.detection()).isSameAs(a.detection());
    assertThat(b.recommendation()).isSameAs(a.recommendation());

    String text = java.nio.file.Files.readString(file);
    // a version stated after the findings is still checked
    java.nio.file.Files.writeString(file, "{\"findings\":[],\"version\":3}");
    assertThatThrownBy(() -> FindingsFile.read(file)).hasMessageContaining("version 3");
    java.nio.file.Files.writeString(file, "{\"findings\":[]}");
    assertThatThrownBy(() -> FindingsFile.read(file)).hasMessageContaining("version");
    // cut off mid-finding: an error naming the file, not a short list
    java.nio.file.Files.writeString(file, text.substring(0, text.length() / 2));
    assertThatThrownBy(() -> FindingsFile.read(file, f -> {})).hasMessageContaining(file.toString());
    java.nio.file.Files.writeString(file, "[]");
    assertThatThrownBy(() -> FindingsFile.read(file)).hasMessageContaining("not a findings file");
  }

  @Test
  void aWindowCannotEndBeforeItStarts() {
    assertThatThrownBy(() -> new FindingsFile.Window(Instant.parse("2024-06-20T14:00:00Z"),
        Instant.parse("2024-06-20T13:00:00Z"), "override")).hasMessageContaining("before it starts");
    assertThatThrownBy(() -> new FindingsFile.Window(null, null, "guessed")).hasMessageContaining("source");
  }

  @Test
  void aPassOverPreparedEventsFindsTheSame() throws IOException {
    Path file = dir.resolve("events.jsonl");
    java.nio.file.Files.write(file, events.stream().map(LogEvent::rawText).toList());
    List<Finding> fromTrees = streamed(dev.oktair.events.EventReader.create(), file);
    assertThat(streamed(dev.oktair.events.EventReader.create().withPreparer(Detections::prepare), file))
        .isEqualTo(fromTrees).isNotEmpty();
    // read without trees, the fields streamed from the bytes (RawFields), as investigate and the bench read
    assertThat(streamed(dev.oktair.events.EventReader.create().treeless().withPreparer(Detections::prepare), file))
        .isEqualTo(fromTrees);
  }

  private static List<Finding> streamed(dev.oktair.events.EventReader reader, Path file) throws IOException {
    Detections.Pass pass = Detections.start(Detections.builtIn());
    reader.read(file, new dev.oktair.events.EventHandler() {
      @Override
      public boolean event(LogEvent event, long line) {
        pass.see(event);
        return true;
      }

      @Override
      public void rejected(dev.oktair.events.RejectedLine rejected) {
        throw new AssertionError(rejected);
      }
    });
    return pass.finish().findings();
  }

  @Test
  void copiesOfOneEventAreOneFindingAndOthersAtTheSameInstantAreNot() {
    LogEvent removal = events.stream().filter(e -> e.eventType().equals("user.mfa.factor.deactivate")).findFirst().orElseThrow();
    String text = removal.rawText();
    String uuid = removal.uuid();
    LogEvent other = LogEvent.parse(text.replace(uuid, "11111111-2222-3333-4444-555555555555"));
    LogEvent later = LogEvent.parse(text.replace(uuid, "66666666-2222-3333-4444-555555555555")
        .replace(removal.published().toString().replace("Z", ".000Z"), "2024-06-20T19:05:00.000Z"));
    assertThat(later.published()).isNotEqualTo(removal.published());
    // the same bytes twice with another event of that instant between them, then one of a later instant
    List<Finding> removed = Detections.run(Detections.builtIn(), List.of(removal, other, LogEvent.parse(text), later))
        .findings().stream().filter(f -> f.detection().equals("factor-removed")).toList();
    assertThat(removed).hasSize(3);
    assertThat(removed).filteredOn(f -> f.evidence().get(0).toString().contains(uuid)).singleElement()
        .satisfies(f -> assertThat(f.summary()).endsWith("(2 events)."));
  }

  @Test
  void everyBuiltInHasAnIdTitleAndRecommendation() {
    assertThat(Detections.builtIn()).extracting(Detection::id).doesNotHaveDuplicates();
    assertThat(Detections.builtIn()).allSatisfy(d -> {
      assertThat(d.title()).isNotBlank();
      assertThat(d.recommendation()).isNotBlank();
    });
  }
}
