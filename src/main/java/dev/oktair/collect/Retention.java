package dev.oktair.collect;

import java.time.Duration;
import java.time.Instant;

/** Okta's System Log retention: 90 days kept; a {@code since} over 180 days ago is refused by the API. */
final class Retention {
  static final Duration KEPT = Duration.ofDays(90);
  static final Duration REFUSED = Duration.ofDays(180);

  private Retention() {}

  /**
   * Returns a warning when the window reaches past the 90 days Okta keeps (null otherwise).
   *
   * @throws CollectException when {@code since} is over 180 days ago, which Okta rejects
   */
  static String check(Instant since, Instant now) {
    if (since.isBefore(now.minus(REFUSED))) {
      throw new CollectException(
          "the window starts at " + since + ", more than 180 days ago, which Okta refuses (and it keeps only 90"
              + " days): collect the last 90 days and import older events from a SIEM export with"
              + " 'okta-ir import'");
    }
    if (since.isBefore(now.minus(KEPT))) {
      return "the window starts before Okta's 90-day retention (" + now.minus(KEPT) + "): Okta returns nothing"
          + " older, so for that part use a SIEM export with 'okta-ir import'";
    }
    return null;
  }
}
