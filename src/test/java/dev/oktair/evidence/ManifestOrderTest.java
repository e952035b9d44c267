package dev.oktair.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LogEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the manifest records of its files' time order, and when a read in manifest order is in time order. */
class ManifestOrderTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private static String at(String uuid, String published) {
    return "{\"uuid\":\"" + uuid + "\",\"eventType\":\"x\"" + (published == null ? "" : ",\"published\":\"" + published + "\"")
        + "}";
  }

  private static void seal(EvidenceStore store, String... lines) {
    try (EvidenceWriter w = store.create("f", Source.imported("/tmp/f"))) {
      for (String line : lines) {
        w.write(LogEvent.parse(line));
      }
      w.seal();
    }
  }

  @Test
  void aFileIsInTimeOrderWhenItsTimedEventsNeverGoBackEqualTimesAndUntimedEventsAllowed() {
    EvidenceStore store = EvidenceStore.open(dir, CLOCK);
    seal(store, at("a", "2024-01-01T00:00:00.000Z"), at("n", null), at("b", "2024-01-01T00:00:00.000Z"),
        at("c", "2024-01-01 00:00:01.000"));
    seal(store, at("d", "2024-01-03T00:00:00Z"), at("e", "2024-01-02T00:00:00Z"));
    seal(store, at("n2", null));
    assertThat(store.manifest().inTimeOrder()).containsExactly("0001-f.jsonl", "0003-f.jsonl");
    assertThat(store.manifest().readsInTimeOrder()).as("the second file goes back in time").isFalse();
  }

  @Test
  void filesReadInTimeOrderWhenEachStartsAfterTheLastEndedUntimedFilesAside() {
    EvidenceStore store = EvidenceStore.open(dir, CLOCK);
    seal(store, at("a", "2024-01-01T00:00:00.000Z"), at("b", "2024-01-01T00:00:01.000Z"));
    seal(store, at("n", null));
    seal(store, at("c", "2024-01-01T00:00:01.001Z"), at("n2", null));
    assertThat(store.manifest().readsInTimeOrder()).isTrue();
    seal(store, at("d", "2024-01-01T00:00:01.001Z"));
    assertThat(store.manifest().readsInTimeOrder()).as("a tie between files, at the manifest's millisecond").isFalse();
  }

  @Test
  void filesOverlappingInTimeAreNotReadInTimeOrder() {
    EvidenceStore store = EvidenceStore.open(dir, CLOCK);
    seal(store, at("a", "2024-01-01T00:00:00Z"), at("b", "2024-01-03T00:00:00Z"));
    seal(store, at("c", "2024-01-02T00:00:00Z"), at("d", "2024-01-04T00:00:00Z"));
    assertThat(store.manifest().inTimeOrder()).hasSize(2);
    assertThat(store.manifest().readsInTimeOrder()).isFalse();
  }

  /** A manifest written before the order was recorded reads as it did, and says nothing of order. */
  @Test
  void aManifestWithoutTheOrderReadsAsOfUnknownOrder() throws Exception {
    EvidenceStore store = EvidenceStore.open(dir, CLOCK);
    seal(store, at("a", "2024-01-01T00:00:00Z"));
    Path manifest = store.paths().manifest();
    String json = Files.readString(manifest, StandardCharsets.UTF_8);
    String old = json.replaceAll(",\\s*\"inTimeOrder\"\\s*:\\s*\\[[^\\]]*\\]", "");
    assertThat(old).isNotEqualTo(json).doesNotContain("inTimeOrder");
    Files.writeString(manifest, old, StandardCharsets.UTF_8);
    assertThat(store.files()).hasSize(1);
    assertThat(store.manifest().inTimeOrder()).isEmpty();
    assertThat(store.manifest().readsInTimeOrder()).isFalse();
    seal(store, at("b", "2024-01-02T00:00:00Z"));
    assertThat(store.manifest().inTimeOrder()).as("files sealed later are recorded").containsExactly("0002-f.jsonl");
    assertThat(store.manifest().files()).hasSize(2);
  }

  @Test
  void aManifestWithoutFilesReadsInTimeOrder() {
    assertThat(new Manifest(1, List.of(), null).readsInTimeOrder()).isTrue();
  }
}
