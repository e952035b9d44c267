package dev.oktair.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events parsed on worker threads reach the pass in the order the case gave them, failures included. */
class PreparedInOrderTest {
  private static String event(int i) {
    return "{\"uuid\":\"u-" + i + "\",\"published\":\"2026-11-28T00:00:00." + String.format("%03d", i % 1000)
        + "Z\",\"eventType\":\"user.session.start\",\"outcome\":{\"result\":\"SUCCESS\"}}";
  }

  @Test
  void viewsComeInTheOrderTheEventsWereAdded() {
    List<String> cited = new ArrayList<>();
    List<Boolean> collided = new ArrayList<>();
    // several batches per worker, and a part batch at the end
    int n = 256 * 4 * 3 + 17;
    try (PreparedInOrder in = new PreparedInOrder(3, s -> {
      cited.add(s.citation().uuid());
      collided.add(s.citation().uuid().startsWith("sha256:"));
    })) {
      for (int i = 0; i < n; i++) {
        in.add(event(i), i % 100 == 7);
      }
      in.finish();
    }
    assertThat(cited).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(collided.get(i)).as("event %d cited by its bytes when its uuid is shared", i).isEqualTo(i % 100 == 7);
      if (i % 100 != 7) {
        assertThat(cited.get(i)).isEqualTo("u-" + i);
      }
    }
  }

  @Test
  void anEventThatDoesNotParseStopsThePassWithItsError() {
    List<String> cited = new ArrayList<>();
    assertThatThrownBy(() -> {
      try (PreparedInOrder in = new PreparedInOrder(2, s -> cited.add(s.citation().uuid()))) {
        for (int i = 0; i < 600; i++) {
          in.add(i == 300 ? "{\"uuid\": truncated" : event(i), false);
        }
        in.finish();
      }
    }).isInstanceOf(RuntimeException.class);
    // nothing after the bad event reached the pass
    assertThat(cited).hasSizeLessThanOrEqualTo(300).allMatch(u -> Integer.parseInt(u.substring(2)) < 300);
  }
}
