package dev.oktair.contain;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where containment reads and writes in a case directory: the one place these names are spelled,
 * so the case owner can take them over.
 *
 * @param dir the case directory
 */
public record CaseFiles(Path dir) {
  public CaseFiles {
    Objects.requireNonNull(dir, "dir");
  }

  /** Returns findings.json (written by investigate / detect). */
  public Path findings() {
    return dir.resolve("findings.json");
  }

  /** Returns plan.json, the plan written for review. */
  public Path plan() {
    return dir.resolve("plan.json");
  }

  /** Returns journal.jsonl, the append-only record of every call. */
  public Path journal() {
    return dir.resolve("journal.jsonl");
  }
}
