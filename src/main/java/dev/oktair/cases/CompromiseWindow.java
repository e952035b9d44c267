package dev.oktair.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * When the compromise happened, as far as the case knows: inferred from the evidence, or set by
 * the analyst (a set window is never replaced by an inferred one).
 *
 * @param start the first moment of the compromise (inclusive)
 * @param end its last moment (exclusive), or null while it may still be going on
 * @param source whether okta-ir inferred it or the analyst set it
 */
public record CompromiseWindow(Instant start, Instant end, Source source) {
  /** Where a window came from. */
  public enum Source {
    /** Inferred from the evidence (first suspicious event on). */
    @JsonProperty("inferred")
    INFERRED,
    /** Set by the analyst. */
    @JsonProperty("set")
    SET
  }

  public CompromiseWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(source, "source");
    if (end != null && !start.isBefore(end)) {
      throw new IllegalArgumentException("the window's start " + start + " must be before its end " + end);
    }
  }
}
