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

  /**
   * The check is the UTF-8 and text check too: random edits that bring in bytes UTF-8 never has,
   * cut or overlong sequences, surrogates, control bytes and surrogate escapes; whatever it
   * accepts, both those checks and the full path accept, with the same uuid and published.
   */
  @Test
  void acceptsNoTextTheUtf8AndTextChecksRefuse() {
    Random r = new Random(20261203);
    byte[] alphabet = ("\\u\\ud800\\udc00\\ud83d\\ude00dDcCfF0123456789\"\t\n\r\u0001 \u0000"
        + "\u00e9\u20ac\ud83d\ude00").getBytes(UTF_8);
    byte[] raw = {(byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0,
        (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF, (byte) 0x9F, (byte) 0xA0,
        (byte) 0x8F, (byte) 0x90, (byte) 0xEF, (byte) 0xBB};
    byte[] all = Arrays.copyOf(alphabet, alphabet.length + raw.length);
    System.arraycopy(raw, 0, all, alphabet.length, raw.length);
    byte[] base = EVENT.replace("Ana ", "Ana \u00e9 \ud83d\ude00 \u20ac \\ud83d\\ude00 ").getBytes(UTF_8);
    int accepted = 0;
    int refusedText = 0;
    for (int n = 0; n < 60_000; n++) {
      byte[] b = base.clone();
      for (int edits = 1 + r.nextInt(2); edits > 0; edits--) {
        b = edit(b, r, all);
      }
      boolean text = Utf8.isValid(b, 0, b.length) && JsonText.problem(b, 0, b.length, false) == null;
      refusedText += text ? 0 : 1;
      LogEvent fast = StreamCheck.event(b, 0, b.length);
      if (fast == null) {
        continue;
      }
      accepted++;
      String shown = new String(b, UTF_8);
      assertThat(text).as(shown).isTrue();
      JsonNode tree = Json.EVENT_READER.readTree(b);
      assertThat(tree.isObject() && Envelope.looksLikeEvent(tree)).as(shown).isTrue();
      assertThat(fast.uuid()).as(shown).isEqualTo(Json.text(tree.get("uuid")));
      assertThat(fast.publishedText()).as(shown).isEqualTo(Json.text(tree.get("published")));
    }
    assertThat(accepted).isGreaterThan(1000);
    assertThat(refusedText).isGreaterThan(1000);
  }

  @Test
  void refusesWhatTheUtf8AndTextChecksRefuse() {
    String[] refused = {
      "{\"eventType\":\"x\",\"uuid\":\"a\\ud800\"}", // a lone high surrogate escape
      "{\"eventType\":\"x\",\"uuid\":\"a\\udc00\"}", // a lone low one
      "{\"eventType\":\"x\",\"uuid\":\"a\\ud800\\u0041\"}", // a high one, then no low one
      "{\"eventType\":\"x\",\"uuid\":\"a\u0001\"}", // a control byte
      "\ufeff{\"eventType\":\"x\",\"uuid\":\"a\"}", // a byte order mark
    };
    for (String s : refused) {
      assertThat(check(s)).as(s).isNull();
    }
    byte[][] invalid = {
      {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82},
    };
    for (byte[] bad : invalid) {
      byte[] head = "{\"eventType\":\"x\",\"uuid\":\"a".getBytes(UTF_8);
      byte[] tail = "\"}".getBytes(UTF_8);
      byte[] b = Arrays.copyOf(head, head.length + bad.length + tail.length);
      System.arraycopy(bad, 0, b, head.length, bad.length);
      System.arraycopy(tail, 0, b, head.length + bad.length, tail.length);
      assertThat(Utf8.isValid(b, 0, b.length)).isFalse();
      assertThat(StreamCheck.event(b, 0, b.length)).as(Arrays.toString(bad)).isNull();
    }
    assertThat(check("{\"eventType\":\"x\",\"uuid\":\"a\",\"displayMessage\":\"\u00e9\u20ac\ud83d\ude00 \\ud83d\\ude00\"}")).isNotNull();
  }

  @Test
  void notesWhereTheTopLevelFieldsStart() {
    byte[] b = EVENT.getBytes(UTF_8);
    LogEvent e = StreamCheck.event(b, 0, b.length);
    int at = e.noted(LogEvent.notedField("eventType"));
    assertThat(new String(b, at, "\"user.session.start\"".length(), UTF_8)).isEqualTo("\"user.session.start\"");
    assertThat(e.noted(LogEvent.notedField("severity"))).isEqualTo(LogEvent.ABSENT);
    assertThat(e.noted(LogEvent.notedField("nonesuch"))).isEqualTo(LogEvent.NOT_NOTED);
    assertThat(LogEvent.parse(EVENT).noted(0)).isEqualTo(LogEvent.NOT_NOTED);
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
