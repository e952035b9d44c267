package dev.oktair.investigate;

import dev.oktair.cases.CasePaths;
import dev.oktair.detect.FindingsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where investigate keeps what it writes in a case: findings.json (the findings, and the window
 * they were judged in) at the path the case owner gives. The command stores the same window in
 * case.json for the later steps.
 */
public final class CaseFiles {
  private final Path caseDir;

  /** Returns the files of the case at {@code caseDir}. */
  public CaseFiles(Path caseDir) {
    this.caseDir = caseDir;
  }

  /** Returns the path of findings.json. */
  public Path findings() {
    return CasePaths.of(caseDir).findings();
  }

  /** Returns the stored findings and window, if investigate ran before. */
  public Optional<FindingsFile.Contents> read() {
    return Files.exists(findings()) ? Optional.of(FindingsFile.read(findings())) : Optional.empty();
  }

  /** Stores the findings and window. */
  public void write(FindingsFile.Contents contents) {
    FindingsFile.write(findings(), contents);
  }
}
