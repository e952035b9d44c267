package dev.oktair.events.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LogEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The raw-bytes prefilter is conservative: over many generated filters and many events (the
 * fixtures, the shared real samples, and variants of both with flipped case and JSON escapes),
 * {@code mightMatch} is true whenever {@code test} is. And it does prune.
 */
class MightMatchTest {
  private static final Random RANDOM = new Random(20240614L);
  private static final String[] OPS = {"eq", "ne", "sw", "co", "ew", "gt", "ge", "lt", "le", "pr"};

  @Test
  void filtersNeverRuleOutAMatch() {
    List<LogEvent> events = corpus();
    List<EventFilter> filters = new ArrayList<>();
    for (String[] row : Fixtures.table("/events/filter-golden.tsv")) {
      filters.add(EventFilter.parse(row[0]));
    }
    for (int i = 0; i < 300; i++) {
      filters.add(EventFilter.parse(randomExpression(events, 3)));
    }

    int matches = 0;
    int pruned = 0;
    for (EventFilter filter : filters) {
      for (LogEvent event : events) {
        byte[] raw = event.raw();
        boolean might = filter.mightMatch(raw, 0, raw.length);
        if (filter.test(event)) {
          matches++;
          assertThat(might).as("mightMatch of [%s] on %s", filter, event.rawText()).isTrue();
        } else if (!might) {
          pruned++;
        }
      }
    }
    int pairs = filters.size() * events.size();
    assertThat(matches).as("generated filters must match often").isGreaterThan(pairs / 50);
    assertThat(pruned).as("the prefilter must rule lines out").isGreaterThan(pairs / 20);
  }

  @Test
  void keywordQueriesNeverRuleOutAMatch() {
    List<LogEvent> events = corpus();
    int matches = 0;
    for (int i = 0; i < 200; i++) {
      KeywordQuery query = KeywordQuery.parse(randomKeywords(events));
      for (LogEvent event : events) {
        byte[] raw = event.raw();
        if (query.test(event)) {
          matches++;
          assertThat(query.mightMatch(raw, 0, raw.length))
              .as("mightMatch of q=%s on %s", query, event.rawText())
              .isTrue();
        }
      }
    }
    assertThat(matches)
        .as("generated queries must match often")
        .isGreaterThan(200 * events.size() / 50);
  }

  /**
   * The search over many lines at once (what a reader uses to pass over lines unsplit) finds every
   * line the per-line prefilter lets through, for filters, keyword queries and their conjunction:
   * a read that searches parses a superset of what a read line by line parses (and here exactly it).
   */
  @Test
  void searchingManyLinesFindsEveryLineThePrefilterPasses() {
    List<LogEvent> events = corpus();
    List<dev.oktair.events.LinePredicate> predicates = new ArrayList<>();
    for (String[] row : Fixtures.table("/events/filter-golden.tsv")) {
      predicates.add(EventFilter.parse(row[0]));
    }
    for (int i = 0; i < 150; i++) {
      predicates.add(EventFilter.parse(randomExpression(events, 3)));
      KeywordQuery q = KeywordQuery.parse(randomKeywords(events));
      predicates.add(q);
      predicates.add(predicates.get(predicates.size() - 2).and(q));
    }
    int passed = 0;
    for (dev.oktair.events.LinePredicate p : predicates) {
      List<LogEvent> lines = new ArrayList<>(events);
      java.util.Collections.shuffle(lines, RANDOM);
      lines = lines.subList(0, 1 + RANDOM.nextInt(lines.size()));
      StringBuilder text = new StringBuilder();
      for (LogEvent e : lines) {
        text.append(RANDOM.nextInt(20) == 0 ? "\n" : "").append(e.rawText()).append('\n');
      }
      byte[] buf = text.toString().getBytes(StandardCharsets.UTF_8);
      List<Integer> expected = RawNeedleTest.linesPassed(p::mightMatch, buf);
      assertThat(RawNeedleTest.linesSearched(p::firstCandidate, p::mightMatch, buf)).as("%s", p).isEqualTo(expected);
      passed += expected.size();
    }
    assertThat(passed).as("some lines must pass").isPositive();
  }

