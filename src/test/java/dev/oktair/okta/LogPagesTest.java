package dev.oktair.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.events.LogEvent;
import dev.oktair.events.RejectedLine;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogPagesTest {
  private static final URI PAGE = URI.create("https://acme.okta.com/api/v1/logs?since=2024-06-01T00%3A00%3A00Z&after=x1");

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<LogEvent> events(String page) {
    LogPages.Parsed parsed = LogPages.parse(utf8(page), PAGE);
    assertThat(parsed.rejected()).isEmpty();
    return parsed.events();
  }

  @Test
  void keepsEachElementsExactBytes() {
    String a = "{\"uuid\":\"a\",  \"published\" : \"2024-06-14T09:00:00.000Z\",\"eventType\":\"x\",\"n\":1.50,\"s\":\"caf\\u00e9 \u00e9\"}";
    String b = "{ \"uuid\":\"b\",\"eventType\":\"x\",\"nested\":{\"x\":[1, 2 ,{}]},\"esc\":\"\\\"}\\\\\" }";
    String page = " [ " + a + " ,\t" + b + "]\n";
    List<LogEvent> events = events(page);
    assertThat(events).extracting(LogEvent::rawText).containsExactly(a, b);
    assertThat(events.get(0).uuid()).isEqualTo("a");
    assertThat(events.get(1).json().path("nested").path("x")).hasSize(3);
  }

  @Test
  void keepsMultibyteCharactersByteExact() {
    String a = "{\"uuid\":\"\u00fc\u6f22\ud83d\ude00\",\"eventType\":\"x\",\"displayMessage\":\"\u00e9\\ud83d\\ude00\"}";
    List<LogEvent> events = events("[" + a + "," + a + "]");
    assertThat(events.get(1).raw()).isEqualTo(utf8(a));
  }

  @Test
  void compactsAnElementSpanningLinesButNotItsStrings() {
    String pretty = "[\n  {\n    \"uuid\" : \"a\",\n    \"eventType\" : \"x\",\n    \"msg\" : \"two  spaces\\n kept\"\n  }\n]";
    assertThat(events(pretty).get(0).rawText()).isEqualTo("{\"uuid\":\"a\",\"eventType\":\"x\",\"msg\":\"two  spaces\\n kept\"}");
  }

  @Test
  void emptyPage() {
    assertThat(events("[]")).isEmpty();
  }

  @Test
  void rejectsEachElementThatIsNotEvidenceAndKeepsTheRest() {
    String good = "{\"uuid\":\"g\",\"eventType\":\"user.session.start\"}";
    String surrogate = "{\"uuid\":\"s\",\"eventType\":\"x\",\"displayMessage\":\"\\ud800\"}";
    String duplicate = "{\"uuid\":\"d\",\"eventType\":\"x\",\"client\":{\"ipAddress\":\"1.1.1.1\"},\"client\":{}}";
    String control = "{\"uuid\":\"c\",\"eventType\":\"x\",\"displayMessage\":\"a\u0001b\"}";
    String notAnEvent = "{\"a\":1}";
    String wrapper = "{\"result\":{\"_raw\":\"" + good.replace("\"", "\\\"") + "\"}}";
    LogPages.Parsed parsed = LogPages.parse(utf8("[" + String.join(",", good, surrogate, duplicate, good, control,
        notAnEvent, wrapper) + "]"), PAGE);
    assertThat(parsed.events()).extracting(LogEvent::rawText).containsExactly(good, good);
    assertThat(parsed.rejected()).extracting(RejectedLine::line).containsExactly(2L, 3L, 5L, 6L, 7L);
    assertThat(parsed.rejected()).extracting(RejectedLine::text).containsExactly(surrogate, duplicate, control,
        notAnEvent, wrapper);
    assertThat(parsed.rejected()).extracting(RejectedLine::message).satisfiesExactly(
        m -> assertThat(m).contains("lone surrogate escape \\ud800"),
        m -> assertThat(m).containsIgnoringCase("duplicate").contains("client"),
        m -> assertThat(m).contains("control character 0x01"),
        m -> assertThat(m).startsWith("not a System Log event"),
        m -> assertThat(m).startsWith("not a System Log event"));
    assertThat(parsed.rejected()).extracting(RejectedLine::source).containsOnly(PAGE.toString());
  }

  @Test
  void namesThePageWithoutUserInfo() {
    assertThat(LogPages.display(URI.create("https://user:pw@acme.okta.com:8443/api/v1/logs?after=1#frag")))
        .isEqualTo("https://acme.okta.com:8443/api/v1/logs?after=1");
  }

  @Test
  void refusesWhatIsNotAnArrayOfObjects() {
    assertThatThrownBy(() -> LogPages.parse(utf8("{\"errorCode\":\"E0000001\"}"), PAGE))
        .isInstanceOf(OktaException.class).hasMessageContaining("not a JSON array");
    assertThatThrownBy(() -> LogPages.parse(utf8("[1]"), PAGE))
        .isInstanceOf(OktaException.class).hasMessageContaining("other than event objects");
    assertThatThrownBy(() -> LogPages.parse(utf8("[{\"a\":"), PAGE))
        .isInstanceOf(OktaException.class).hasMessageContaining("not valid JSON");
  }
}
