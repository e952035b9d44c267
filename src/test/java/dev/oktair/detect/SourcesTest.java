package dev.oktair.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pass's table of client IPs: each address one number, whatever its spelling; IPv4 kept as
 * bits must give back exactly the text the events had, and other text must stay apart from it.
 */
class SourcesTest {
  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "1.2.3.4", "10.0.0.1", "192.168.100.200", "255.255.255.255", "100.64.0.9"})
  void dottedIpv4IsKeptAsBitsAndPrintsAsGiven(String ip) {
    assertThat(Sources.v4(ip)).isNotNegative();
    Sources table = new Sources();
    int n = table.of(ip);
    assertThat(table.ip(n)).isEqualTo(ip);
    assertThat(table.find(ip)).isEqualTo(n);
  }

  @ParameterizedTest
  @ValueSource(strings = {"01.2.3.4", "1.2.3.04", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.4 ", " 1.2.3.4", "1..2.3",
      "1.2.3.", ".1.2.3", "2001:db8::1", "::ffff:1.2.3.4", "unknown", "1.2.3.a", "1234.1.1.1"})
  void otherTextIsKeptAsText(String ip) {
    assertThat(Sources.v4(ip)).isEqualTo(-1);
    Sources table = new Sources();
    int n = table.of(ip);
    assertThat(table.ip(n)).isEqualTo(ip);
    assertThat(table.find(ip)).isEqualTo(n);
  }

  @Test
  void aSpellingThatIsNotCanonicalIsAnotherSource() {
    Sources table = new Sources();
    int plain = table.of("1.2.3.4");
    int padded = table.of("01.2.3.4");
    assertThat(plain).isNotEqualTo(padded);
    assertThat(table.of("1.2.3.4")).isEqualTo(plain);
  }

  @Test
  void manyAddressesKeepTheirNumbersAcrossGrowth() {
    Sources table = new Sources();
    int count = 300_000;
    for (int i = 0; i < count; i++) {
      assertThat(table.of(address(i))).isEqualTo(i);
    }
    for (int i = 0; i < count; i++) {
      assertThat(table.find(address(i))).isEqualTo(i);
      assertThat(table.ip(i)).isEqualTo(address(i));
    }
    assertThat(table.find("9.9.9.9")).isEqualTo(Sources.NONE);
    assertThat(table.find("2001:db8::9")).isEqualTo(Sources.NONE);
    assertThat(table.size()).isEqualTo(count);
  }

  @Test
  void eachUserHasTheirOwnSpanAtASource() {
    Sources table = new Sources();
    int src = table.of("198.51.100.7");
    assertThat(table.claim(src, 0)).isTrue();
    assertThat(table.claim(src, 0)).isFalse();
    assertThat(table.claim(src, 1)).isTrue();
    assertThat(table.claim(src, 1)).isFalse();
    assertThat(table.first(src, 0)).isTrue();
    assertThat(table.first(src, 1)).isFalse();
    Instant t = Instant.parse("2026-11-28T10:00:00.123Z");
    table.addTime(src, t.plusSeconds(60));
    table.addTime(src, t);
    table.addTime(src, t.plusSeconds(30));
    table.otherSpan(src, 1).add(t.plusSeconds(5));
    assertThat(table.span(src, 0).first()).isEqualTo(t);
    assertThat(table.span(src, 0).last()).isEqualTo(t.plusSeconds(60));
    assertThat(table.span(src, 1).first()).isEqualTo(t.plusSeconds(5));
    assertThat(table.span(src, 1).last()).isEqualTo(t.plusSeconds(5));
    assertThat(table.span(src, 2).first()).as("a user never seen there").isNull();
  }

  @Test
  void theFirstAsNumberStaysAndFlagsStick() {
    Sources table = new Sources();
    int src = table.of("203.0.113.9");
    assertThat(table.asn(src)).isNull();
    table.asnUnlessKnown(src, null);
    table.asnUnlessKnown(src, 64500L);
    table.asnUnlessKnown(src, 64501L);
    assertThat(table.asn(src)).isEqualTo(64500L);
    assertThat(table.flagged(src)).isFalse();
    table.flag(src);
    assertThat(table.flagged(src)).isTrue();
    assertThat(table.flagged(table.of("203.0.113.10"))).isFalse();
  }

  @Test
  void eachSessionIsRecordedOncePerSourceWhateverTheOrder() {
    Sources table = new Sources();
    int a = table.of("198.51.100.1");
    int b = table.of("198.51.100.2");
    int c = table.of("2001:db8::3");
    assertThat(table.join(a, 0)).isTrue();
    assertThat(table.join(a, 0)).isFalse();
    assertThat(table.join(a, 1)).isTrue();
    assertThat(table.join(a, 1)).isFalse();
    assertThat(table.join(b, 1)).isTrue();
    assertThat(table.join(c, 2)).isTrue();
    assertThat(table.join(c, 0)).isTrue();
    assertThat(table.join(c, 2)).isFalse();
    java.util.Set<String> pairs = new java.util.TreeSet<>();
    java.util.List<String> all = new java.util.ArrayList<>();
    table.memberships((src, session) -> {
      pairs.add(table.ip(src) + " " + session);
      all.add(table.ip(src) + " " + session);
    });
    assertThat(all).hasSameSizeAs(pairs);
    assertThat(pairs).containsExactly("198.51.100.1 0", "198.51.100.1 1", "198.51.100.2 1", "2001:db8::3 0", "2001:db8::3 2");
  }

  private static String address(int i) {
    return (i % 7 == 0 ? "2001:db8::" + Integer.toHexString(i) : "10." + (i >>> 16) + "." + (i >>> 8 & 255) + "." + (i & 255));
  }
}
