package dev.oktair.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinksTest {
  private static final URI BASE = URI.create("https://acme.okta.com/api/v1/logs?since=x");

  @Test
  void readsNextFromSeparateHeaderLines() {
    List<String> headers = List.of(
        "<https://acme.okta.com/api/v1/logs?limit=2>; rel=\"self\"",
        "<https://acme.okta.com/api/v1/logs?limit=2&after=abc>; rel=\"next\"");
    assertThat(Links.next(headers, BASE)).hasToString("https://acme.okta.com/api/v1/logs?limit=2&after=abc");
    assertThat(Links.parse(headers, BASE)).containsOnlyKeys("self", "next");
  }

  @Test
  void readsNextFromCommaJoinedValues() {
    List<String> headers = List.of(
        "<https://acme.okta.com/api/v1/logs?a=1>; rel=\"self\", <https://acme.okta.com/api/v1/logs?after=2>; rel=\"next\"");
    assertThat(Links.next(headers, BASE)).hasToString("https://acme.okta.com/api/v1/logs?after=2");
  }

  @Test
  void keepsTheOktaExampleCursorVerbatim() {
    String next = "https://acme.okta.com/api/v1/logs?q=&sortOrder=DESCENDING&limit=20"
        + "&until=2017-09-17T15%3A41%3A12.994Z&after=349996bd-5091-45dc-a39f-d357867a30d7"
        + "&since=2017-06-10T00%3A00%3A00%2B00%3A00";
    assertThat(Links.next(List.of("<" + next + ">; rel=\"next\""), BASE)).hasToString(next);
  }

  @Test
  void acceptsUnquotedRelSeveralRelationsAndExtraParameters() {
    List<String> headers = List.of(
        "<https://acme.okta.com/p1>; title=\"a, b; c\"; rel=next",
        "<https://acme.okta.com/p2>; rel=\"prev first\"");
    assertThat(Links.parse(headers, BASE))
        .containsEntry("next", URI.create("https://acme.okta.com/p1"))
        .containsEntry("prev", URI.create("https://acme.okta.com/p2"))
        .containsEntry("first", URI.create("https://acme.okta.com/p2"));
  }

  @Test
  void resolvesRelativeLinksAgainstTheRequest() {
    assertThat(Links.next(List.of("</api/v1/logs?after=9>; rel=\"next\""), BASE))
        .hasToString("https://acme.okta.com/api/v1/logs?after=9");
  }

  @Test
  void noNextAtTheEndOfABoundedQuery() {
    assertThat(Links.next(List.of("<https://acme.okta.com/api/v1/logs>; rel=\"self\""), BASE)).isNull();
    assertThat(Links.next(List.of(), BASE)).isNull();
    assertThat(Links.next(List.of("garbage; rel=next", "<unclosed; rel=next"), BASE)).isNull();
  }

  @Test
  void firstLinkOfARelationWins() {
    List<String> headers = List.of("<https://a.okta.com/1>; rel=next", "<https://a.okta.com/2>; rel=next");
    assertThat(Links.next(headers, BASE)).hasToString("https://a.okta.com/1");
  }
}
