package dev.oktair.events.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LinePredicate;
import dev.oktair.events.LogEvent;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tables: each filter expression (and each {@code q}) against the fixture events, with the
 * uuids it must match. Every row also proves the raw-bytes prefilter never rules out a match and,
 * for filters, that the normalised form parses back to the same filter.
 */
class FilterGoldenTest {
  private static final List<LogEvent> EVENTS = Fixtures.events();

  static Stream<Arguments> filters() {
    return Fixtures.table("/events/filter-golden.tsv").stream().map(r -> Arguments.of(r[0], r[1]));
  }

  static Stream<Arguments> queries() {
    return Fixtures.table("/events/q-golden.tsv").stream().map(r -> Arguments.of(r[0], r[1]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void filterMatchesExactlyTheExpectedEvents(String expression, String expected) {
    EventFilter filter = EventFilter.parse(expression);

    assertThat(matching(filter)).as(expression).containsExactlyElementsOf(Fixtures.uuids(expected));
    assertPrefilterKeepsEveryMatch(expression, filter, filter::mightMatch);
    EventFilter again = EventFilter.parse(filter.toString());
    assertThat(again).isEqualTo(filter);
    assertThat(again.toString()).isEqualTo(filter.toString());
    assertThat(matching(again)).isEqualTo(matching(filter));
  }

  @ParameterizedTest(name = "q={0}")
  @MethodSource("queries")
  void keywordQueryMatchesExactlyTheExpectedEvents(String q, String expected) {
    KeywordQuery query = KeywordQuery.parse(q);

    assertThat(matching(query)).as(q).containsExactlyElementsOf(Fixtures.uuids(expected));
    assertPrefilterKeepsEveryMatch("q=" + q, query, query::mightMatch);
  }

  /** The raw-bytes prefilter may let a non-match through, but must never rule out a match. */
  private static void assertPrefilterKeepsEveryMatch(String label, Predicate<LogEvent> test, LinePredicate prefilter) {
    for (LogEvent event : EVENTS) {
      if (test.test(event)) {
        byte[] raw = event.raw();
        assertThat(prefilter.mightMatch(raw, 0, raw.length)).as("mightMatch %s on %s", label, event).isTrue();
      }
    }
  }

  @Test
  void fixtureUuidsAreUniqueSoTheTablesMeanSomething() {
    List<String> uuids = EVENTS.stream().map(LogEvent::uuid).toList();
    assertThat(uuids).hasSize(13).doesNotHaveDuplicates();
  }

  @Test
  void emptyQueryMatchesEverything() {
    assertThat(matching(KeywordQuery.parse("  "))).hasSize(EVENTS.size());
  }

  private static List<String> matching(Predicate<LogEvent> predicate) {
    return EVENTS.stream().filter(predicate).map(LogEvent::uuid).toList();
  }
}
