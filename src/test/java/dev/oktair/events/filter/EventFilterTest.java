package dev.oktair.events.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LogEvent;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Semantics of filter expressions on small hand-made events. */
class EventFilterTest {
  private static boolean matches(String filter, String json) {
    return EventFilter.parse(filter).test(LogEvent.parse(json));
  }

  @Test
  void precedenceIsComparisonThenNotThenAndThenOr() {
    String onlyA = "{\"a\":\"1\"}";
    String onlyB = "{\"b\":\"1\"}";
    String bAndC = "{\"b\":\"1\",\"c\":\"1\"}";

    assertThat(matches("a pr or b pr and c pr", onlyA)).isTrue();
    assertThat(matches("a pr or b pr and c pr", onlyB)).isFalse();
    assertThat(matches("a pr or b pr and c pr", bAndC)).isTrue();
    assertThat(matches("(a pr or b pr) and c pr", onlyA)).isFalse();
    assertThat(matches("not a pr and b pr", onlyB)).isTrue();
    assertThat(matches("not a pr and b pr", bAndC)).isTrue();
    assertThat(matches("not (a pr or b pr)", onlyB)).isFalse();
    assertThat(matches("not a pr or b pr", onlyA)).isFalse();
    assertThat(matches("not not a pr", onlyA)).isTrue();
  }

  @Test
  void toStringIsTheNormalisedExpression() {
    assertThat(EventFilter.parse("eventType EQ \"x\" AND (a PR OR NOT b eq 1)"))
        .hasToString("eventType eq \"x\" and (a pr or not (b eq 1))");
    assertThat(EventFilter.parse("a pr and (b pr and (c pr))"))
        .hasToString("a pr and b pr and c pr");
    assertThat(EventFilter.parse("(a pr or b pr) or c pr")).hasToString("a pr or b pr or c pr");
    assertThat(EventFilter.parse("((a pr or b pr)) and c pr"))
        .hasToString("(a pr or b pr) and c pr");
    assertThat(EventFilter.parse("a pr or (b pr and c pr)")).hasToString("a pr or b pr and c pr");
    assertThat(EventFilter.parse("not a pr or b pr")).hasToString("not (a pr) or b pr");
    assertThat(EventFilter.parse("x eq TRUE and y ne -1.5E3"))
        .hasToString("x eq true and y ne -1.5E3");
    assertThat(EventFilter.parse("  a   sw\t\"b\"  ")).hasToString("a sw \"b\"");
  }

  @Test
  void stringsTakeJsonEscapesAndRenderThemBack() {
    EventFilter filter =
        EventFilter.parse("a eq \"q\\\"b\\\\s\\/n\\nt\\tu\\u0041\\u0001\\b\\f\\r\"");

    assertThat(filter.test(LogEvent.parse("{\"a\":\"q\\\"b\\\\s/n\\nt\\tuA\\u0001\\b\\f\\r\"}")))
        .isTrue();
    assertThat(filter).hasToString("a eq \"q\\\"b\\\\s/n\\nt\\tuA\\u0001\\b\\f\\r\"");
    assertThat(EventFilter.parse(filter.toString())).isEqualTo(filter);
    assertThat(matches("a eq \"\\u00e9\"", "{\"a\":\"\u00c9\"}")).isTrue();
  }

