package dev.oktair.events.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Filters Okta rejects are rejected at parse time with Okta's code and the bad token's place. */
class FilterErrorsTest {
  static Stream<Arguments> invalid() {
    return Stream.of(
        bad(
            "eventType equals \"x\"",
            "E0000053",
            10,
            "unknown operator 'equals' (expected eq, ne, gt, ge, lt, le, pr, sw, co, ew)"),
        bad("eventType eqq \"x\"", "E0000053", 10, "unknown operator 'eqq'"),
        bad(
            "published gt \"2024-01-01T00:00:00Z\"",
            "E0000053",
            0,
            "use the since and until parameters"),
        bad("eventType eq \"x\" and published pr", "E0000053", 21, "'published' is not supported"),
        bad(
            "debugContext.debugData.url co \"/oauth/\"",
            "E0000031",
            27,
            "operator 'co' is not supported"),
        bad(
            "debugContext.debugData.requestUri CO \"/api\"",
            "E0000031",
            34,
            "debugContext.debugData.requestUri"),
        bad("(eventType eq \"x\"", "E0000053", 17, "expected ')' to close the '(' at position 0"),
        bad("((eventType eq \"x\")", "E0000053", 19, "'(' at position 0"),
        bad("eventType eq \"x\")", "E0000053", 16, "unbalanced ')'"),
        bad("()", "E0000053", 1, "expected an attribute path, found ')'"),
        bad("eventType eq \"x", "E0000053", 13, "unterminated string"),
        bad("eventType eq \"x\\", "E0000053", 13, "unterminated string"),
        bad("eventType eq \"x\" foo", "E0000053", 17, "found 'foo'"),
        bad("eventType pr \"x\"", "E0000053", 13, "found a string"),
        bad("eventType eq \"x\" (", "E0000053", 17, "found '('"),
        bad("", "E0000053", 0, "empty filter expression"),
        bad(" \t ", "E0000053", 0, "empty filter expression"),
        bad("eventType", "E0000053", 9, "expected an operator after 'eventType'"),
        bad("eventType eq", "E0000053", 12, "expected a value"),
        bad("eventType eq null", "E0000053", 13, "null is not a supported value"),
        bad("eventType eq NULL", "E0000053", 13, "null is not a supported value"),
        bad("eventType eq user.session.start", "E0000053", 13, "found 'user.session.start'"),
        bad("eventType eq 01", "E0000053", 13, "expected a value"),
        bad("eventType eq \"a\\qb\"", "E0000053", 15, "invalid escape '\\q'"),
        bad("eventType eq \"\\u00zz\"", "E0000053", 14, "invalid escape '\\u00zz'"),
        bad("eventType eq \"\\u00", "E0000053", 14, "invalid escape"),
        bad("and eventType eq \"x\"", "E0000053", 0, "expected an attribute path, found 'and'"),
        bad("eventType eq \"x\" and", "E0000053", 20, "found the end of the expression"),
        bad("eventType eq \"x\" or or eventType eq \"y\"", "E0000053", 20, "found 'or'"),
        bad("not", "E0000053", 3, "expected an attribute path"),
        bad("target.0.id eq \"x\"", "E0000053", 0, "invalid attribute path 'target.0.id'"),
        bad("actor..id eq \"x\"", "E0000053", 0, "invalid attribute path"),
        bad("eventType eq \"x\" and\n(foo)", "E0000053", 25, "expected an operator after 'foo'"),
        bad(
            "(".repeat(150) + "eventType pr" + ")".repeat(150),
            "E0000053",
            100,
            "nested deeper than 100"));
  }

  private static Arguments bad(String expression, String code, int position, String detail) {
    return Arguments.of(expression, code, position, detail);
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1} at {2}")
  @MethodSource("invalid")
  void rejectsWithOktasCodeAndThePositionOfTheBadToken(
      String expression, String code, int position, String detail) {
    FilterParseException e =
        catchThrowableOfType(FilterParseException.class, () -> EventFilter.parse(expression));

    assertThat(e).as("'%s' must not parse", expression).isNotNull();
    assertThat(e.errorCode()).isEqualTo(code);
    assertThat(e.position()).isEqualTo(position);
    assertThat(e.expression()).isEqualTo(expression);
    assertThat(e.getMessage())
        .startsWith("invalid filter at position " + position + ": ")
        .contains(detail);
  }

  @Test
  void messageQuotesTheExpressionWithACaretUnderTheBadToken() {
    assertThatThrownBy(() -> EventFilter.parse("actor.id equals \"00u1\""))
        .isInstanceOf(FilterParseException.class)
        .hasMessage(
            "invalid filter at position 9: unknown operator 'equals' (expected eq, ne, gt, ge, lt,"
                + " le, pr, sw, co, ew)\n"
                + "  actor.id equals \"00u1\"\n"
                + "           ^^^^^^");
  }

  @Test
  void caretStaysAlignedWhenTheExpressionHasTabsAndNewlines() {
    FilterParseException e =
        catchThrowableOfType(
            FilterParseException.class, () -> EventFilter.parse("a pr and\n\tb zz"));
    String[] lines = e.getMessage().split("\n");

    assertThat(lines).hasSize(3);
    assertThat(lines[1]).isEqualTo("  a pr and  b zz");
    assertThat(lines[2].indexOf('^')).isEqualTo(lines[1].indexOf("zz"));
  }

  @Test
  void errorSummaryUsesOktasWording() {
    FilterParseException op =
        catchThrowableOfType(
            FilterParseException.class,
            () -> EventFilter.parse("display_message eqq \"Create okta user\""));
    FilterParseException co =
        catchThrowableOfType(
            FilterParseException.class,
            () -> EventFilter.parse("debugContext.debugData.url co \"/oauth/\""));

    assertThat(op.errorSummary())
        .isEqualTo(
            "Invalid filter 'display_message eqq \"Create okta user\"': Unrecognized attribute"
                + " operator 'eqq' at position 16. Expected: eq,ne,gt,ge,lt,le,pr,sw,co,ew");
    assertThat(co.errorSummary())
        .isEqualTo(
            "The supplied combination of operator and field is not currently supported. Operator:"
                + " co, Field: debugContext.debugData.url");
  }

  @Test
  void coIsRejectedOnlyOnTheUrlFieldsOktaNames() {
    assertThat(EventFilter.parse("debugContext.debugData.url sw \"/oauth2/\"")).isNotNull();
    assertThat(EventFilter.parse("debugContext.debugData.requestUri eq \"/api/v1/authn\""))
        .isNotNull();
    assertThat(EventFilter.parse("debugContext.debugData.risk co \"level=HIGH\"")).isNotNull();
    assertThat(EventFilter.parse("debugContext.debugData.URL co \"x\"")).isNotNull();
  }

  @Test
  void publishedIsRejectedOnlyAsTheWholeCaseSensitiveName() {
    assertThat(EventFilter.parse("debugContext.debugData.published pr")).isNotNull();
    assertThat(EventFilter.parse("Published pr")).isNotNull();
  }

  @Test
  void plainConstructorKeepsTheOldContract() {
    FilterParseException e = new FilterParseException("bad");

    assertThat(e).hasMessage("bad").isInstanceOf(dev.oktair.errors.OktaIrException.class);
    assertThat(e.kind()).isEqualTo(dev.oktair.errors.Kind.USAGE);
    assertThat(e.errorCode()).isEqualTo("E0000053");
    assertThat(e.position()).isEqualTo(-1);
    assertThat(e.expression()).isEmpty();
  }
}
