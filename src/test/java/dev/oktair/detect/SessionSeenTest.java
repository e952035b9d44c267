package dev.oktair.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A session lists each address it was used from once, in first-use order, however many sessions share one. */
class SessionSeenTest {
  @Test
  void eachAddressOncePerSessionInFirstUseOrder() {
    Sources table = new Sources();
    int a = table.of("198.51.100.1");
    int b = table.of("198.51.100.2");
    int c = table.of("2001:db8::3");
    SessionSeen one = new SessionSeen(table, 0, a);
    SessionSeen two = new SessionSeen(table, 1, b);
    SessionSeen three = new SessionSeen(table, 2, c);
    for (SessionSeen s : new SessionSeen[] {one, two, three}) {
      s.add(table, a);
      s.add(table, b);
      s.add(table, c);
      s.add(table, a);
    }
    assertThat(one.sources()).containsExactly(a, b, c);
    assertThat(two.sources()).containsExactly(b, a, c);
    assertThat(three.sources()).containsExactly(c, a, b);
    assertThat(two.first).isEqualTo(b);
    // a session replayed from many new addresses
    SessionSeen replayed = new SessionSeen(table, 3, a);
    for (int i = 0; i < 1000; i++) {
      int fresh = table.of("10." + (i >> 8) + "." + (i & 255) + ".1");
      replayed.add(table, fresh);
      replayed.add(table, fresh);
    }
    assertThat(replayed.sources()).hasSize(1001).doesNotHaveDuplicates();
    assertThat(replayed.any(s -> s == a)).isTrue();
  }
}
