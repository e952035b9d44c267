package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16: progress keeps moving while the collection waits out a 429. */
class WaitingSleeperTest {
  @Test
  void aLongWaitIsShownSecondBySecondAndAShortOneNotAtAll() throws Exception {
    List<Duration> slept = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    WaitingSleeper sleeper = new WaitingSleeper(slept::add, left -> shown.add(WaitingSleeper.text(left)));
    sleeper.sleep(Duration.ofMillis(3500));
    assertThat(shown).containsExactly("waiting 4 s for the rate limit (or a retry after an error)",
        "waiting 3 s for the rate limit (or a retry after an error)",
        "waiting 2 s for the rate limit (or a retry after an error)",
        "waiting 1 s for the rate limit (or a retry after an error)", null);
    assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
        Duration.ofMillis(500));
    shown.clear();
    slept.clear();
    sleeper.sleep(Duration.ofMillis(300));
    assertThat(shown).isEmpty();
    assertThat(slept).containsExactly(Duration.ofMillis(300));
  }

  @Test
  void aLogGetsOneLinePerWait() throws Exception {
    StringWriter err = new StringWriter();
    CollectProgress progress = new CollectProgress(new PrintWriter(err), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), false);
    WaitingSleeper sleeper = new WaitingSleeper(d -> { }, progress::waiting);
    sleeper.sleep(Duration.ofSeconds(42));
    sleeper.sleep(Duration.ofSeconds(5));
    assertThat(err.toString().lines()).containsExactly(
        "[okta-ir] waiting 42 s for the rate limit (or a retry after an error)",
        "[okta-ir] waiting 5 s for the rate limit (or a retry after an error)");
  }
}
