package dev.oktair.events.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A filter decided on raw bytes ({@link EventFilter#decide}) says exactly what the tree says, or
 * nothing: over generated filters (random ones, and ones aimed at top-level fields) and many events
 * (fixtures, shared samples, and variants with flipped case, JSON escapes in keys and values,
 * random whitespace, and the top-level field shadowed by nested keys of the same name while its
 * own value turns into a number, null, "null", an array or an object).
 */
class RawDecideTest {
  private static final Random RANDOM = new Random(20261203L);
  private static final String[] TEXT_OPS = {"eq", "ne", "sw", "co", "ew"};
  private static final String[] TOP = {"eventType", "displayMessage", "severity", "legacyEventType", "uuid", "nope"};

  @Test
  void aVerdictOnBytesIsAlwaysTheTreesVerdict() {
    List<LogEvent> events = corpus();
    List<EventFilter> filters = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      filters.add(EventFilter.parse(MightMatchTest.randomExpression(events, 2)));
      filters.add(EventFilter.parse(topLevelExpression(events, 2)));
    }
    int decided = 0;
    int matched = 0;
    for (EventFilter filter : filters) {
      for (LogEvent event : events) {
        byte[] raw = event.raw();
        Boolean verdict = filter.decide(raw, 0, raw.length);
        boolean tree = filter.test(event); // LogEvent.parse: the tree decides
        if (verdict != null) {
          decided++;
          matched += tree ? 1 : 0;
          assertThat(verdict).as("decide of [%s] on %s", filter, event.rawText()).isEqualTo(tree);
        }
      }
    }
    int pairs = filters.size() * events.size();
    assertThat(decided).as("the bytes must decide often").isGreaterThan(pairs / 5);
    assertThat(matched).as("and match at times").isGreaterThan(pairs / 100);
  }

  /** An event read by the strict check without a tree is tested on its bytes, with the same answers. */
  @Test
  void checkedEventsAnswerAsParsedOnes() throws Exception {
    List<LogEvent> events = corpus();
    StringBuilder text = new StringBuilder();
    for (LogEvent e : events) {
      text.append(e.rawText().replace('\n', ' ').replace('\r', ' ')).append('\n');
    }
    List<LogEvent> checked = new ArrayList<>();
    dev.oktair.events.EventReader.create().treeless().read(
        new java.io.ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), "corpus",
        new dev.oktair.events.EventHandler() {
          @Override
          public boolean event(LogEvent event, long line) {
            checked.add(event);
            return true;
          }

          @Override
          public void rejected(dev.oktair.events.RejectedLine line) {
            // a shadowed variant may no longer look like an event: not what this test is about
          }
        });
    assertThat(checked).hasSizeGreaterThan(events.size() * 9 / 10);
    for (int i = 0; i < 80; i++) {
      EventFilter filter = EventFilter.parse(topLevelExpression(events, 2));
      for (LogEvent e : checked) {
        assertThat(filter.test(e)).as("[%s] on %s", filter, e.rawText()).isEqualTo(filter.test(LogEvent.parse(e.raw())));
      }
    }
  }

  @Test
  void onlyTheTopLevelKeyCounts() {
    assertThat(decide("eventType eq \"a.b\"", "{\"actor\":{\"eventType\":\"a.b\"},\"eventType\":\"x\"}")).isFalse();
    assertThat(decide("eventType eq \"a.b\"", "{\"actor\":[{\"eventType\":\"x\"}],\"eventType\":\"A.B\"}")).isTrue();
    assertThat(decide("eventType eq \"a.b\"", "{\"m\":\"\\\"eventType\\\":\\\"a.b\\\"\",\"eventType\":\"x\"}")).isFalse();
    assertThat(decide("eventType eq \"a.b\"", "{\"k\":\"eventType\",\"eventType\":\"a.b\"}")).isTrue();
    assertThat(decide("eventType eq \"a.b\"", "{\"actor\":{\"eventType\":\"a.b\"}}")).isFalse();
    assertThat(decide("eventType ne \"a.b\"", "{\"actor\":{\"eventType\":\"a.b\"}}")).isTrue();
    assertThat(decide("eventType eq \"a.b\"", " {\r\n\t\"eventType\" \t:\n \"a.b\" } ")).isTrue();
  }

  @Test
  void whatOnlyATreeCanTellGetsNoVerdict() {
    assertThat(decide("eventType eq \"a.b\"", "{\"event\\u0054ype\":\"a.b\"}")).isNull();
    assertThat(decide("eventType eq \"a.b\"", "{\"x\\\"\":1,\"eventType\":\"a.b\"}")).isNull();
    assertThat(decide("eventType eq \"a.b\"", "{\"eventType\":\"a\\u002eb\"}")).isNull();
    assertThat(decide("eventType eq \"null\"", "{\"eventType\":\"null\"}")).isNull();
    assertThat(decide("n eq \"16509\"", "{\"n\":16509}")).isNull();
    assertThat(decide("b eq \"true\"", "{\"b\":true}")).isNull();
    assertThat(decide("a eq \"x\"", "{\"a\":[\"x\"]}")).isNull();
    assertThat(decide("a eq \"x\"", "{\"a\":null}")).isNull();
    assertThat(decide("actor.id eq \"x\"", "{\"actor\":{\"id\":\"x\"}}")).isNull();
    assertThat(decide("a gt \"x\"", "{\"a\":\"y\"}")).isNull();
    assertThat(decide("a pr", "{\"a\":\"y\"}")).isNull();
    assertThat(decide("a eq \"\u00e9\"", "{\"a\":\"\u00e9\"}")).isNull();
  }

  @Test
  void combinationsDecideWhenTheirPartsDo() {
    String e = "{\"eventType\":\"user.session.start\",\"actor\":{\"id\":\"00u1\"}}";
    assertThat(decide("eventType sw \"USER.\" and eventType ew \"start\"", e)).isTrue();
    assertThat(decide("eventType co \"session\" and not (eventType eq \"x\")", e)).isTrue();
    assertThat(decide("eventType eq \"x\" and actor.id eq \"00u1\"", e)).isFalse();
    assertThat(decide("eventType eq \"user.session.start\" and actor.id eq \"00u1\"", e)).isNull();
    assertThat(decide("eventType eq \"user.session.start\" or actor.id eq \"00u1\"", e)).isTrue();
    assertThat(decide("eventType eq \"x\" or actor.id eq \"00u1\"", e)).isNull();
    assertThat(decide("eventType eq \"x\" or eventType eq \"y\"", e)).isFalse();
  }

  private static Boolean decide(String filter, String line) {
    byte[] raw = line.getBytes(StandardCharsets.UTF_8);
    Json.EVENT_READER.readTree(raw); // the bytes are what the strict reading accepts
    return EventFilter.parse(filter).decide(raw, 0, raw.length);
  }

  /** The shared corpus, plus whitespace variants and variants whose top-level fields are shadowed. */
  private static List<LogEvent> corpus() {
    List<LogEvent> base = MightMatchTest.corpus();
    List<LogEvent> out = new ArrayList<>(base);
    for (LogEvent event : base) {
      out.add(LogEvent.parse(Rewriter.write(event.json(), Rewriter.Style.SPACED, RANDOM)));
      out.add(LogEvent.parse(Rewriter.write(shadowed(event.json()), Rewriter.Style.values()[RANDOM.nextInt(3)], RANDOM)));
    }
    return out;
  }

  /** A copy with a top-level field's value nested under its own name, the field itself changed or removed. */
  private static JsonNode shadowed(JsonNode event) {
    ObjectNode copy = (ObjectNode) event.deepCopy();
    String key = TOP[RANDOM.nextInt(TOP.length - 1)];
    JsonNode value = copy.get(key);
    ObjectNode nest = copy.putObject("shadow" + RANDOM.nextInt(1000));
    nest.set(key, value == null ? Json.MAPPER.getNodeFactory().stringNode("user.session.start") : value);
    switch (RANDOM.nextInt(6)) {
      case 0 -> copy.put(key, 16509);
      case 1 -> copy.putNull(key);
      case 2 -> copy.put(key, "null");
      case 3 -> copy.putArray(key).add(value == null || !value.isValueNode() ? "x" : value.asString());
      case 4 -> copy.putObject(key).set(key, value);
      default -> copy.remove(key);
    }
    return copy;
  }

  /** A random combination of text comparisons of top-level fields with values from the events. */
  private static String topLevelExpression(List<LogEvent> events, int depth) {
    int shape = RANDOM.nextInt(depth > 0 ? 7 : 1);
    return switch (shape) {
      case 1, 2 -> "(" + topLevelExpression(events, depth - 1) + " and " + topLevelExpression(events, depth - 1) + ")";
      case 3, 4 -> "(" + topLevelExpression(events, depth - 1) + " or " + topLevelExpression(events, depth - 1) + ")";
      case 5 -> "not (" + topLevelExpression(events, depth - 1) + ")";
      default -> {
        String key = TOP[RANDOM.nextInt(TOP.length)];
        String op = TEXT_OPS[RANDOM.nextInt(TEXT_OPS.length)];
        JsonNode value = events.get(RANDOM.nextInt(events.size())).json().get(key);
        String text = value == null || !value.isValueNode() ? "user.session.start" : value.asString();
        if (!text.isEmpty() && RANDOM.nextBoolean()) {
          int a = RANDOM.nextInt(text.length());
          text = switch (op) {
            case "sw" -> text.substring(0, a + 1);
            case "ew" -> text.substring(a);
            case "co" -> text.substring(a, a + 1 + RANDOM.nextInt(text.length() - a));
            default -> text;
          };
        }
        StringBuilder out = new StringBuilder(key).append(' ').append(op).append(' ');
        Literal.string(Rewriter.flipSome(text, RANDOM)).render(out);
        yield out.toString();
      }
    };
  }
}
