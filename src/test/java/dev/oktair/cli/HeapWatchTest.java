package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The heap warning fires on a full heap that the collector works on most of the time, once, and not otherwise. */
class HeapWatchTest {
  private static final long MB = 1 << 20;

  @Test
  void warnsOnceWhenTheHeapStaysFullAndCollectingTakesMostOfTheTime() {
    HeapWatch w = new HeapWatch();
    assertThat(feed(w, 0, 0, 500)).isFalse();
    // 10 s later, 6 s of them collecting, 500 of 512 MB still in use after the collections
    boolean warned = false;
    for (int s = 1; s <= 10; s++) {
      warned |= feed(w, s * 1000, s * 600, 500);
    }
    assertThat(warned).isTrue();
    assertThat(feed(w, 11_000, 6_600, 500)).as("only once").isFalse();
  }

  @Test
  void aBusyCollectorWithRoomLeftOrAFullHeapCollectedRarelyIsNoReason() {
    HeapWatch busyWithRoom = new HeapWatch();
    HeapWatch fullButIdle = new HeapWatch();
    boolean any = false;
    for (int s = 0; s <= 30; s++) {
      any |= feed(busyWithRoom, s * 1000, s * 950, 200); // young collections of a heap with room
      any |= feed(fullButIdle, s * 1000, s * 300, 500); // a large case held, running at full speed
    }
    assertThat(any).isFalse();
  }

  @Test
  void itJudgesOnlyOverAWholeWindow() {
    HeapWatch w = new HeapWatch();
    assertThat(feed(w, 0, 0, 500)).isFalse();
    assertThat(feed(w, 2000, 2000, 500)).as("two seconds of collecting are not yet a pattern").isFalse();
  }

  @Test
  void theMessageSaysHowToGiveItMore() {
    assertThat(HeapWatch.message(512 * MB)).contains("512 MB").contains("OKTA_IR_OPTS=-Xmx4g");
  }

  private static boolean feed(HeapWatch w, long at, long gc, long usedMb) {
    return w.feed(at, gc, usedMb * MB, 512 * MB);
  }
}