  @Test
  void attributeNamesAreCaseSensitiveAndValuesAreNot() {
    String json = "{\"eventType\":\"User.Session.Start\"}";

    assertThat(matches("eventType eq \"user.session.start\"", json)).isTrue();
    assertThat(matches("eventtype eq \"user.session.start\"", json)).isFalse();
    assertThat(matches("EventType pr", json)).isFalse();
    assertThat(
            matches(
                "eventType Sw \"USER.\" And eventType Ew \"START\" aNd eventType cO \"n.s\"", json))
        .isTrue();
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a pr | {\"a\":\"x\"} | true",
        "a pr | {\"a\":0} | true",
        "a pr | {\"a\":false} | true",
        "a pr | {\"a\":{\"b\":null}} | true",
        "a pr | {\"a\":[\"\",\"x\"]} | true",
        "a pr | {} | false",
        "a pr | {\"a\":null} | false",
        "a pr | {\"a\":\"null\"} | false",
        "a pr | {\"a\":\"\"} | false",
        "a pr | {\"a\":[]} | false",
        "a pr | {\"a\":{}} | false",
        "a pr | {\"a\":[null,\"\",{}]} | false",
        "a.b pr | {\"a\":[{\"b\":\"\"},{\"b\":\"y\"}]} | true",
        "a ne \"x\" | {} | true",
        "a ne \"x\" | {\"a\":null} | true",
        "a ne \"x\" | {\"a\":\"X\"} | false",
        "a ne \"x\" | {\"a\":[\"y\",\"x\"]} | false",
        "a ne \"x\" | {\"a\":[\"y\",\"z\"]} | true",
        "a ne \"{}\" | {\"a\":{}} | true",
        "a eq \"{}\" | {\"a\":{}} | false",
        "a eq \"null\" | {\"a\":\"null\"} | false",
        "a eq \"\" | {\"a\":\"\"} | true",
        "a co \"\" | {\"a\":\"x\"} | true",
        "a sw \"abc\" | {\"a\":\"ab\"} | false",
        "a ew \"abc\" | {\"a\":\"bc\"} | false",
        "a gt \"b\" | {\"a\":\"Charlie\"} | true",
        "a lt \"b\" | {\"a\":\"Alice\"} | true",
        "a lt \"B\" | {\"a\":\"alice\"} | true",
        "a ge \"alice\" | {\"a\":\"ALICE\"} | true",
        "a le \"ALICE\" | {\"a\":\"alice\"} | true",
        "a gt \"ALICE\" | {\"a\":\"alice\"} | false",
        "a eq 5 | {\"a\":5.0} | true",
        "a eq 5 | {\"a\":\"5.0\"} | true",
        "a eq \"5\" | {\"a\":\"5.0\"} | false",
        "a eq \"5\" | {\"a\":5.0} | true",
        "a gt -1 | {\"a\":0} | true",
        "a lt 1e2 | {\"a\":99.5} | true",
        "a gt 9 | {\"a\":\"10\"} | true",
        "a gt \"9\" | {\"a\":\"10\"} | false",
        "a gt 9 | {\"a\":\"ten\"} | true",
        "a eq true | {\"a\":true} | true",
        "a eq true | {\"a\":\"True\"} | true",
        "a eq \"true\" | {\"a\":true} | true",
        "a eq false | {\"a\":true} | false",
        "a ne false | {\"a\":true} | true",
        "a gt \"2024-06-14T09:00:00Z\" | {\"a\":\"2024-06-14T10:00:00+02:00\"} | false",
        "a lt \"2024-06-14T09:00:00Z\" | {\"a\":\"2024-06-14T10:00:00+02:00\"} | true",
        "a gt \"2024-06-14T09:00:00Z\" | {\"a\":\"2024-06-14 09:00:00.001\"} | true",
        "a gt \"2024-06-14T09:00:00Z\" | {\"a\":\"not a date at all\"} | true",
        "a eq \"K\" | {\"a\":\"\u212a\"} | false",
        "a eq \"i\" | {\"a\":\"\u0131\"} | false",
        "a eq \"\u00e9\" | {\"a\":\"\u00c9\"} | true",
      })
  void comparesAsDocumented(String filter, String json, boolean expected) {
    assertThat(matches(filter, json)).isEqualTo(expected);
  }

  @Test
  void arraysAreFlattenedAndAnyValueCounts() {
    String json =
        "{\"target\":[{\"id\":\"A\",\"type\":\"User\"},{\"id\":\"B\",\"type\":\"AppInstance\"}]}";

    assertThat(matches("target.id eq \"A\" and target.id eq \"B\"", json)).isTrue();
    assertThat(matches("target.id eq \"A\" and target.type eq \"AppInstance\"", json)).isTrue();
    assertThat(matches("target.id eq \"C\" or target.id eq \"b\"", json)).isTrue();
    assertThat(matches("target.id ne \"A\"", json)).isFalse();
    assertThat(matches("not (target.id eq \"C\")", json)).isTrue();
  }

  @Test
  void filtersAreEqualWhenTheirNormalFormsAre() {
    assertThat(EventFilter.parse("A EQ \"x\""))
        .isEqualTo(EventFilter.parse("A eq \"x\""))
        .hasSameHashCodeAs(EventFilter.parse("(A eq \"x\")"));
    assertThat(EventFilter.parse("A eq \"x\"")).isNotEqualTo(EventFilter.parse("A eq \"X\""));
  }

  @Test
  void oneParsedFilterIsSafeToShareAcrossThreads() {
    EventFilter filter =
        EventFilter.parse(
            "target.id eq \"00u1\" and (securityContext.asNumber gt 100 or outcome.result sw"
                + " \"fail\")");
    List<LogEvent> events =
        IntStream.range(0, 2_000)
            .mapToObj(
                i ->
                    LogEvent.parse(
                        "{\"target\":[{\"id\":\"00u"
                            + (i % 3)
                            + "\"}],\"securityContext\":{\"asNumber\":"
                            + (i % 200)
                            + "},\"outcome\":{\"result\":\""
                            + (i % 5 == 0 ? "FAILURE" : "SUCCESS")
                            + "\"}}"))
            .toList();
    long sequential = events.stream().filter(filter).count();

    for (int round = 0; round < 5; round++) {
      assertThat(events.parallelStream().filter(filter).count()).isEqualTo(sequential);
    }
    assertThat(sequential).isBetween(1L, 1_999L);
  }

  @Test
  void aLiteralWrittenForAHostileValueMatchesExactlyThatValue() {
    String hostile = "Mozilla\\\" or eventType pr or a eq \"x\\";
    String filter = "ua eq " + EventFilter.literal(hostile);
    String quoted = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(hostile);
    assertThat(matches(filter, "{\"ua\":" + quoted + "}")).isTrue();
    assertThat(matches(filter, "{\"ua\":\"Mozilla\",\"eventType\":\"x\"}")).isFalse();
  }
}
