package dev.oktair.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import's block copies: inputs large enough to be read on several threads are sealed byte for
 * byte, and the sealed file's recorded SHA-256 is its own whether it is a copy of the input (the
 * input's hash reused) or not (duplicates, rejects, CRLF, a missing last LF, a BOM: read back).
 */
class EvidenceImportTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private static String event(int i) {
    String uuid = String.format("%08x-0000-4000-8000-%012x", i, i); // canonical, as Okta's are
    return "{\"uuid\":\"" + uuid + "\",\"published\":\"2024-06-14T09:00:" + String.format("%02d", i % 60)
        + ".000Z\",\"eventType\":\"user.session.start\",\"displayMessage\":\"" + "x".repeat(300) + "\"}";
  }

  /** Writes {@code lines} events (4 MB or so: several blocks) with {@code odd} spliced in at line 5000 and at the end. */
  private Path input(String name, String separator, String odd, boolean lastLf, boolean bom) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (bom) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    int lines = 10_000;
    for (int i = 0; i < lines; i++) {
      String line = i == 5000 && odd != null ? odd : event(i);
      out.write(line.getBytes(StandardCharsets.UTF_8));
      if (i < lines - 1 || lastLf) {
        out.write(separator.getBytes(StandardCharsets.UTF_8));
      }
    }
    Path file = dir.resolve(name);
    Files.write(file, out.toByteArray());
    return file;
  }

  private EvidenceFile importOne(Path file) {
    EvidenceStore store = EvidenceStore.open(dir.resolve("case-" + file.getFileName()), CLOCK);
    ImportReport report = EvidenceImport.into(store).run(List.of(file), new ImportListener() {});
    assertThat(report.sealed()).hasSize(1);
    EvidenceFile sealed = report.sealed().get(0);
    Path path = store.pathOf(sealed);
    assertThat(sealed.sha256()).isEqualTo(EvidenceStore.sha256(path));
    assertThat(sealed.bytes()).isEqualTo(sizeOf(path));
    return sealed;
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aCleanInputIsSealedAsAByteCopyWithTheInputsHash() throws Exception {
    Path file = input("clean.jsonl", "\n", null, true, false);
    EvidenceFile sealed = importOne(file);
    assertThat(sealed.sha256()).isEqualTo(EvidenceStore.sha256(file)).isEqualTo(sealed.source().sha256());
    assertThat(sealed.events()).isEqualTo(10_000);
    assertThat(sealed.firstPublished()).isEqualTo("2024-06-14T09:00:00.000Z");
    assertThat(sealed.lastPublished()).isEqualTo("2024-06-14T09:00:59.000Z");
  }

  @Test
  void anInputThatIsNotCopiedWholeGetsTheHashOfWhatWasSealed() throws Exception {
    Path dup = input("dup.jsonl", "\n", event(10), true, false);
    assertThat(importOne(dup).events()).isEqualTo(9_999);
    Path reject = input("reject.jsonl", "\n", "{\"not\":\"an event\"}", true, false);
    assertThat(importOne(reject).events()).isEqualTo(9_999);
    Path blank = input("blank.jsonl", "\n", "", true, false);
    assertThat(importOne(blank).events()).isEqualTo(9_999);
    EvidenceFile crlf = importOne(input("crlf.jsonl", "\r\n", null, true, false));
    assertThat(crlf.events()).isEqualTo(10_000);
    EvidenceFile noLastLf = importOne(input("nolf.jsonl", "\n", null, false, false));
    assertThat(noLastLf.events()).isEqualTo(10_000);
    Path bom = input("bom.jsonl", "\n", null, true, true);
    EvidenceFile withBom = importOne(bom);
    assertThat(withBom.sha256()).isNotEqualTo(EvidenceStore.sha256(bom));
    assertThat(withBom.bytes()).isEqualTo(Files.size(bom) - 3);
  }

  @Test
  void anImportRecordsWhatItSealedAsVerifiedAndAChangeAfterItIsStillCaught() throws Exception {
    Path file = input("verified.jsonl", "\n", null, true, false);
    Path caseDir = dir.resolve("case-verified");
    EvidenceStore store = EvidenceStore.open(caseDir, CLOCK);
    EvidenceFile sealed = EvidenceImport.into(store).run(List.of(file), new ImportListener() {}).sealed().get(0);
    Path path = store.pathOf(sealed);
    // The first read after the import may trust the file without hashing it again.
    assertThat(Files.readString(caseDir.resolve(VerifiedStats.FILE)))
        .isEqualTo(VerifiedStats.stat(sealed, path) + "\n");
    assertThat(VerifiedStats.of(caseDir, Clock.systemUTC()).vouchesFor(VerifiedStats.stat(sealed, path))).isTrue();

    Thread.sleep(50); // past the file system clock's tick, as a change after the import is
    java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(path);
    path.toFile().setWritable(true);
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(path.toFile(), "rw")) {
      f.seek(11); // a digit of the first uuid: still an event, other bytes
      f.write('9');
    }
    Files.setLastModifiedTime(path, before);
    List<Path> unreadable = new java.util.ArrayList<>();
    store.readDistinct(dev.oktair.events.EventSelector.of(e -> true), new EvidenceStore.Reading() {
      @Override
      public boolean event(dev.oktair.events.LogEvent event) {
        return true;
      }

      @Override
      public void rejected(dev.oktair.events.RejectedLine line) {}

      @Override
      public void unreadable(Path f, String why) {
        unreadable.add(f);
      }
    });
    assertThat(unreadable).containsExactly(path);
  }

  @Test
  void repeatsAcrossAnImportsFilesAreDroppedEvenWhenTheirFirstFileWasOneImportedBefore() throws Exception {
    Path first = input("first.jsonl", "\n", null, true, false);
    EvidenceStore store = EvidenceStore.open(dir.resolve("case-repeats"), CLOCK);
    EvidenceImport.into(store).run(List.of(first), new ImportListener() {});
    // Events 0-99 again, as a file of their own and at the head of another with 50 new ones.
    StringBuilder head = new StringBuilder();
    StringBuilder mixed = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      head.append(event(i)).append('\n');
      mixed.append(event(i)).append('\n');
    }
    for (int i = 0; i < 50; i++) {
      mixed.append(event(20_000 + i)).append('\n');
    }
    Path again = dir.resolve("again.jsonl");
    Files.copy(first, again);
    Path heads = Files.writeString(dir.resolve("heads.jsonl"), head);
    Path mix = Files.writeString(dir.resolve("mixed.jsonl"), mixed);

    ImportReport report = EvidenceImport.into(store).run(List.of(again, heads, mix), new ImportListener() {});
    assertThat(report.alreadyImported()).hasSize(1);
    assertThat(report.sealed()).hasSize(2);
    assertThat(report.duplicates()).isEqualTo(200);
    assertThat(report.sealed().get(0).events()).isZero();
    assertThat(report.sealed().get(1).events()).isEqualTo(50);
    assertThat(Files.readString(store.pathOf(report.sealed().get(1)))).isEqualTo(mixed.substring(head.length()));
  }

  @Test
  void aUuidRepeatedWithinOneBlockIsToldApartBeforeTheBlockIsWritten() throws Exception {
    String changed = event(1).replace("xxx", "xxy");
    String lines = event(1) + "\n" + event(2) + "\n" + event(1) + "\n" + changed + "\n" + event(2) + "\n";
    Path file = Files.writeString(dir.resolve("repeats.jsonl"), lines);
    EvidenceStore store = EvidenceStore.open(dir.resolve("case-within"), CLOCK);
    ImportReport report = EvidenceImport.into(store).run(List.of(file), new ImportListener() {});
    assertThat(report.duplicates()).isEqualTo(2);
    assertThat(report.uuidCollisions()).isEqualTo(1);
    assertThat(Files.readString(store.pathOf(report.sealed().get(0))))
        .isEqualTo(event(1) + "\n" + event(2) + "\n" + changed + "\n");
  }
}
