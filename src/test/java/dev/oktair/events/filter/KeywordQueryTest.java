package dev.oktair.events.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oktair.events.LogEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Okta's {@code q}: limits, and what "match exactly" means locally. */
class KeywordQueryTest {
  private static boolean matches(String q, String json) {
    return KeywordQuery.parse(q).test(LogEvent.parse(json));
  }

  @Test
  void splitsOnAnyWhitespaceAndKeepsOrder() {
    assertThat(KeywordQuery.parse("  San\tFrancisco\n alice ").keywords())
        .containsExactly("San", "Francisco", "alice");
    assertThat(KeywordQuery.parse("b a")).hasToString("b a").isEqualTo(KeywordQuery.parse(" b  a"));
    assertThat(KeywordQuery.parse("").keywords()).isEmpty();
  }

  @Test
  void acceptsTenKeywordsOfFortyCharacters() {
    String forty = "x".repeat(40);
    String fortyAccented = "\u00e9".repeat(39) + "\ud83d\ude00"; // 40 code points, 41 chars

    assertThat(KeywordQuery.parse("a b c d e f g h i j").keywords()).hasSize(10);
    assertThat(KeywordQuery.parse(forty).keywords()).containsExactly(forty);
    assertThat(KeywordQuery.parse(fortyAccented).keywords()).hasSize(1);
  }

  @Test
  void refusesAnEleventhKeywordAsOktaDoes() {
    FilterParseException e =
        catchThrowableOfType(
            FilterParseException.class, () -> KeywordQuery.parse("a b c d e f g h i j kk"));

    assertThat(e.errorCode()).isEqualTo("E0000001");
    assertThat(e.position()).isEqualTo(20);
    assertThat(e.expression()).isEqualTo("a b c d e f g h i j kk");
    assertThat(e.getMessage())
        .startsWith("invalid q at position 20: Freeform search cannot contain more than 10 items")
        .endsWith("\n  a b c d e f g h i j kk\n                      ^^");
  }

  @Test
  void refusesAKeywordOverFortyCharactersWithOktasWording() {
    String q = "ok " + "y".repeat(41);
    FilterParseException e =
        catchThrowableOfType(FilterParseException.class, () -> KeywordQuery.parse(q));

    assertThat(e.errorCode()).isEqualTo("E0000001");
    assertThat(e.position()).isEqualTo(3);
    assertThat(e.getMessage())
        .contains("Freeform search cannot contain items longer than 40 characters");
    assertThat(e.errorSummary())
        .isEqualTo(
            "Api validation failed: 'q': Freeform search cannot contain items longer than 40"
                + " characters. Please shorten the items in your search or use an advanced filter"
                + " to query by specific fields.");
  }

  @ParameterizedTest(name = "q={0} on {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "alice | {\"a\":\"alice\"} | true",
        "ALICE | {\"a\":\"Alice\"} | true",
        "alic | {\"a\":\"alice\"} | false",
        "lice | {\"a\":\"alice\"} | false",
        "alice | {\"alice\":\"x\"} | false",
        "alice | {\"a\":[\"bob\",{\"b\":\"alice\"}]} | true",
        "alice bob | {\"a\":\"alice\",\"b\":\"bob\"} | true",
        "alice carol | {\"a\":\"alice\",\"b\":\"bob\"} | false",
        "alice alice | {\"a\":\"alice\"} | true",
        "francisco | {\"a\":\"San Francisco\"} | true",
        "san francisco | {\"a\":\"San Francisco\"} | true",
        "alice | {\"a\":\"alice@example.com\"} | true",
        "example.com | {\"a\":\"alice@example.com\"} | true",
        "example | {\"a\":\"alice@example.com\"} | false",
        "homer | {\"a\":\"homer.simpson@springfield.com\"} | false",
        "homer.simpson | {\"a\":\"homer.simpson@springfield.com\"} | true",
        "interestingURI.com | {\"a\":\"https://interestingURI.com/x?y=1\"} | true",
        "okta | {\"a\":\"User login to Okta.\"} | true",
        "okta. | {\"a\":\"User login to Okta.\"} | true",
        "XOxBw | {\"a\":\"XOxBw-2JIRnCFd0gG0GjHAAABjY\"} | true",
        "2JIRnCFd0gG0GjHAAABjY | {\"a\":\"XOxBw-2JIRnCFd0gG0GjHAAABjY\"} | true",
        "XOxBw-2JIRn | {\"a\":\"XOxBw-2JIRnCFd0gG0GjHAAABjY\"} | false",
        "geo | {\"a\":\"{New Geo-Location=NEGATIVE}\"} | true",
        "geo-location | {\"a\":\"{New Geo-Location=NEGATIVE}\"} | true",
        "geo-location=negative | {\"a\":\"{New Geo-Location=NEGATIVE}\"} | true",
        "Mozilla/5.0 | {\"a\":\"Mozilla/5.0 (X11)\"} | true",
        "x11 | {\"a\":\"Mozilla/5.0 (X11)\"} | true",
        "(x11) | {\"a\":\"Mozilla/5.0 (X11)\"} | true",
        "1.2.3.4 | {\"a\":\"1.2.3.4\"} | true",
        "1.2.3 | {\"a\":\"1.2.3.4\"} | false",
        "16509 | {\"a\":16509} | true",
        "1650 | {\"a\":16509} | false",
        "false | {\"a\":false} | true",
        "null | {\"a\":null,\"b\":\"null\"} | false",
        "\u00e9mile | {\"a\":\"\u00c9mile Zola\"} | true",
        "kelvin | {\"a\":\"\u212aelvin\"} | false",
        "10_15_7 | {\"a\":\"Mac OS X 10_15_7)\"} | true",
      })
  void matchesWholeValuesPiecesWordsAndHyphenParts(String q, String json, boolean expected) {
    assertThat(matches(q, json)).isEqualTo(expected);
  }
}
