package dev.oktair.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The treeless check import uses: it accepts only what the full path (Jackson's strict reading
 * and the looks-like-an-event rule) accepts, with the same uuid and published, and leaves every
 * doubtful record to that path.
 */
class StreamCheckTest {
  private static final String EVENT = "{\"uuid\":\"u-1\",\"published\":\"2024-06-14T09:00:00.000Z\","
      + "\"eventType\":\"user.session.start\",\"actor\":{\"id\":\"00u1\",\"displayName\":\"Ana \\u00e9\"},"
      + "\"client\":{\"geographicalContext\":{\"geolocation\":{\"lat\":37.7749,\"lon\":-122.39999999999999}},"
      + "\"ipAddress\":\"10.0.0.1\"},\"target\":[{\"id\":\"0oa1\",\"n\":-0,\"e\":1.5E+10,\"t\":true,\"f\":false,"
      + "\"z\":null}],\"request\":{\"ipChain\":[]},\"debugContext\":{\"debugData\":{}}}";

  private static LogEvent check(String s) {
    byte[] b = s.getBytes(UTF_8);
    return StreamCheck.event(b, 0, b.length);
  }

  @Test
  void acceptsAnEventWithItsUuidPublishedAndHashAndNoTree() {
    LogEvent e = check(EVENT);
    assertThat(e).isNotNull();
    assertThat(e.uuid()).isEqualTo("u-1");
    assertThat(e.publishedText()).isEqualTo("2024-06-14T09:00:00.000Z");
    assertThat(e.published()).isEqualTo(Times.parsePublished("2024-06-14T09:00:00.000Z"));
    assertThat(e.sha256()).isEqualTo(Bytes.sha256(EVENT.getBytes(UTF_8), 0, EVENT.length()));
    assertThat(e.actor().displayName()).isEqualTo("Ana \u00e9"); // the tree, built when asked
  }

  @Test
  void leavesTheFieldsToTheTreeWhenTheyAreNotStrings() {
    LogEvent e = check("{\"eventType\":\"x\",\"uuid\":7,\"published\":null}");
    assertThat(e.uuid()).isEqualTo("7");
    assertThat(e.publishedText()).isNull();
    assertThat(check("{\"eventType\":\"x\",\"uuid\":\"null\"}").uuid()).isNull();
  }

  @Test
  void leavesEveryDoubtfulRecordToTheFullPath() {
    String[] doubtful = {
      "{\"eventType\":\"x\",\"uuid\":\"a\",\"uuid\":\"b\"}", // duplicate key
      "{\"eventType\":\"x\",\"a\":{\"k\":1,\"k\":2},\"uuid\":\"u\"}", // nested duplicate
      "{\"eventType\":\"x\",\"\\u0075uid\":\"a\"}", // escaped key
      "{\"eventType\":\"x\",\"uuid\":\"a\\u0062\"}", // escaped uuid
      "{\"eventType\":\"x\\u0020\",\"uuid\":\"a\"}", // escaped eventType
      "{\"eventType\":\"  \",\"uuid\":\"a\"}", // blank eventType
      "{\"eventType\":1,\"uuid\":\"a\"}",
      "{\"eventType\":\"x\"}", // nothing else of an event
      "{\"eventType\":\"x\",\"uuid\":\"a\",\"n\":01}", // leading zero
      "{\"eventType\":\"x\",\"uuid\":\"a\",\"n\":1.}",
      "{\"eventType\":\"x\",\"uuid\":\"a\",\"n\":.5}",
      "{\"eventType\":\"x\",\"uuid\":\"a\",\"n\":+1}",
      "{\"eventType\":\"x\",\"uuid\":\"a\",\"n\":1e}",
      "{\"eventType\":\"x\",\"uuid\":\"a\",\"n\":1e1000}", // an exponent a decimal may not hold
      "{\"eventType\":\"x\",\"uuid\":\"a\",\"n\":-}",
      "{\"eventType\":\"x\",\"uuid\":\"a\",\"s\":\"tab\there\"}", // raw tab in a string
      "{\"eventType\":\"x\",\"uuid\":\"a\",\"s\":\"\\x\"}", // bad escape
      "{\"eventType\":\"x\",\"uuid\":\"a\",\"s\":\"\\u12G4\"}",
      "{\"eventType\":\"x\",\"uuid\":\"a\",}", // trailing comma
      "{\"eventType\":\"x\",\"uuid\":\"a\",\"l\":[1,]}",
      "{\"eventType\":\"x\",\"uuid\":\"a\",\"l\":truex}",
      "{\"eventType\":\"x\",\"uuid\":\"a\",\"l\":nul}",
      "{\"eventType\":\"x\",\"uuid\":\"a\"} {}", // trailing value
      "{\"eventType\":\"x\",\"uuid\":\"a\"}x",
      "{\"eventType\":\"x\",\"uuid\":\"a\"",
      "[{\"eventType\":\"x\",\"uuid\":\"a\"}]",
      "{\"result\":{\"_raw\":\"{}\"}}", // a wrapper
      "{'eventType':\"x\",\"uuid\":\"a\"}",
      "{eventType:\"x\",\"uuid\":\"a\"}",
      "{\"eventType\":\"x\",\"uuid\":\"a\",\"d\":" + "[".repeat(StreamCheck.MAX_DEPTH) + "]".repeat(StreamCheck.MAX_DEPTH)
          + "}",
    };
    for (String s : doubtful) {
      assertThat(check(s)).as(s).isNull();
    }
  }

