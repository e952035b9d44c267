package dev.oktair.evidence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DedupIndexTest {
  @Test
  void classifiesNewDuplicateAndCollisionAcrossGrowth() {
    DedupIndex index = new DedupIndex();
    for (int i = 0; i < 50_000; i++) {
      assertThat(index.add("u" + i, ("{\"uuid\":\"u" + i + "\"}").getBytes(UTF_8))).isEqualTo(DedupIndex.Verdict.NEW);
    }
    for (int i = 0; i < 50_000; i += 997) {
      assertThat(index.add("u" + i, ("{\"uuid\":\"u" + i + "\"}").getBytes(UTF_8))).isEqualTo(DedupIndex.Verdict.DUPLICATE);
      assertThat(index.add("u" + i, ("{\"uuid\":\"u" + i + "\",\"x\":1}").getBytes(UTF_8)))
          .isEqualTo(DedupIndex.Verdict.COLLISION);
      // Both variants are now remembered.
      assertThat(index.add("u" + i, ("{\"uuid\":\"u" + i + "\",\"x\":1}").getBytes(UTF_8)))
          .isEqualTo(DedupIndex.Verdict.DUPLICATE);
    }
  }

  /** Events without a uuid are told apart by their bytes alone, and many of them stay quick to index. */
  @Test
  void eventsWithoutAUuidShareTheEmptyOne() {
    DedupIndex index = new DedupIndex();
    assertThat(index.add(null, "{\"n\":0}".getBytes(UTF_8))).isEqualTo(DedupIndex.Verdict.NEW);
    long began = System.nanoTime();
    for (int i = 1; i < 200_000; i++) {
      assertThat(index.add(i % 2 == 0 ? null : "", ("{\"n\":" + i + "}").getBytes(UTF_8)))
          .isEqualTo(DedupIndex.Verdict.COLLISION);
    }
    assertThat(System.nanoTime() - began).as("no quadratic probe chain").isLessThan(5_000_000_000L);
    assertThat(index.add("", "{\"n\":7}".getBytes(UTF_8))).isEqualTo(DedupIndex.Verdict.DUPLICATE);
    assertThat(index.add(null, "{\"n\":0}".getBytes(UTF_8))).isEqualTo(DedupIndex.Verdict.DUPLICATE);
    assertThat(index.add("u1", "{\"n\":0}".getBytes(UTF_8))).isEqualTo(DedupIndex.Verdict.NEW);
  }

  @Test
  void baseNameDropsCompressionAndJsonExtensions() {
    assertThat(EvidenceImport.baseName(Path.of("/x/export.json.gz"))).isEqualTo("export");
    assertThat(EvidenceImport.baseName(Path.of("logs.JSONL"))).isEqualTo("logs");
    assertThat(EvidenceImport.baseName(Path.of("page-2.ndjson.gzip"))).isEqualTo("page-2");
    assertThat(EvidenceImport.baseName(Path.of("siem.csv"))).isEqualTo("siem"); // CSV is read too
    assertThat(EvidenceImport.baseName(Path.of("notes.txt"))).isEqualTo("notes.txt");
  }
}
