package dev.oktair.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LogEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceStoreTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
  private static final String A = "{\"uuid\":\"a\",\"published\":\"2024-01-02T00:00:00.000Z\"}";
  private static final String B = "{\"uuid\":\"b\", \"published\":\"2024-01-01 00:00:00.000\"}";

  @TempDir Path dir;

  @Test
  void sealsRawLinesWithHashAndRange() throws Exception {
    EvidenceStore store = EvidenceStore.open(dir, CLOCK);
    EvidenceFile file;
    try (EvidenceWriter w = store.create("import-x.json", Source.okta("https://acme.okta.com", Map.of("filter", "x")))) {
      w.write(LogEvent.parse(A));
      w.write(LogEvent.parse(B));
      file = w.seal();
    }
    Path path = store.pathOf(file);
    assertThat(file.name()).isEqualTo("0001-import-x.json.jsonl");
    assertThat(Files.readString(path)).isEqualTo(A + "\n" + B + "\n");
    assertThat(file.sha256()).isEqualTo(EvidenceStore.sha256(path));
    assertThat(file.bytes()).isEqualTo(Files.size(path));
    assertThat(file.events()).isEqualTo(2);
    assertThat(file.firstPublished()).isEqualTo("2024-01-01T00:00:00.000Z");
    assertThat(file.lastPublished()).isEqualTo("2024-01-02T00:00:00.000Z");
    assertThat(store.files()).containsExactly(file);
    assertThat(store.files().get(0).source().query()).containsEntry("filter", "x");
    assertThat(Files.list(store.stagingDir())).isEmpty();
  }

  @Test
  void numbersFilesAndNeverOverwrites() {
    EvidenceStore store = EvidenceStore.open(dir, CLOCK);
    for (int i = 0; i < 2; i++) {
      try (EvidenceWriter w = store.create("same", Source.imported("/tmp/x"))) {
        w.write(LogEvent.parse(A));
        w.seal();
      }
    }
    assertThat(store.files()).extracting(EvidenceFile::name).containsExactly("0001-same.jsonl", "0002-same.jsonl");
  }

  @Test
  void abandonedWriterLeavesNoEvidence() {
    EvidenceStore store = EvidenceStore.open(dir, CLOCK);
    try (EvidenceWriter w = store.create("x", Source.imported("/tmp/x"))) {
      w.write(LogEvent.parse(A));
    }
    assertThat(store.files()).isEmpty();
    assertThat(store.verify().intact()).isTrue();
  }

  @Test
  void verifyDetectsAOneByteChangeAndAddedAndRemovedFiles() throws Exception {
    EvidenceStore store = EvidenceStore.open(dir, CLOCK);
    EvidenceFile file;
    try (EvidenceWriter w = store.create("x", Source.imported("/tmp/x"))) {
      w.write(LogEvent.parse(A));
      file = w.seal();
    }
    assertThat(store.verify().intact()).isTrue();

    Path path = store.pathOf(file);
    byte[] bytes = Files.readAllBytes(path);
    bytes[3] = (byte) (bytes[3] ^ 1);
    path.toFile().setWritable(true);
    Files.write(path, bytes);
    Files.writeString(store.evidenceDir().resolve("extra.jsonl"), B, StandardCharsets.UTF_8);

    EvidenceStore.VerifyReport report = store.verify();
    assertThat(report.intact()).isFalse();
    assertThat(report.changed()).containsExactly(file.name());
    assertThat(report.added()).containsExactly("extra.jsonl");

    Files.delete(path);
    assertThat(store.verify().removed()).containsExactly(file.name());
  }

  private static EvidenceFile sealAB(EvidenceStore store, String a) {
    try (EvidenceWriter w = store.create("x", Source.okta("https://acme.okta.com", Map.of()))) {
      w.write(LogEvent.parse(a));
      w.write(LogEvent.parse(B));
      return w.seal();
    }
  }

  @Test
  void aFileSealedButNotListedByACrashIsListedWhenTheSameBytesAreSealedAgain() throws Exception {
    EvidenceStore store = EvidenceStore.open(dir, CLOCK);
    EvidenceFile first = sealAB(store, A);
    Manifest.empty().write(store.paths().manifest()); // the crash: moved into evidence/, manifest not written
    EvidenceFile again = sealAB(store, A);
    assertThat(again.name()).isEqualTo(first.name());
    assertThat(again.sha256()).isEqualTo(first.sha256());
    assertThat(store.files()).containsExactly(again);
    assertThat(store.verify().intact()).isTrue();
    try (var staging = Files.list(store.stagingDir())) {
      assertThat(staging).isEmpty();
    }
  }

  @Test
  void anUnlistedFileWithOtherBytesIsNeverOverwritten() throws Exception {
    EvidenceStore store = EvidenceStore.open(dir, CLOCK);
    EvidenceFile first = sealAB(store, A);
    Manifest.empty().write(store.paths().manifest());
    String other = A.replace("\"a\"", "\"c\"");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> sealAB(store, other))
        .isInstanceOf(EvidenceException.class).hasMessageContaining("refusing to overwrite");
    assertThat(EvidenceStore.sha256(store.pathOf(first))).isEqualTo(first.sha256());
    try (var staging = Files.list(store.stagingDir())) {
      assertThat(staging).isEmpty(); // the refused file is not left behind either
    }
  }

  @Test
  void rawWritesAreByteExactAndRecordTheEarliestAndLatestPublishedAsWritten() throws Exception {
    EvidenceStore store = EvidenceStore.open(dir, CLOCK);
    String none = "{\"uuid\":\"n\"}";
    EvidenceFile file;
    try (EvidenceWriter w = store.create("raw", Source.okta("https://acme.okta.com", Map.of()))) {
      w.write(B.getBytes(StandardCharsets.UTF_8), LogEvent.parse(B).published());
      w.write(none.getBytes(StandardCharsets.UTF_8), null);
      w.write(LogEvent.parse(A)); // the parsed and the raw form mix
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.write("{\n}".getBytes(StandardCharsets.UTF_8), null))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
      file = w.seal();
    }
    assertThat(Files.readString(store.pathOf(file))).isEqualTo(B + "\n" + none + "\n" + A + "\n");
    assertThat(file.events()).isEqualTo(3);
    assertThat(file.firstPublished()).isEqualTo("2024-01-01T00:00:00.000Z");
    assertThat(file.lastPublished()).isEqualTo("2024-01-02T00:00:00.000Z");
  }
}