  @Test
  void prunesOnlyThroughAndAndOr() {
    byte[] line =
        "{\"eventType\":\"user.session.start\",\"actor\":{\"id\":\"00u1\"}}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(mightMatch("eventType eq \"USER.SESSION.START\"", line)).isTrue();
    assertThat(mightMatch("eventType eq \"user.session.end\"", line)).isFalse();
    assertThat(mightMatch("eventType sw \"app.\"", line)).isFalse();
    assertThat(mightMatch("eventType ew \"end\"", line)).isFalse();
    assertThat(mightMatch("eventType co \"oauth\"", line)).isFalse();
    assertThat(mightMatch("eventType eq \"app.x\" and actor.id eq \"00u1\"", line)).isFalse();
    assertThat(mightMatch("eventType eq \"app.x\" or actor.id eq \"00u1\"", line)).isTrue();
    assertThat(mightMatch("eventType eq \"app.x\" or actor.id eq \"00u2\"", line)).isFalse();
    assertThat(mightMatch("eventType eq \"app.x\" or actor.id pr", line)).isTrue();
    assertThat(mightMatch("not (eventType eq \"app.x\")", line)).isTrue();
    assertThat(mightMatch("eventType ne \"app.x\"", line)).isTrue();
    assertThat(mightMatch("eventType gt \"zzz\"", line)).isTrue();
    assertThat(mightMatch("actor.id eq 42", line)).isTrue();
    assertThat(mightMatch("actor.id eq \"42\"", line)).isTrue();
    assertThat(mightMatch("actor.id eq \"\u00e9\"", line)).isTrue();
    assertThat(mightMatch("actor.id co \"\"", line)).isTrue();
    assertThat(mightMatch("actor.id eq true", line)).isFalse();
  }

  @Test
  void escapesThatCouldHideALiteralStopPruning() {
    assertThat(mightMatch("a eq \"Admin\"", "{\"a\":\"\\u0041dmin\"}")).isTrue();
    assertThat(mightMatch("a eq \"Admin\"", "{\"b\":\"\\u00e9\",\"a\":\"x\"}")).isTrue();
    assertThat(mightMatch("a eq \"Admin\"", "{\"b\":\"x\\\\u0041\",\"a\":\"x\"}")).isFalse();
    assertThat(mightMatch("a eq \"Admin\"", "{\"b\":\"say \\\"hi\\\"\"}")).isFalse();
    assertThat(mightMatch("a sw \"/api\"", "{\"a\":\"\\/api\\/v1\"}")).isTrue();
    assertThat(mightMatch("a sw \"/api\"", "{\"a\":\"/oauth2\"}")).isFalse();
    assertThat(mightMatch("a co \"\\\"x\\\"\"", "{\"a\":\"say \\\"x\\\"\"}")).isTrue();
    assertThat(mightMatch("a co \"\\\"x\\\"\"", "{\"a\":\"say x\"}")).isFalse();
  }

  @Test
  void keywordPrefilterNeedsEveryPrunableKeyword() {
    byte[] line =
        "{\"displayMessage\":\"User login to Okta\",\"n\":16509}".getBytes(StandardCharsets.UTF_8);

    assertThat(KeywordQuery.parse("okta LOGIN").mightMatch(line, 0, line.length)).isTrue();
    assertThat(KeywordQuery.parse("okta logout").mightMatch(line, 0, line.length)).isFalse();
    assertThat(KeywordQuery.parse("okta 99").mightMatch(line, 0, line.length)).isTrue();
    assertThat(KeywordQuery.parse("\u00e9mile").mightMatch(line, 0, line.length)).isTrue();
    assertThat(KeywordQuery.parse("").mightMatch(line, 0, line.length)).isTrue();
  }

  @Test
  void searchStaysInsideTheGivenWindow() {
    byte[] buf = "xxneedlexx|{\"a\":\"hay\"}|needle".getBytes(StandardCharsets.UTF_8);
    EventFilter filter = EventFilter.parse("a eq \"needle\"");

    assertThat(filter.mightMatch(buf, 11, 11)).isFalse();
    assertThat(filter.mightMatch(buf, 0, 8)).isTrue();
    assertThat(filter.mightMatch(buf, 23, 6)).isTrue();
    assertThat(filter.mightMatch(buf, 23, 5)).isFalse();
  }

  @Test
  void ipAddressesAndDatesPruneButNumbersDoNot() {
    byte[] line =
        "{\"client\":{\"ipAddress\":\"1.2.3.4\"},\"n\":16509}".getBytes(StandardCharsets.UTF_8);

    assertThat(mightMatch("client.ipAddress eq \"9.9.9.9\"", line)).isFalse();
    assertThat(mightMatch("client.ipAddress eq \"1.2.3.4\"", line)).isTrue();
    assertThat(mightMatch("x eq \"2024-06-14\"", line)).isFalse();
    assertThat(mightMatch("n co \"99\"", line)).isTrue();
  }

  private static boolean mightMatch(String filter, String line) {
    return mightMatch(filter, line.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean mightMatch(String filter, byte[] line) {
    return EventFilter.parse(filter).mightMatch(line, 0, line.length);
  }

  /** Fixtures and shared samples, each also with flipped case and with random JSON escapes. */
  static List<LogEvent> corpus() {
    List<LogEvent> base = new ArrayList<>(Fixtures.events());
    base.addAll(Fixtures.sharedSamples());
    List<LogEvent> out = new ArrayList<>();
    for (LogEvent event : base) {
      out.add(event);
      out.add(LogEvent.parse(Rewriter.write(event.json(), Rewriter.Style.FLIP_CASE, RANDOM)));
      out.add(LogEvent.parse(Rewriter.write(event.json(), Rewriter.Style.ESCAPE, RANDOM)));
    }
    return out;
  }

  static String randomExpression(List<LogEvent> events, int depth) {
    int shape = RANDOM.nextInt(depth > 0 ? 8 : 1);
    return switch (shape) {
      case 1, 2 ->
          "("
              + randomExpression(events, depth - 1)
              + " and "
              + randomExpression(events, depth - 1)
              + ")";
      case 3, 4 ->
          "("
              + randomExpression(events, depth - 1)
              + " or "
              + randomExpression(events, depth - 1)
              + ")";
      case 5 -> "not (" + randomExpression(events, depth - 1) + ")";
      default -> randomComparison(events);
    };
  }

  private static String randomComparison(List<LogEvent> events) {
    LogEvent event = events.get(RANDOM.nextInt(events.size()));
    List<Map.Entry<String, JsonNode>> leaves = Rewriter.leaves(event.json());
    if (leaves.isEmpty()) {
      return "uuid pr";
    }
    Map.Entry<String, JsonNode> leaf = pick(leaves);
    String op = OPS[RANDOM.nextInt(OPS.length)];
    boolean refused =
        leaf.getKey().equals("published")
            || (op.equals("co")
                && leaf.getKey().matches("debugContext\\.debugData\\.(url|requestUri)"));
    String path = refused ? "eventType" : leaf.getKey();
    if (op.equals("pr")) {
      return path + " pr";
    }
    JsonNode value = leaf.getValue();
    if (value.isNumber() && RANDOM.nextBoolean()) {
      return path + " " + op + " " + value.asString();
    }
    if (value.isBoolean() && RANDOM.nextBoolean()) {
      return path + " " + op + " " + value.asString();
    }
    StringBuilder out = new StringBuilder(path).append(' ').append(op).append(' ');
    Literal.string(Rewriter.flipSome(slice(value.asString(), op), RANDOM)).render(out);
    return out.toString();
  }

  /** Returns a random leaf; numbers, a minority in events, are picked a quarter of the time. */
  private static Map.Entry<String, JsonNode> pick(List<Map.Entry<String, JsonNode>> leaves) {
    List<Map.Entry<String, JsonNode>> numbers =
        leaves.stream().filter(e -> e.getValue().isNumber()).toList();
    List<Map.Entry<String, JsonNode>> from =
        numbers.isEmpty() || RANDOM.nextInt(4) > 0 ? leaves : numbers;
    return from.get(RANDOM.nextInt(from.size()));
  }

  /** Returns a part of {@code text} that the operator would find: a prefix for sw, and so on. */
  private static String slice(String text, String op) {
    if (text.isEmpty() || RANDOM.nextInt(4) == 0) {
      return text;
    }
    int a = RANDOM.nextInt(text.length());
    int b = a + RANDOM.nextInt(text.length() - a) + 1;
    return switch (op) {
      case "sw" -> text.substring(0, b);
      case "ew" -> text.substring(a);
      case "co" -> text.substring(a, b);
      default -> text;
    };
  }

  private static String randomKeywords(List<LogEvent> events) {
    LogEvent event = events.get(RANDOM.nextInt(events.size()));
    List<Map.Entry<String, JsonNode>> leaves = Rewriter.leaves(event.json());
    List<String> keywords = new ArrayList<>();
    int count = 1 + RANDOM.nextInt(3);
    for (int i = 0; i < count && !leaves.isEmpty(); i++) {
      String text = pick(leaves).getValue().asString();
      String[] words = text.split("[\\s,;:(){}\\[\\]=\"/]+");
      String word = words.length == 0 ? "" : words[RANDOM.nextInt(words.length)];
      if (!word.isEmpty() && word.length() <= 40) {
        keywords.add(Rewriter.flipSome(word, RANDOM));
      }
    }
    return String.join(" ", keywords);
  }
}