  /**
   * Random edits of an event near the grammar's edges: whatever the check accepts, the full
   * path accepts as an event too, with the same uuid and published.
   */
  @Test
  void acceptsNothingTheFullPathRefuses() {
    Random r = new Random(20261202);
    byte[] alphabet = "{}[]\":,\\ \t\r0123456789eE+-.tfnulrsa/bu".getBytes(UTF_8);
    byte[] base = EVENT.getBytes(UTF_8);
    int accepted = 0;
    for (int n = 0; n < 40_000; n++) {
      byte[] b = base.clone();
      for (int edits = 1 + r.nextInt(3); edits > 0; edits--) {
        b = edit(b, r, alphabet);
      }
      if (!Utf8.isValid(b, 0, b.length) || JsonText.problem(b, 0, b.length, false) != null) {
        continue;
      }
      LogEvent fast = StreamCheck.event(b, 0, b.length);
      if (fast == null) {
        continue;
      }
      accepted++;
      String text = new String(b, UTF_8);
      JsonNode tree;
      try {
        tree = Json.EVENT_READER.readTree(b);
      } catch (JacksonException e) {
        throw new AssertionError("accepted what Jackson refuses: " + text, e);
      }
      assertThat(tree.isObject() && Envelope.looksLikeEvent(tree)).as(text).isTrue();
      assertThat(fast.uuid()).as(text).isEqualTo(Json.text(tree.get("uuid")));
      assertThat(fast.publishedText()).as(text).isEqualTo(Json.text(tree.get("published")));
    }
    assertThat(accepted).isGreaterThan(1000);
  }

  private static byte[] edit(byte[] b, Random r, byte[] alphabet) {
    int at = r.nextInt(b.length);
    byte c = alphabet[r.nextInt(alphabet.length)];
    switch (r.nextInt(4)) {
      case 0:
        b[at] = c;
        return b;
      case 1: {
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, at);
        out[at] = c;
        System.arraycopy(b, at, out, at + 1, b.length - at);
        return out;
      }
      case 2: {
        byte[] out = new byte[b.length - 1];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + 1, out, at, b.length - at - 1);
        return out;
      }
      default: {
        int from = r.nextInt(b.length);
        int len = Math.min(b.length - from, 1 + r.nextInt(20));
        byte[] out = Arrays.copyOf(b, b.length + len);
        System.arraycopy(b, from, out, at, len);
        System.arraycopy(b, at, out, at + len, b.length - at);
        return out;
      }
    }
  }
}
