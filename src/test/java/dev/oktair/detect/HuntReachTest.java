package dev.oktair.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LogEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hunt past addresses and sessions: a rare device id, user agent or ASN the attacker used
 * names the other users it reached; one the tenant's population shares names nobody.
 */
class HuntReachTest {
  private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
      + " Chrome/124.0.0.0 Safari/537.36";
  private static final String RARE_UA = "python-requests/2.31.0";
  private static final long COMCAST = 7922;
  private static final long VPS = 64500;

  private final List<LogEvent> events = new ArrayList<>();
  private int n;

  /** Twenty-five users signing in from home: one ISP, one browser build, each their own device. */
  private void baseline() {
    for (int i = 0; i < 25; i++) {
      signIn("user" + i + "@example.com", "73.61.86." + i, COMCAST, CHROME, "guo" + i, false);
    }
  }

  private void signIn(String login, String ip, long asn, String ua, String device, boolean proxy) {
    n++;
    events.add(LogEvent.parse(String.format(
        "{\"uuid\":\"e%d\",\"published\":\"2026-11-%02dT10:00:00.000Z\",\"eventType\":\"user.session.start\","
            + "\"actor\":{\"id\":\"00u%s\",\"type\":\"User\",\"alternateId\":\"%s\"},"
            + "\"client\":{\"ipAddress\":\"%s\",\"userAgent\":{\"rawUserAgent\":\"%s\"}},"
            + "\"device\":%s,\"securityContext\":{\"asNumber\":%d,\"isProxy\":%s},"
            + "\"authenticationContext\":{\"externalSessionId\":\"idx%d\"},\"outcome\":{\"result\":\"SUCCESS\"}}",
        n, 1 + n / 20, login.hashCode(), login, ip, ua, device == null ? "null" : "{\"id\":\"" + device + "\"}", asn,
        proxy, n)));
  }

  private Set<String> victims() {
    return Detections.run(Detections.builtIn(), events).infra().victims();
  }

  @Test
  void aRareAgentDeviceOrNetworkOfTheAttackerNamesTheUserItReached() {
    baseline();
    signIn("alex@example.com", "198.51.100.7", VPS, RARE_UA, "guoEVIL", true);
    signIn("ua.only@example.com", "203.0.113.5", COMCAST, RARE_UA, "guoUA", false);
    signIn("device.only@example.com", "73.61.86.200", COMCAST, CHROME, "guoEVIL", false);
    signIn("asn.only@example.com", "192.0.2.9", VPS, CHROME, "guoASN", false);
    assertThat(victims()).containsExactly("alex@example.com", "asn.only@example.com", "device.only@example.com",
        "ua.only@example.com");
  }

  @Test
  void anAgentOrNetworkThePopulationSharesNamesNobody() {
    baseline();
    // the attacker with the common browser build, through a residential proxy in the users' own ISP
    signIn("alex@example.com", "198.51.100.8", COMCAST, CHROME, null, true);
    assertThat(victims()).containsExactly("alex@example.com");
  }

  @Test
  void aValueSeveralOtherUsersShareNamesNoneOfThem() {
    baseline();
    signIn("alex@example.com", "198.51.100.7", VPS, RARE_UA, null, true);
    for (int i = 0; i < 3; i++) {
      // a script several service accounts run: more users than a rare value reaches
      signIn("svc" + i + "@example.com", "10.0.0." + i, COMCAST, RARE_UA, null, false);
    }
    assertThat(victims()).containsExactly("alex@example.com");
  }

  @Test
  void withoutAnAttackerSourceNothingIsFollowed() {
    baseline();
    signIn("ua.only@example.com", "203.0.113.5", COMCAST, RARE_UA, "guoUA", false);
    assertThat(victims()).isEmpty();
  }
}
