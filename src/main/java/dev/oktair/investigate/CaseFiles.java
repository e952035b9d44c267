package dev.oktair.investigate;

import dev.oktair.detect.FindingsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where investigate keeps what it writes in a case: for now findings.json holds both the
 * findings and the window. The one class to point at the case's own owner (case.json) when it
 * exists; nothing else here spells a file name.
 */
public final class CaseFiles {
  private final Path caseDir;

  /** Returns the files of the case at {@code caseDir}. */
  public CaseFiles(Path caseDir) {
    this.caseDir = caseDir;
  }

  /** Returns the path of findings.json. */
  public Path findings() {
    return caseDir.resolve("findings.json");
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
