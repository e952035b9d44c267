package dev.oktair.collect;

import dev.oktair.evidence.EvidenceFile;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a collection produced.
 *
 * @param events events in the sealed evidence file (after removing duplicates)
 * @param pages pages fetched (in this run and the runs it resumed)
 * @param slices time slices
 * @param seconds how long this run took
 * @param evidence the sealed evidence file's manifest entry
 * @param resumed true when this run continued an interrupted one
 * @param rejected events the server sent that are not evidence (quarantined, not sealed)
 * @param quarantine the quarantine file holding them, or null when there are none
 */
public record CollectResult(
    long events, long pages, int slices, double seconds, EvidenceFile evidence, boolean resumed, long rejected,
    Path quarantine) {
  public CollectResult {
    Objects.requireNonNull(evidence, "evidence");
    if (rejected < 0 || (rejected > 0) != (quarantine != null)) {
      throw new IllegalArgumentException("rejected events and their quarantine go together");
    }
  }

  /** Returns the result of a collection that rejected nothing. */
  public CollectResult(long events, long pages, int slices, double seconds, EvidenceFile evidence, boolean resumed) {
    this(events, pages, slices, seconds, evidence, resumed, 0, null);
  }
}
