package dev.oktair.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oktair.events.Json;
import dev.oktair.evidence.EvidenceImport;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.evidence.ImportListener;
import dev.oktair.evidence.ImportReport;
import dev.oktair.store.CaseDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Where import reads from: the standard input, symbolic links (issue 15 item 9), Okta's own samples. */
class ImportInputsIT {
  static final String A = Runs.event("a", Instant.parse("2026-11-27T09:00:00Z"), "user.session.start", "203.0.113.9", "login");
  static final String B = Runs.event("b", Instant.parse("2026-11-27T10:00:00Z"), "user.session.end", "203.0.113.9", "logout");

  @TempDir Path tmp;

  Path caseDir() {
    return tmp.resolve("case");
  }

  @Test
  void standardInputIsImportedAndARepeatIsRecognised() throws IOException {
    EvidenceStore store = EvidenceStore.open(caseDir(), Runs.CLOCK);
    byte[] body = (A + "\n" + B + "\n").getBytes(UTF_8);
    List<String> already = new ArrayList<>();
    ImportListener listener = new ImportListener() {
      @Override
      public void alreadyImported(String file, String evidence) {
        already.add(file + " " + evidence);
      }
    };

    ImportReport first = EvidenceImport.into(store).withStdin(new ByteArrayInputStream(body))
        .run(List.of(EvidenceImport.STDIN), listener);
    ImportReport second = EvidenceImport.into(store).withStdin(new ByteArrayInputStream(body))
        .run(List.of(EvidenceImport.STDIN), listener);

    assertThat(first.events()).isEqualTo(2);
    assertThat(first.sealed()).singleElement().satisfies(f -> {
      assertThat(f.name()).isEqualTo("0001-stdin.jsonl");
      assertThat(f.source().location()).isEqualTo("stdin");
    });
    assertThat(Files.readAllBytes(store.pathOf(first.sealed().get(0)))).isEqualTo(body);
    assertThat(second.sealed()).isEmpty();
    assertThat(second.events()).isZero();
    assertThat(second.alreadyImported()).containsExactly("0001-stdin.jsonl");
    assertThat(already).containsExactly("- 0001-stdin.jsonl");
    assertThat(store.files()).hasSize(1);
  }

  @Test
  void aSymbolicLinkIsRefusedUnlessFollowingIsAsked() throws IOException {
    Path target = tmp.resolve("real.jsonl");
    Files.writeString(target, A + "\n");
    Path link = tmp.resolve("link.jsonl");
    Files.createSymbolicLink(link, target);

    Runs.Run refused = Runs.run(tmp, "import", "--case", caseDir().toString(), "--json", link.toString());
    assertThat(refused.exit()).isEqualTo(6);
    assertThat(refused.err()).contains("a symbolic link, not followed (pass --follow-symlinks");
    assertThat(Json.MAPPER.readTree(refused.out()).get("events").asInt()).isZero();
    assertThat(caseDir().resolve("quarantine")).doesNotExist();

    Runs.Run followed = Runs.run(tmp, "import", "--case", caseDir().toString(), "--json", "--follow-symlinks",
        link.toString());
    assertThat(followed.exit()).isZero();
    JsonNode source = Json.MAPPER.readTree(caseDir().resolve("evidence/manifest.json").toFile())
        .get("files").get(0).get("source");
    assertThat(source.get("location").asString()).isEqualTo(target.toRealPath().toString());
  }

  @Test
  void aUtf16ExportIsTranscodedAndTheManifestSaysSo() throws IOException {
    Path file = tmp.resolve("powershell.json");
    byte[] bom = {(byte) 0xFF, (byte) 0xFE};
    byte[] text = (A + "\r\n" + B + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    byte[] all = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, all, 0, 2);
    System.arraycopy(text, 0, all, 2, text.length);
    Files.write(file, all);

    Runs.Run r = Runs.run(tmp, "import", "--case", caseDir().toString(), "--json", file.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(caseDir().resolve("evidence/0001-powershell.jsonl"))).isEqualTo(A + "\n" + B + "\n");
    JsonNode source = Json.MAPPER.readTree(caseDir().resolve("evidence/manifest.json").toFile())
        .get("files").get(0).get("source");
    assertThat(source.get("encoding").asString()).isEqualTo("UTF-16LE, transcoded to UTF-8");
  }

  /** Every event of the shared samples imports and loads, those without uuid or published included. */
  @Test
  void everySharedSampleImportsAndLoads() throws IOException {
    String shared = System.getProperty("okta-ir.shared");
    Path dir = shared == null ? null : Path.of(shared, "data");
    assumeTrue(dir != null && Files.isDirectory(dir), "shared samples absent");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".jsonl") || p.toString().endsWith(".json")).sorted().toList();
    }
    assumeTrue(!files.isEmpty(), "shared samples absent");
    long lines = 0;
    for (Path f : files) {
      lines += Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count();
    }
    List<String> args = new ArrayList<>(List.of("import", "--case", caseDir().toString(), "--json"));
    files.forEach(f -> args.add(f.toString()));

    Runs.Run r = Runs.run(tmp, args.toArray(String[]::new));

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode s = Json.MAPPER.readTree(r.out());
    assertThat(s.get("rejected").asLong()).isZero();
    assertThat(s.get("events").asLong() + s.get("duplicates").asLong()).isEqualTo(lines);
    assertThat(s.get("missingUuid").asLong()).isPositive();
    assertThat(CaseDatabase.load(caseDir(), Runs.CLOCK, false).linesAdded()).isEqualTo(s.get("events").asLong());
  }
}
