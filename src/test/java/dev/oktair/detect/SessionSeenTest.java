package dev.oktair.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A session lists each address it was used from once, in first-use order, however many sessions share one. */
class SessionSeenTest {
  @Test
  void eachAddressOncePerSessionInFirstUseOrder() {
    Infra.Source a = new Infra.Source("198.51.100.1");
    Infra.Source b = new Infra.Source("198.51.100.2");
    Infra.Source c = new Infra.Source("198.51.100.3");
    SessionSeen one = new SessionSeen(a);
    SessionSeen two = new SessionSeen(b);
    SessionSeen three = new SessionSeen(c);
    for (SessionSeen s : new SessionSeen[] {one, two, three}) {
      s.add(a);
      s.add(b);
      s.add(c);
      s.add(a);
    }
    assertThat(one.sources()).containsExactly(a, b, c);
    assertThat(two.sources()).containsExactly(b, a, c);
    assertThat(three.sources()).containsExactly(c, a, b);
    assertThat(two.first).isSameAs(b);
    // a session replayed from many new addresses
    SessionSeen replayed = new SessionSeen(a);
    for (int i = 0; i < 1000; i++) {
      Infra.Source fresh = new Infra.Source("203.0.113." + i);
      replayed.add(fresh);
      replayed.add(fresh);
    }
    assertThat(replayed.sources()).hasSize(1001).doesNotHaveDuplicates();
  }
}
