package dev.oktair.collect;

import dev.oktair.evidence.EvidenceFile;
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
 */
public record CollectResult(long events, long pages, int slices, double seconds, EvidenceFile evidence, boolean resumed) {
  public CollectResult {
    Objects.requireNonNull(evidence, "evidence");
  }
}
