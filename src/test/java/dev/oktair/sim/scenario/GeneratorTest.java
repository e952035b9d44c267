package dev.oktair.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oktair.events.LogEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The benchmark generator writes valid, complete, ordered, deterministic System Log JSONL. */
class GeneratorTest {
  private static final Instant ANCHOR = Instant.parse("2025-06-14T15:27:31Z");
  private static final int COUNT = 10_000;
  private static byte[] bytes;
  private static List<LogEvent> events;

  @BeforeAll
  static void generate() {
    bytes = generate(COUNT, 7);
    events = new ArrayList<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      events.add(LogEvent.parse(line));
    }
  }

  private static byte[] generate(long count, long seed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Scenarios.generate(count, seed, ANCHOR, out);
    return out.toByteArray();
  }

  @Test
  void writesExactlyTheRequestedNumberOfLinesEachAJsonObject() {
    assertThat(events).hasSize(COUNT);
    assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '\n');
    assertThat(generate(0, 7)).isEmpty();
    assertThatThrownBy(() -> generate(-1, 7)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyLineHasEveryTopLevelKeyWithTheTypesOktaSends() {
    for (LogEvent e : events) {
      JsonNode j = e.json();
      Set<String> keys = new HashSet<>();
      j.propertyNames().forEach(keys::add);
      assertThat(keys).as(e.eventType()).isEqualTo(ScenarioFixture.TOP_LEVEL_KEYS);
      assertThat(j.get("actor").isObject()).isTrue();
      assertThat(j.get("client").isObject() || j.get("client").isNull()).isTrue();
      assertThat(j.get("device").isObject() || j.get("device").isNull()).isTrue();
      assertThat(j.get("authenticationContext").isObject()).isTrue();
      assertThat(j.get("authenticationContext").get("authenticationStep").isInt()).isTrue();
      assertThat(j.get("displayMessage").isString()).isTrue();
      assertThat(j.get("eventType").isString()).isTrue();
      assertThat(j.get("outcome").get("result").isString()).isTrue();
      assertThat(j.get("published").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      assertThat(j.get("securityContext").get("asNumber").isNumber()).isTrue();
      assertThat(j.get("securityContext").get("isProxy").isBoolean()).isTrue();
      assertThat(j.get("severity").asString()).isIn("INFO", "WARN");
      assertThat(j.get("debugContext").get("debugData").isObject()).isTrue();
      j.get("debugContext").get("debugData").forEach(v -> assertThat(v.isString()).isTrue());
      assertThat(j.get("legacyEventType").isString() || j.get("legacyEventType").isNull()).isTrue();
      assertThat(j.get("transaction").get("id").asString()).isEqualTo(e.debugData("requestId"));
      assertThat(j.get("uuid").asString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(j.get("version").asString()).isEqualTo("0");
      assertThat(j.get("request").get("ipChain").isArray()).isTrue();
      assertThat(j.get("target").isArray() || j.get("target").isNull()).isTrue();
    }
  }

  @Test
  void eventsAreOrderedSpreadOverNinetyDaysAndUnique() {
    Instant from = ANCHOR.minus(Duration.ofDays(90));
    Set<String> uuids = new HashSet<>();
    String previous = "";
    for (LogEvent e : events) {
      assertThat(e.published()).isAfterOrEqualTo(from.minus(Duration.ofHours(1))).isBefore(ANCHOR);
      assertThat(e.publishedText()).isGreaterThanOrEqualTo(previous);
      previous = e.publishedText();
      assertThat(uuids.add(e.uuid())).isTrue();
    }
    assertThat(events.get(0).published()).isBefore(from.plus(Duration.ofDays(2)));
    assertThat(events.get(COUNT - 1).published()).isAfter(ANCHOR.minus(Duration.ofDays(2)));
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes() {
    assertThat(generate(COUNT, 7)).isEqualTo(bytes);
    assertThat(generate(COUNT, 8)).isNotEqualTo(bytes);
  }

  @Test
  void mixFollowsTheScenarioAndAttackSequencesAreSprinkledIn() {
    Map<String, Integer> mix = new TreeMap<>();
    events.forEach(e -> mix.merge(e.eventType(), 1, Integer::sum));
    assertThat(mix).containsKeys("policy.evaluate_sign_on", "user.authentication.sso", "user.session.start",
        "user.authentication.auth_via_mfa", "user.authentication.verify", "app.oauth2.authorize.code",
        "app.oauth2.as.token.grant.access_token", "user.session.end", "security.threat.detected",
        "system.api_token.create", "app.oauth2.as.consent.grant");
    assertThat(mix.get("user.authentication.sso")).isGreaterThan(COUNT / 5);
    List<LogEvent> proxied = events.stream().filter(e -> Boolean.TRUE.equals(e.security().isProxy())).toList();
    assertThat(proxied).isNotEmpty().allSatisfy(e -> assertThat(e.debugData("threatSuspected")).isEqualTo("true"));
    Set<String> users = new HashSet<>();
    events.forEach(e -> users.add(e.actor().id()));
    assertThat(users).hasSizeGreaterThanOrEqualTo(50);
  }

  @Test
  void generatedEventsCoverEveryFieldPathOfTheRealSamplesPerEventType() throws Exception {
    String shared = System.getProperty("okta-ir.shared");
    assumeTrue(shared != null && Files.isDirectory(Path.of(shared)), "../shared is not here");
    List<LogEvent> samples = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(shared, "data", "okta-sample-events.jsonl"))) {
      samples.add(LogEvent.parse(line));
    }
    Map<String, Set<String>> real = ShapeTest.pathsByType(samples);
    Map<String, Set<String>> ours = ShapeTest.pathsByType(events);
    Map<String, Set<String>> missing = new TreeMap<>();
    for (String type : ours.keySet()) {
      if (real.containsKey(type)) {
        Set<String> gap = new TreeSet<>(real.get(type));
        gap.removeAll(ours.get(type));
        gap.removeIf(ShapeTest::noise);
        if (!gap.isEmpty()) {
          missing.put(type, gap);
        }
      }
    }
    assertThat(missing).isEmpty();
  }
}
