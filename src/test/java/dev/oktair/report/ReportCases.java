package dev.oktair.report;

import dev.oktair.events.LogEvent;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.evidence.EvidenceWriter;
import dev.oktair.evidence.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Builds report test cases from src/test/resources/report/case: sealed evidence plus the later steps' files. */
final class ReportCases {
  static final Instant NOW = Instant.parse("2024-06-14T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Path FIXTURE = Path.of("src/test/resources/report/case");
  static final List<String> LATER_STEPS = List.of("case.json", "findings.json", "plan.json", "journal.jsonl");

  private ReportCases() {}

  /** Returns a case in {@code dir} holding the fixture's evidence and every later step's file. */
  static Path full(Path dir) {
    Path caseDir = evidenceOnly(dir);
    for (String name : LATER_STEPS) {
      copy(FIXTURE.resolve(name), caseDir.resolve(name));
    }
    return caseDir;
  }

  /** Returns a case in {@code dir} holding only the fixture's evidence. */
  static Path evidenceOnly(Path dir) {
    Path caseDir = dir.resolve("case-2024-06-14-alex");
    seal(caseDir, readLines(FIXTURE.resolve("events.jsonl")));
    return caseDir;
  }

  /** Seals raw JSON lines as one evidence file of the case. */
  static void seal(Path caseDir, List<String> lines) {
    EvidenceStore store = EvidenceStore.open(caseDir, CLOCK);
    try (EvidenceWriter w = store.create("events", Source.imported("events.jsonl"))) {
      lines.forEach(l -> w.write(LogEvent.parse(l)));
      w.seal();
    }
  }

  static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void copy(Path from, Path to) {
    try {
      Files.copy(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
