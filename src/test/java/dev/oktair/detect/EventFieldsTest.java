package dev.oktair.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LogEvent;
import dev.oktair.sim.TenantSeed;
import dev.oktair.sim.scenario.Scenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fields a pass reads straight from an event's bytes ({@link RawFields}) must be exactly what
 * the tree gives ({@link EventFields#of(tools.jackson.databind.JsonNode)}) on every event it reads,
 * and it must give up, not guess, on a shape it does not read. Every finding rests on these.
 */
class EventFieldsTest {
  @Test
  void theBytesGiveWhatTheTreeGivesOnBothScenarios() {
    for (String scenario : List.of("contoso-aitm", "fabrikam-helpdesk")) {
      TenantSeed seed = Scenarios.load(scenario, 7, Instant.parse("2026-11-28T12:00:00Z"));
      for (LogEvent event : seed.events()) {
        // as the simulator wrote it (no offsets noted), and as the strict check reads it (offsets noted)
        assertThat(readsAsTree(event)).as(event.rawText()).isTrue();
        assertThat(readsAsTree(LogEvent.read(event.raw()))).as(event.rawText()).isTrue();
      }
    }
  }

  @Test
  void theBytesGiveWhatTheTreeGivesOnTheRealSamples() throws IOException {
    Path file = Path.of(System.getProperty("okta-ir.shared", "../shared"), "data", "okta-sample-events.jsonl");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(file), "shared samples absent");
    int events = 0;
    List<String> gaveUp = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      LogEvent event;
      try {
        event = LogEvent.read(line.getBytes(StandardCharsets.UTF_8));
      } catch (RuntimeException notAnEvent) {
        continue;
      }
      events++;
      if (!readsAsTree(event)) {
        gaveUp.add(line);
      }
    }
    // real events are of the shape read: the bytes, not the tree, serve the pass
    assertThat(events).isGreaterThan(50);
    assertThat(gaveUp.size()).as(String.join("\n", gaveUp)).isLessThan(events / 50);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // escapes and non-ASCII text in values; keys in another order; blanks between tokens
      "{\"eventType\":\"user.session.start\",\"uuid\":\"u1\",\"actor\":{\"alternateId\":\"a\\\"b\\\\c\\u00e9\\ud83d\\ude00\\/\\n\",\"id\":\"x\",\"type\":\"User\"}}",
      "{ \"eventType\" : \"user.session.start\" , \"uuid\" : \"u1\" , \"client\" : { \"ipAddress\" : \"1.2.3.4\" ,"
          + " \"userAgent\" : { \"rawUserAgent\" : \"Zürich é 東京\" } } }",
      // null containers, JSON null and the string "null" are none
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"actor\":null,\"client\":null,\"device\":null,\"target\":null,\"outcome\":{\"result\":\"null\",\"reason\":null}}",
      // plain values where objects were expected hold no field
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"debugContext\":{\"debugData\":\"\"},\"client\":{\"userAgent\":\"ua\",\"geographicalContext\":5,"
          + "\"ipAddress\":\"1.1.1.1\"},\"transaction\":\"x\",\"device\":true,\"securityContext\":false}",
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"client\":\"c\",\"debugContext\":7,\"transaction\":{\"detail\":\"d\"}}",
      // skipped values holding what looks like structure
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"request\":{\"ipChain\":[{\"ip\":\"9.9.9.9\",\"x\":\"}]\\\"{[\"}]},\"displayMessage\":\"{\\\"actor\\\":1}\",\"actor\":{\"id\":\"real\"}}",
      // flags as booleans and as strings; coordinates as numbers, strings and nothing; AS numbers of each kind
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"securityContext\":{\"isProxy\":true,\"asNumber\":13335,\"asOrg\":\"cloudflare\"},"
          + "\"client\":{\"geographicalContext\":{\"city\":\"Paris\",\"country\":\"France\",\"geolocation\":{\"lat\":48.8566,\"lon\":-2.35e0}}}}",
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"securityContext\":{\"isProxy\":\"TRUE\",\"asNumber\":\" 42 \"},"
          + "\"client\":{\"geographicalContext\":{\"geolocation\":{\"lat\":\"12.5\",\"lon\":\"west\"}}}}",
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"securityContext\":{\"isProxy\":false,\"asNumber\":null},"
          + "\"client\":{\"geographicalContext\":{\"geolocation\":{\"lat\":-0,\"lon\":true}}}}",
      // targets: several, with keys the pass does not read, and none
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"target\":[{\"id\":\"1\",\"type\":\"User\",\"alternateId\":\"a@b\",\"detailEntry\":{\"k\":[1,2]},"
          + "\"displayName\":\"A\"},{\"type\":\"AppInstance\",\"id\":\"2\"},{}]}",
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"target\":[]}",
      // debug data and the API token a request was made with
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"debugContext\":{\"other\":{\"a\":1},\"debugData\":{\"threatSuspected\":\"true\",\"risk\":\"{level=HIGH}\","
          + "\"factor\":\"OKTA_VERIFY_PUSH\",\"clientId\":\"c1\",\"scope\":\"okta.users.read\"}},"
          + "\"transaction\":{\"type\":\"WEB\",\"detail\":{\"requestApiTokenId\":\"tok\"}}}",
      // shapes the bytes do not read: the tree decides
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"actor\":[{\"id\":\"x\"}]}",
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"actor\":{\"id\":42}}",
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"securityContext\":{\"asNumber\":1.5}}",
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"securityContext\":{\"asNumber\":123456789012345678901234}}",
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"transaction\":{\"detail\":[{\"requestApiTokenId\":\"tok\"}]}}",
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"target\":{\"id\":\"1\"}}",
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"target\":[\"1\"]}",
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"client\":{\"geographicalContext\":{\"geolocation\":{\"lat\":[1]}}}}",
      "{\"eventType\":\"t\",\"uuid\":\"u\",\"act\\u006fr\":{\"id\":\"x\"}}",
  })
  void anyShapeEitherReadsAsTheTreeDoesOrIsLeftToIt(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    LogEvent written = LogEvent.written(bytes, "u", "2026-01-01T00:00:00Z", Instant.parse("2026-01-01T00:00:00Z"), "t");
    EventFields tree = EventFields.of(LogEvent.parse(bytes).json());
    for (LogEvent event : new LogEvent[] {written, LogEvent.read(bytes)}) {
      EventFields raw = new EventFields();
      if (RawFields.read(event, raw)) {
        assertThat(raw.toString()).isEqualTo(tree.toString());
      }
      // whichever way it went, the view's fields are the tree's
      assertThat(EventFields.of(event).toString()).isEqualTo(tree.toString());
    }
  }

  @Test
  void theShapesOktaWritesAreReadFromTheBytes() {
    String json = "{\"eventType\":\"t\",\"uuid\":\"u\",\"actor\":{\"id\":\"x\",\"alternateId\":\"a\\\"b\"},"
        + "\"securityContext\":{\"isProxy\":true,\"asNumber\":13335},\"target\":[{\"id\":\"1\"}]}";
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    EventFields raw = new EventFields();
    assertThat(RawFields.read(LogEvent.read(bytes), raw)).isTrue();
    assertThat(raw.text(EventFields.ACTOR_LOGIN)).isEqualTo("a\"b");
    assertThat(raw.text(EventFields.PROXY)).isEqualTo("true");
    assertThat(raw.asn()).isEqualTo(13335L);
    assertThat(raw.targetCount()).isEqualTo(1);
    // an actor that is a list is not read from the bytes
    byte[] odd = "{\"eventType\":\"t\",\"uuid\":\"u\",\"actor\":[{\"id\":\"x\"}]}".getBytes(StandardCharsets.UTF_8);
    assertThat(RawFields.read(LogEvent.read(odd), new EventFields())).isFalse();
    // an event parsed with its tree is read from the tree
    assertThat(RawFields.read(LogEvent.parse(bytes), new EventFields())).isFalse();
  }

  /** Whether the bytes of {@code event} were read, and gave exactly the tree's fields (fails when they differ). */
  private static boolean readsAsTree(LogEvent event) {
    EventFields raw = new EventFields();
    if (!RawFields.read(event, raw)) {
      return false;
    }
    assertThat(raw.toString()).as(event.rawText()).isEqualTo(EventFields.of(event.json()).toString());
    return true;
  }
}
