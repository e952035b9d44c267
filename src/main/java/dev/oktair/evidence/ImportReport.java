package dev.oktair.evidence;

import java.nio.file.Path;
import java.util.List;

/**
 * What one import did, over all its input files.
 *
 * @param sealed the evidence files written, one per readable input file, in input order
 * @param events events written to evidence
 * @param duplicates exact duplicates (same uuid, same bytes) seen again and not written twice
 * @param rejected lines rejected and quarantined
 * @param blank blank lines skipped
 * @param uuidCollisions events whose uuid was seen before with different bytes (kept)
 * @param missingUuid events without a uuid (kept)
 * @param missingPublished events without a usable {@code published} time (kept)
 * @param compacted pretty-printed array elements compacted onto one line
 * @param unreadable input files that could not be read, or not to their end
 * @param quarantineFiles the quarantine files written, in input order
 * @param alreadyImported for each input whose SHA-256 the manifest already records, the
 *     evidence file it was sealed as; such inputs are not sealed again
 */
public record ImportReport(
    List<EvidenceFile> sealed, long events, long duplicates, long rejected, long blank, long uuidCollisions,
    long missingUuid, long missingPublished, long compacted, int unreadable, List<Path> quarantineFiles,
    List<String> alreadyImported) {
  public ImportReport {
    sealed = List.copyOf(sealed);
    alreadyImported = List.copyOf(alreadyImported);
    quarantineFiles = List.copyOf(quarantineFiles);
  }

  /** Returns true when every line of every input file was taken (duplicates and blanks included). */
  public boolean clean() {
    return rejected == 0 && unreadable == 0;
  }
}
