package dev.oktair.contain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** journal.jsonl: what a re-run learns from it, including after a torn last line. */
class JournalTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
  @TempDir Path dir;

  private final Plan.Entry suspend = new Plan.Entry("a2", new Action.SuspendUser("00u1", "alex@x"), List.of("F-1"),
      List.of(), null);
  private final Plan.Entry factor = new Plan.Entry("a3", new Action.DeleteFactor("00u1", "opf1", "push"), List.of("F-1"),
      List.of(), null);

  @Test
  void anIntentWithoutOutcomeIsRememberedAsSentNotDone() throws Exception {
    Path file = dir.resolve("journal.jsonl");
    try (Journal j = Journal.open(file, CLOCK)) {
      j.intent(suspend, 1);
      j.outcome("a2", suspend.action(), Journal.Status.DONE, 200, "req1", "HTTP 200");
      j.intent(factor, 1);
    }
    Files.writeString(file, "{\"time\":\"2026-11-28T12:00:00Z\",\"key\":\"torn", StandardOpenOption.APPEND);

    Map<String, Journal.Last> last = Journal.read(file);

    assertThat(last.get(suspend.action().key()).done()).isTrue();
    assertThat(last.get(factor.action().key())).isEqualTo(new Journal.Last(false, CLOCK.instant()));
    assertThat(Files.readAllLines(file).get(1)).contains("\"requestId\":\"req1\"").contains("\"status\":\"done\"");
  }

  @Test
  void anErrorAfterADoneOrAnUndoAreReadAsTheyHappened() throws Exception {
    Path file = dir.resolve("journal.jsonl");
    try (Journal j = Journal.open(file, CLOCK)) {
      j.intent(suspend, 1);
      j.outcome("a2", suspend.action(), Journal.Status.DONE, 200, "req1", "HTTP 200");
      j.outcome("a2", suspend.action(), Journal.Status.UNDONE, 0, null, "reversed");
    }
    assertThat(Journal.read(file).get(suspend.action().key()).done()).isFalse();
    assertThat(Journal.read(dir.resolve("none.jsonl"))).isEmpty();
  }
}
